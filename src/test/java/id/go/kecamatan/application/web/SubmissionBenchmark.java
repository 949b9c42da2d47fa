package id.go.kecamatan.application.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.LoadGenerator;
import id.go.kecamatan.NodeProcess;
import id.go.kecamatan.ProcessorTime;
import id.go.kecamatan.documents.BlobStore;
import id.go.kecamatan.documents.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Application submissions through the API under load (not part of the normal build; see
 * docs/performance.md "Submissions"):
 *
 * <pre>
 * ./mvnw -B -o verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dit.test=SubmissionBenchmark -DargLine=-Xmx512m | grep BENCH
 * </pre>
 *
 * <p>Each submission is a LEGALISIR application of the demo office Jetis with a camera photo (a
 * photo-like 4,000 × 3,000 JPEG of about 250 KB with an EXIF block holding a GPS position) and a
 * scanned PDF of about 200 KB (one A4 page holding a JPEG), posted as multipart by {@link
 * LoadGenerator} from {@code -Dbench.concurrency=4,16} clients for {@code -Dbench.seconds=15} each
 * after a warm-up. It prints requests per second, p50/p95/p99, the processor time per submission of
 * the node and of PostgreSQL, the node's resident memory, and then checks that every acknowledged
 * submission (201 with a tracking code) is in the database with both documents, whose blobs are
 * stored.
 *
 * <p>By default the node is this JVM (the test context), which the load generator shares, so its
 * resident memory is an upper bound of a node's. {@code -Dbench.node="-Xmx512m"} runs the node as
 * an operator does instead, a JVM of its own with these options ({@link NodeProcess}) on the test
 * context's database and documents folder, and prints that process's memory; {@code
 * -Dbench.nodeEnv=MALLOC_ARENA_MAX=2,...} adds to its environment. {@code -Dbench.orientation=6}
 * sends portrait photos (turned by EXIF), {@code -Dbench.photo=800x600 -Dbench.photoBytes=40000}
 * another photo (what the rest of a submission costs shows with a small one), {@code
 * -Dbench.jfr=target/submissions.jfr} records a flight recording of the last run (of this JVM; a
 * node of its own is recorded with {@code -XX:StartFlightRecording} among its options).
 */
@IntegrationTest
class SubmissionBenchmark {

  static final List<Integer> CONCURRENCY =
      Arrays.stream(System.getProperty("bench.concurrency", "4,16").split(","))
          .map(String::strip)
          .map(Integer::valueOf)
          .toList();
  static final Duration SECONDS = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
  static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 10));
  static final int ORIENTATION = Integer.getInteger("bench.orientation", 1);
  static final String PHOTO = System.getProperty("bench.photo", "4000x3000");
  static final int PHOTO_BYTES = Integer.getInteger("bench.photoBytes", 250 * 1024);
  static final String JFR = System.getProperty("bench.jfr", "");
  static final List<String> NODE =
      Arrays.stream(System.getProperty("bench.node", "").split(" "))
          .filter(option -> !option.isBlank())
          .toList();
  static final String NODE_ENV = System.getProperty("bench.nodeEnv", "");
  static final Pattern TRACKING = Pattern.compile("\"trackingCode\"\\s*:\\s*\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired BlobStore blobs;

  @Value("${layanan.documents.dir}")
  Path documents;

  @Test
  void submissionsWithACameraPhotoAndAScannedPdf() throws Exception {
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    String slug =
        jdbc.sql("select slug from office where id = ?").param(jetis).query(String.class).single();
    String village =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    List<String> requirements =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'LEGALISIR' order by r.position
                """)
            .param(jetis)
            .query(String.class)
            .list();
    String[] side = PHOTO.split("x");
    byte[] photo =
        TestFiles.withExif(
            TestFiles.jpegOfAbout(
                TestFiles.photoLike(Integer.parseInt(side[0]), Integer.parseInt(side[1]), 1),
                PHOTO_BYTES),
            ORIENTATION);
    byte[] pdf = scannedPdf(200 * 1024);
    System.out.printf(
        Locale.ROOT,
        "BENCH files: photo %s %,d bytes (EXIF orientation %d, GPS), PDF %,d bytes%n",
        PHOTO,
        photo.length,
        ORIENTATION,
        pdf.length);

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("nik", "3516164101900001");
    fields.put("name", "Siti Aminah");
    fields.put("birthPlace", "Mojokerto");
    fields.put("birthDate", "1990-01-01");
    fields.put("sex", "FEMALE");
    fields.put("villageId", village);
    fields.put("address", "Dusun Jetis RT 01 RW 02");
    fields.put("phone", "081234567890");
    fields.put("answers[jenis_dokumen]", "Surat keterangan");
    fields.put("answers[jumlah_lembar]", "2");
    fields.put("answers[keperluan]", "Melamar kerja");
    String boundary = "----bench" + UUID.randomUUID();
    byte[] body =
        multipart(
            boundary,
            fields,
            List.of(
                new FilePart(requirements.get(0), "IMG_20261204_101500.jpg", "image/jpeg", photo),
                new FilePart(
                    requirements.get(requirements.size() - 1),
                    "scan.pdf",
                    "application/pdf",
                    pdf)));
    NodeProcess node = NODE.isEmpty() ? null : startNode();
    try {
      measure(node, jetis, slug, body, boundary);
    } finally {
      if (node != null) {
        System.out.println("BENCH node stopped with exit code " + node.stop());
      }
    }
  }

  /**
   * A node of its own on the test context's database and documents folder, with the JVM options of
   * {@code bench.node}; the limits per address are the test context's (every client is loopback).
   */
  private NodeProcess startNode() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(
        "SPRING_DATASOURCE_URL",
        "jdbc:postgresql://127.0.0.1:"
            + jdbc.sql("select inet_server_port()").query(Integer.class).single()
            + "/"
            + jdbc.sql("select current_database()").query(String.class).single());
    settings.put("SPRING_DATASOURCE_USERNAME", "postgres");
    settings.put("LAYANAN_DOCUMENTS_DIR", documents.toAbsolutePath().toString());
    settings.put("LAYANAN_SUBMISSIONS_PER_HOUR_PER_ADDRESS", "100000");
    settings.put("LAYANAN_SUBMISSIONS_PER_HOUR_PER_RECIPIENT", "100000");
    Arrays.stream(NODE_ENV.split(","))
        .filter(pair -> pair.contains("="))
        .forEach(
            pair ->
                settings.put(
                    pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)));
    NodeProcess node = NodeProcess.start("submission-benchmark", settings, NODE);
    System.out.println(
        "BENCH node: its own JVM (pid "
            + node.pid()
            + ") with "
            + String.join(" ", NODE)
            + (NODE_ENV.isBlank() ? "" : "; environment " + NODE_ENV)
            + "; "
            + node.memory());
    return node;
  }

  private void measure(NodeProcess node, UUID jetis, String slug, byte[] body, String boundary)
      throws Exception {
    long pid = node == null ? ProcessHandle.current().pid() : node.pid();
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + (node == null ? port : node.port())
                + "/api/v1/offices/"
                + slug
                + "/services/LEGALISIR/applications");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<Integer, java.util.concurrent.atomic.LongAdder> statuses = new ConcurrentHashMap<>();
    java.util.function.Consumer<java.net.http.HttpResponse<byte[]>> answered =
        r -> {
          statuses
              .computeIfAbsent(r.statusCode(), k -> new java.util.concurrent.atomic.LongAdder())
              .increment();
          if (r.statusCode() == 201) {
            acknowledged.add(tracking(r.body()));
          }
        };

    System.out.println(
        "BENCH load average at start: "
            + LoadGenerator.loadAverage()
            + "; "
            + Runtime.getRuntime().availableProcessors()
            + " cores; "
            + (node == null ? "max heap " : "the load generator's JVM's max heap ")
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MiB; the node's "
            + NodeProcess.memory(pid));
    LoadGenerator.Result warmUp =
        LoadGenerator.run("warm-up", 4, WARM_UP, 201, () -> request, answered);
    System.out.println(warmUp.line());
    Recording recording = null;
    for (int i = 0; i < CONCURRENCY.size(); i++) {
      int c = CONCURRENCY.get(i);
      // the recording is of this JVM: with a node of its own, give the node
      // -XX:StartFlightRecording
      if (!JFR.isBlank() && node == null && i == CONCURRENCY.size() - 1) {
        recording = new Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.start();
      }
      statuses.clear();
      long cpuBefore = node == null ? ProcessorTime.jvm() : ProcessorTime.process(pid);
      long postgresBefore = ProcessorTime.postgres(jdbc);
      LoadGenerator.Result result =
          LoadGenerator.run("submit LEGALISIR photo+pdf", c, SECONDS, 201, () -> request, answered);
      long cpu = (node == null ? ProcessorTime.jvm() : ProcessorTime.process(pid)) - cpuBefore;
      long postgres = ProcessorTime.postgres(jdbc) - postgresBefore;
      long stored = statuses.getOrDefault(201, new java.util.concurrent.atomic.LongAdder()).sum();
      System.out.println(result.line());
      // the processor time per submission: what the machine's load does not change, unlike the
      // rate; the node is its JVM's (less the load generator's when they share it), and the
      // database's comes on top
      double perSubmission = 1e6 * Math.max(1, stored);
      double nodeCpu = (node == null ? cpu - result.clientCpuNanos() : cpu) / perSubmission;
      double database = postgres / perSubmission;
      System.out.printf(
          Locale.ROOT,
          "BENCH c=%d: processor time per acknowledged submission: node %.1f ms + PostgreSQL %.1f"
              + " ms = %.1f ms (%d cores: at most %.0f/s); the load generator %.1f ms more%n",
          c,
          nodeCpu,
          database,
          nodeCpu + database,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().availableProcessors() * 1e3 / Math.max(0.001, nodeCpu + database),
          result.clientCpuNanos() / perSubmission);
      System.out.println(
          "BENCH after c="
              + c
              + ": statuses "
              + new java.util.TreeMap<>(statuses)
              + "; load "
              + LoadGenerator.loadAverage()
              + "; "
              + NodeProcess.memory(pid));
      if (NODE.stream().anyMatch(option -> option.startsWith("-XX:NativeMemoryTracking="))) {
        nativeMemory(pid);
      }
    }
    if (recording != null) {
      recording.stop();
      recording.dump(Path.of(JFR));
      recording.close();
      System.out.println("BENCH flight recording in " + JFR);
    }

    // every acknowledged submission is there, with both documents and their blobs
    List<String> codes = new ArrayList<>(acknowledged);
    List<String[]> rows =
        jdbc.sql(
                """
                select a.tracking_code, d.blob_key, d.thumbnail_key, d.content_type
                from application a
                join application_attachment aa on aa.application_id = a.id and aa.office_id = a.office_id
                join document d on d.id = aa.document_id and d.office_id = a.office_id
                where a.office_id = :office and a.tracking_code = any(:codes)
                """)
            .param("office", jetis)
            .param("codes", codes.toArray(String[]::new))
            .query(
                (rs, n) ->
                    new String[] {
                      rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)
                    })
            .list();
    Map<String, List<String>> types = new LinkedHashMap<>();
    for (String[] row : rows) {
      types.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[3]);
      assertThat(blobs.exists(row[1])).as("blob of " + row[0]).isTrue();
      if (row[2] != null) {
        assertThat(blobs.exists(row[2])).as("thumbnail of " + row[0]).isTrue();
      }
    }
    assertThat(types.keySet()).as("every acknowledged submission is stored").hasSize(codes.size());
    assertThat(types.values())
        .as("each with its photo and its PDF")
        .allSatisfy(t -> assertThat(t).containsExactlyInAnyOrder("image/jpeg", "application/pdf"));
    System.out.printf(
        Locale.ROOT,
        "BENCH checked: %,d acknowledged submissions stored with %,d documents; load %s%n",
        codes.size(),
        rows.size(),
        LoadGenerator.loadAverage());
  }

  /**
   * Where the node's memory goes, by the JVM's native memory tracking ({@code jcmd <pid>
   * VM.native_memory summary}; the node runs with {@code -XX:NativeMemoryTracking=summary}): each
   * area's committed size.
   */
  private static void nativeMemory(long pid) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                "VM.native_memory",
                "summary")
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    Matcher area =
        Pattern.compile(
                "(?m)^(?:-\\s*)?(Total|[A-Z][\\w ]+?)(?::| \\() ?reserved=\\d+KB, committed=(\\d+)KB")
            .matcher(out);
    StringBuilder line = new StringBuilder("BENCH node's memory by the JVM (committed MiB):");
    while (area.find()) {
      long mib = Long.parseLong(area.group(2)) / 1024;
      if (mib > 0) {
        line.append(' ').append(area.group(1).strip()).append(' ').append(mib).append(';');
      }
    }
    System.out.println(line);
  }

  record FilePart(String requirement, String name, String type, byte[] bytes) {}

  private static String tracking(byte[] json) {
    Matcher m = TRACKING.matcher(new String(json, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new IllegalStateException("no tracking code in " + new String(json));
    }
    return m.group(1);
  }

  private static byte[] multipart(
      String boundary, Map<String, String> fields, List<FilePart> files) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (k, v) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + k
                        + "\"\r\n\r\n"
                        + v
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    for (FilePart f : files) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files["
                  + f.requirement()
                  + "]\"; filename=\""
                  + f.name()
                  + "\"\r\nContent-Type: "
                  + f.type()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(f.bytes());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** One A4 page holding a scan (a JPEG of 1,240 × 1,754 pixels), about {@code bytes} in all. */
  static byte[] scannedPdf(int bytes) throws IOException {
    byte[] scan = TestFiles.jpegOfAbout(TestFiles.photoLike(1240, 1754, 2), bytes - 2_000);
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      PDImageXObject image = JPEGFactory.createFromByteArray(pdf, scan);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    }
  }
}
