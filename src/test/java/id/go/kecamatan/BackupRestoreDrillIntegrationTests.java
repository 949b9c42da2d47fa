package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.GeneratedFiles;
import id.go.kecamatan.documents.S3ProxyServer;
import id.go.kecamatan.documents.Slot;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.letters.LetterFixtures;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.shared.db.DebianPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The backup and restore drill of the README's operator's procedure, with the scripts an operator
 * runs ({@code ops/backup.sh}, {@code ops/restore.sh}): an office with the demo data and a new
 * application, letter and document, on the operating system's PostgreSQL (Debian's 15, whose {@code
 * pg_dump} the scripts use) and the filesystem store; backed up while it runs; database and store
 * wiped; restored into a new database and an empty store; the application started on the restore as
 * an operator starts it (a process of its own). Then every letter verifies by its QR code and its
 * SHA-256 (page and upload), every document's bytes are the ones recorded, and an officer opens the
 * attachments. The scripts refuse a {@code pg_dump} older than the server, a damaged backup and a
 * database that is not empty.
 *
 * <p>Then the README's reference deployment on the restored system: a second node on the same
 * database and documents folder, both behind Debian's HAProxy; a counter application is taken,
 * checked and approved through the balancer (both nodes answer), one node is killed with {@code
 * kill -9}, and the Camat signs and downloads the letter through the balancer from the other; that
 * node, stopped with SIGTERM, shuts down gracefully. (One class, so that the demo data are loaded
 * once: one extra application context and two node processes.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreDrillIntegrationTests {

  static final Path WORK = Path.of("target", "drill").toAbsolutePath();
  static final String OFFICER = "verifikator.jetis";

  static DebianPostgres postgres;
  static ConfigurableApplicationContext office;
  static NodeProcess restored;
  static NodeProcess nodeB;
  static HaproxyBalancer balancer;
  static final Set<String> served = java.util.concurrent.ConcurrentHashMap.newKeySet();
  static final Pattern DRAFT = Pattern.compile("/admin/loket/([0-9a-f\\-]{36})/data");
  static final Pattern TRACKING = Pattern.compile("id=\"tracking-code\">([0-9]+-[A-Z0-9]+)<");
  static final Pattern VERSION =
      Pattern.compile("<input type=\"hidden\" name=\"versi\" value=\"(\\d+)\">");
  static Path backup;
  static Map<String, Long> before;
  static String newLetterCode;

  @BeforeAll
  static void openTheOffice() throws IOException {
    FileSystemUtils.deleteRecursively(WORK);
    Files.createDirectories(WORK.resolve("backups"));
    postgres = DebianPostgres.start();
    postgres.createDatabase("layanan");
    office =
        new SpringApplicationBuilder(LayananKecamatanApplication.class)
            .profiles("test")
            .run(
                "--spring.datasource.url=" + postgres.jdbcUrl("layanan"),
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--layanan.documents.dir=" + WORK.resolve("documents"));
  }

  @AfterAll
  static void closeEverything() {
    if (balancer != null) {
      balancer.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    if (restored != null) {
      restored.close();
    }
    if (office != null) {
      office.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void anOfficeBackedUpWipedAndRestoredServesEveryLetterAndDocument() throws Exception {
    addTodaysWork();
    before = counts(office.getBean(JdbcClient.class));

    Result backedUp = script("backup.sh", settings("layanan", "documents"), WORK + "/backups");
    assertThat(backedUp.exit()).as(backedUp.output()).isZero();
    assertThat(backedUp.output()).contains("Backup complete");
    try (Stream<Path> folders = Files.list(WORK.resolve("backups"))) {
      backup = folders.findFirst().orElseThrow();
    }
    assertThat(backup.resolve("manifest.sha256")).exists();

    // the disk is lost: the database and the documents folder are gone
    office.close();
    office = null;
    postgres.dropDatabase("layanan");
    FileSystemUtils.deleteRecursively(WORK.resolve("documents"));

    postgres.createDatabase("layanan_restored");
    Result restore = script("restore.sh", settings("layanan_restored", "restored"), backup + "");
    assertThat(restore.exit()).as(restore.output()).isZero();
    assertThat(restore.output()).contains("Restore complete");

    restored = NodeProcess.start("drill-restored", settings("layanan_restored", "restored"));
    JdbcClient jdbc = restoredDatabase();
    assertThat(counts(jdbc)).as("nothing lost").isEqualTo(before);

    everyLetterVerifiesByItsQrCodeAndSha256(jdbc);
    everyDocumentHasItsBytesAndOpens(jdbc);
  }

  @Test
  @Order(2)
  void theScriptsRefuseAnOldPgDumpADamagedBackupAndADatabaseThatIsNotEmpty() throws IOException {
    // a pg_dump older than the server would write a dump the server's features do not fit
    Path oldTools = Files.createDirectories(WORK.resolve("old-client"));
    Files.writeString(
        oldTools.resolve("pg_dump"), "#!/bin/sh\necho 'pg_dump (PostgreSQL) 14.11'\n");
    oldTools.resolve("pg_dump").toFile().setExecutable(true);
    Files.createSymbolicLink(oldTools.resolve("psql"), DebianPostgres.bin().resolve("psql"));
    Map<String, String> withOldTools = new HashMap<>(settings("layanan_restored", "restored"));
    withOldTools.put("PG_BIN", oldTools.toString());
    Result tooOld = script("backup.sh", withOldTools, WORK + "/backups");
    assertThat(tooOld.exit()).isNotZero();
    assertThat(tooOld.output())
        .contains("pg_dump 14 cannot work with PostgreSQL " + postgres.majorVersion());

    Result intoAFullDatabase =
        script("restore.sh", settings("layanan_restored", "elsewhere"), backup + "");
    assertThat(intoAFullDatabase.exit()).isNotZero();
    assertThat(intoAFullDatabase.output()).contains("restore into a new, empty database");

    Path damaged = WORK.resolve("damaged");
    FileSystemUtils.copyRecursively(backup, damaged);
    byte[] dump = Files.readAllBytes(damaged.resolve("database.dump"));
    dump[dump.length / 2] ^= 1;
    Files.write(damaged.resolve("database.dump"), dump);
    postgres.createDatabase("layanan_damaged");
    Result fromDamaged =
        script("restore.sh", settings("layanan_damaged", "damaged-store"), damaged + "");
    assertThat(fromDamaged.exit()).isNotZero();
    assertThat(fromDamaged.output()).contains("the backup is damaged", "database.dump");
    assertThat(postgres.sql("select count(*) from pg_database where datname = 'layanan_damaged'"))
        .isNotBlank();
    assertThat(
            restoredDatabase("layanan_damaged")
                .sql("select count(*) from pg_tables where schemaname = 'public'")
                .query(Long.class)
                .single())
        .as("nothing restored from a damaged backup")
        .isZero();
  }

  @Test
  @Order(3)
  void twoNodesBehindHaproxyCarryAJourneyAndOneServesOnWhenTheOtherIsKilled() throws Exception {
    JdbcClient jdbc = restoredDatabase();
    NodeProcess a = restored;
    Map<String, String> skewed = new HashMap<>(settings("layanan_restored", "restored"));
    // node b's timer fires a second after node a's, as on a machine whose clock is a second behind
    skewed.put("LAYANAN_APPOINTMENTS_REMINDERS_CRON", "1/4 * * * * *");
    nodeB = NodeProcess.start("drill-node-b", skewed);
    balancer =
        HaproxyBalancer.start(
            WORK.resolve("balancer"), List.of("a", "b"), List.of(a.port(), nodeB.port()));
    int lb = balancer.port();
    // no sticky sessions: round robin sends a browser's requests to both nodes
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              servedBy(new WebClient(lb).get("/"));
              return served.containsAll(Set.of("a", "b"));
            });
    served.clear();
    Instant jobsFrom = Instant.now();
    double[] runsBefore = {
      jobRuns(a, "ran"), jobRuns(nodeB, "ran"), jobRuns(a, "skipped"), jobRuns(nodeB, "skipped")
    };

    // apply: the front office takes an application at the counter, through the balancer
    WebClient front = WebClient.signedIn(lb, "loket.jetis");
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    servedBy(front.get("/admin/loket"));
    HttpResponse<String> started =
        servedBy(front.post("/admin/loket/mulai", "service", "DOMISILI"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    Matcher draftId = DRAFT.matcher(WebClient.location(started));
    assertThat(draftId.find()).isTrue();
    String draft = draftId.group(1);
    String village =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    servedBy(front.get("/admin/loket/" + draft + "/data"));
    HttpResponse<String> data =
        servedBy(
            front.post(
                "/admin/loket/" + draft + "/data",
                "nik",
                "3516161203850042",
                "name",
                "Slamet Penyeimbang",
                "birthPlace",
                "Mojokerto",
                "birthDate",
                "1985-03-12",
                "sex",
                "MALE",
                "villageId",
                village,
                "address",
                "Dusun Sumber RT 02 RW 01",
                "phone",
                "",
                "email",
                "",
                "keperluan",
                "pribadi",
                "keterangan",
                "Persyaratan bank"));
    assertThat(data.statusCode()).as(data.body()).isEqualTo(302);
    List<String> required =
        jdbc.sql(
                """
                select r.id::text from requirement r join service_type s on s.id = r.service_type_id
                where s.office_id = ? and s.code = 'DOMISILI' and r.required order by r.position
                """)
            .param(jetis)
            .query(String.class)
            .list();
    for (String requirement : required) {
      servedBy(front.get("/admin/loket/" + draft + "/berkas"));
      HttpResponse<String> uploaded =
          servedBy(
              front.upload(
                  "/admin/loket/" + draft + "/berkas/" + requirement,
                  "files",
                  Map.of(),
                  new WebClient.FilePart("pindaian.pdf", "application/pdf", TestFiles.pdf(1))));
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    }
    servedBy(front.get("/admin/loket/" + draft + "/berkas"));
    HttpResponse<String> sent =
        servedBy(front.post("/admin/loket/" + draft + "/kirim", "consent", "yes"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    Matcher tracking =
        TRACKING.matcher(servedBy(front.get("/admin/loket/" + draft + "/selesai")).body());
    assertThat(tracking.find()).isTrue();
    UUID application =
        jdbc.sql("select id from application where tracking_code = ?")
            .param(tracking.group(1))
            .query(UUID.class)
            .single();

    // decide: the verifier accepts the requirements and approves
    WebClient verifier = WebClient.signedIn(lb, OFFICER);
    servedBy(verifier.get("/admin/permohonan/" + application));
    HttpResponse<String> review =
        servedBy(verifier.post("/admin/permohonan/" + application + "/periksa"));
    assertThat(review.statusCode()).as(review.body()).isEqualTo(302);
    String casePage = servedBy(verifier.get("/admin/permohonan/" + application)).body();
    Matcher version = VERSION.matcher(casePage);
    assertThat(version.find()).as(casePage).isTrue();
    HttpResponse<String> checked =
        servedBy(
            verifier.post(
                "/admin/permohonan/" + application + "/persyaratan",
                "versi",
                version.group(1),
                "aksi",
                "terimaSisa"));
    assertThat(checked.statusCode()).isEqualTo(302);
    servedBy(verifier.get("/admin/permohonan/" + application));
    assertThat(
            servedBy(verifier.post("/admin/permohonan/" + application + "/setujui")).statusCode())
        .isEqualTo(302);
    assertThat(status(jdbc, application)).isEqualTo("APPROVED");
    assertThat(served).as("the journey so far went through both nodes").contains("a", "b");
    scheduledJobsRanOnceATick(a, runsBefore, jobsFrom);

    // node a dies (kill -9) mid-journey: the Camat signs and the letter is downloaded through
    // the balancer, which sends the requests to node b (a refused connection is redispatched)
    a.kill();
    served.clear();
    WebClient camat = WebClient.signedIn(lb, "camat.jetis");
    servedBy(camat.get("/admin/surat/tanda-tangan"));
    HttpResponse<String> signed =
        servedBy(
            camat.post(
                "/admin/surat/tanda-tangan",
                "permohonan",
                application.toString(),
                "passphrase",
                LetterFixtures.PASSPHRASE));
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(302);
    Map<String, Object> letter =
        jdbc.sql("select id, sha256 from letter where application_id = ?")
            .param(application)
            .query()
            .singleRow();
    for (int download = 0; download < 2; download++) {
      HttpResponse<byte[]> pdf =
          servedBy(camat.getBytes("/admin/surat/terbit/" + letter.get("id") + "/unduh"));
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(GeneratedFiles.sha256(pdf.body()))
          .isEqualTo(((String) letter.get("sha256")).strip());
    }
    assertThat(served).as("after the kill only node b answers").containsExactly("b");

    // a node stopped (SIGTERM) shuts down gracefully: Tomcat finishes what is in flight
    nodeB.stop();
    assertThat(nodeB.output()).contains("Graceful shutdown complete");
  }

  /**
   * The same office on the S3 store: {@code ops/backup.sh} dumps the database and lists the blobs
   * it names, the operator copies the bucket into the backup folder (the README's {@code aws s3
   * sync}, done here with the S3 client), {@code ops/restore.sh} restores into a new database and
   * checks every blob of the copy by its SHA-256, naming one that differs; copied into a new
   * bucket, a node on it serves the new letter and opens every document.
   */
  @Test
  @Order(4)
  void withTheS3StoreTheBucketsCopyIsCheckedOnRestoreAndServedAgain() throws Exception {
    JdbcClient jdbc = restoredDatabase();
    List<String> keys = jdbc.sql("select blob_key from document").query(String.class).list();
    try (S3ProxyServer s3 = S3ProxyServer.start();
        S3Client client = s3.client()) {
      try {
        drillOnS3(s3, client, keys);
      } catch (Exception | AssertionError e) {
        // what the server saw goes with the failure (its folder is temporary)
        e.addSuppressed(new IllegalStateException("S3Proxy's output:\n" + s3.output()));
        throw e;
      }
    }
  }

  private void drillOnS3(S3ProxyServer s3, S3Client client, List<String> keys) throws Exception {
    // the office as a node on the S3 store keeps it: every blob under blobs/<key>
    s3.createBucket("layanan-kantor");
    try (Stream<Path> files = Files.walk(WORK.resolve("restored").resolve("blobs"), 2)) {
      for (Path file : files.filter(f -> f.getNameCount() > 0 && Files.isRegularFile(f)).toList()) {
        if (file.getParent().getFileName().toString().length() == 2) {
          client.putObject(
              r -> r.bucket("layanan-kantor").key("blobs/" + file.getFileName()),
              RequestBody.fromFile(file));
        }
      }
    }
    Map<String, String> onS3 = new HashMap<>(settings("layanan_restored", "unused"));
    onS3.put("LAYANAN_DOCUMENTS_STORE", "s3");
    Path backups = Files.createDirectories(WORK.resolve("backups-s3"));
    Result backedUp = script("backup.sh", onS3, backups.toString());
    assertThat(backedUp.exit()).as(backedUp.output()).isZero();
    assertThat(backedUp.output()).contains("The bucket is not in this backup");
    Path s3Backup;
    try (Stream<Path> folders = Files.list(backups)) {
      s3Backup = folders.findFirst().orElseThrow();
    }
    assertThat(s3Backup.resolve("blobs")).doesNotExist();
    assertThat(Files.readString(s3Backup.resolve("blob-keys.txt"))).contains(keys);

    // aws s3 sync s3://layanan-kantor/blobs/ <backup>/bucket/
    Path copy = Files.createDirectories(s3Backup.resolve("bucket"));
    for (S3Object object :
        client
            .listObjectsV2Paginator(r -> r.bucket("layanan-kantor").prefix("blobs/"))
            .contents()) {
      client.getObject(
          r -> r.bucket("layanan-kantor").key(object.key()),
          copy.resolve(object.key().substring("blobs/".length())));
    }

    postgres.createDatabase("layanan_s3");
    Map<String, String> restoredOnS3 = new HashMap<>(settings("layanan_s3", "unused"));
    restoredOnS3.put("LAYANAN_DOCUMENTS_STORE", "s3");
    Result restore = script("restore.sh", restoredOnS3, s3Backup.toString());
    assertThat(restore.exit()).as(restore.output()).isZero();
    assertThat(restore.output())
        .contains("Restore complete", s3Backup.resolve("bucket").toString());

    // a blob of the copy changed on the way: named, and the restore reported as failed
    Path damaged = WORK.resolve("damaged-s3");
    FileSystemUtils.copyRecursively(s3Backup, damaged);
    Path changed = damaged.resolve("bucket").resolve(keys.get(0));
    byte[] bytes = Files.readAllBytes(changed);
    bytes[bytes.length / 2] ^= 1;
    Files.write(changed, bytes);
    postgres.createDatabase("layanan_s3_damaged");
    Map<String, String> intoDamaged = new HashMap<>(restoredOnS3);
    intoDamaged.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl("layanan_s3_damaged"));
    Result fromDamaged = script("restore.sh", intoDamaged, damaged.toString());
    assertThat(fromDamaged.exit()).isNotZero();
    assertThat(fromDamaged.output())
        .contains("blob " + keys.get(0) + " differs", "1 differ from their SHA-256");

    // aws s3 sync <backup>/bucket/ s3://layanan-baru/blobs/, then a node on it
    s3.createBucket("layanan-baru");
    try (Stream<Path> files = Files.list(copy)) {
      for (Path file : files.toList()) {
        client.putObject(
            r -> r.bucket("layanan-baru").key("blobs/" + file.getFileName()),
            RequestBody.fromFile(file));
      }
    }
    Map<String, String> node = new HashMap<>(restoredOnS3);
    for (String property : s3.properties("layanan-baru")) {
      String[] pair = property.split("=", 2);
      node.put(pair[0].toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), pair[1]);
    }
    try (NodeProcess onTheNewBucket = NodeProcess.start("drill-s3", node)) {
      JdbcClient restoredFromS3 = restoredDatabase("layanan_s3");
      String sha256 =
          restoredFromS3
              .sql("select sha256 from letter where verification_code = ?")
              .param(newLetterCode)
              .query(String.class)
              .single()
              .strip();
      WebClient resident = new WebClient(onTheNewBucket.port());
      assertThat(resident.get("/v/" + newLetterCode).body())
          .contains("Surat asli dan berlaku", sha256);
      theOfficeOpensEveryAttachment(restoredFromS3, onTheNewBucket);
    }
  }

  /**
   * Both nodes fire the appointment reminders every 4 seconds, node b a second after node a (a
   * clock a second behind); in the deployment the job ran once a tick, never twice: at most one run
   * more than the ticks that passed (the window's ends), and the later node's runs skipped. Without
   * a lock held past the run's end ({@code layanan.jobs.lock-at-least-for}), both would run.
   */
  private static void scheduledJobsRanOnceATick(NodeProcess a, double[] before, Instant from)
      throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jobRuns(a, "ran") + jobRuns(nodeB, "ran") - before[0] - before[1] >= 3);
    double ran = jobRuns(a, "ran") + jobRuns(nodeB, "ran") - before[0] - before[1];
    double skipped = jobRuns(a, "skipped") + jobRuns(nodeB, "skipped") - before[2] - before[3];
    long ticks = Duration.between(from, Instant.now()).toSeconds() / 4 + 1;
    assertThat(ran).as("runs in %s ticks of 4 s", ticks).isLessThanOrEqualTo(ticks + 1);
    assertThat(skipped).as("the other node's runs, skipped").isGreaterThanOrEqualTo(ran - 2);
  }

  /** {@code layanan_jobs_runs_total} of the appointment reminders on a node, by outcome. */
  private static double jobRuns(NodeProcess node, String outcome) throws Exception {
    HttpResponse<String> scrape =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node.url("/actuator/prometheus")))
                    .header(
                        "Authorization",
                        "Bearer " + NodeProcess.TEST_SECRETS.get("LAYANAN_METRICS_TOKEN"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.statusCode()).isEqualTo(200);
    Matcher series =
        Pattern.compile(
                "(?m)^layanan_jobs_runs_total\\{[^}]*job=\"appointment-reminders\"[^}]*outcome=\""
                    + outcome
                    + "\"[^}]*} ([0-9.eE+-]+)$")
            .matcher(scrape.body());
    return series.find() ? Double.parseDouble(series.group(1)) : 0;
  }

  private static String status(JdbcClient jdbc, UUID application) {
    return jdbc.sql("select status from application where id = ?")
        .param(application)
        .query(String.class)
        .single();
  }

  private static <T> HttpResponse<T> servedBy(HttpResponse<T> response) {
    response.headers().firstValue("X-Served-By").ifPresent(served::add);
    return response;
  }

  /** A new application with its letter and an upload, on top of the demo data. */
  private static void addTodaysWork() {
    JdbcClient jdbc = office.getBean(JdbcClient.class);
    LetterFixtures fixtures =
        new LetterFixtures(
            office.getBean(Applications.class), office.getBean(Decisions.class), jdbc);
    UUID jetis = fixtures.office("35.16.16");
    Application approved = fixtures.approved(jetis, "Retno Pemulihan");
    var signed =
        office
            .getBean(LetterSigning.class)
            .sign(
                fixtures.officer("camat.jetis"),
                List.of(approved.id()),
                LetterFixtures.PASSPHRASE.toCharArray());
    assertThat(signed.ok()).as(String.valueOf(signed.errors().all())).isTrue();
    newLetterCode =
        jdbc.sql("select verification_code from letter where application_id = ?")
            .param(approved.id().value())
            .query(String.class)
            .single();
    office
        .getBean(TransactionTemplate.class)
        .executeWithoutResult(
            tx ->
                office
                    .getBean(Documents.class)
                    .store(
                        jetis,
                        Slot.empty("foto"),
                        new Upload(
                            "foto.jpg",
                            "image/jpeg",
                            new ByteArrayInputStream(TestFiles.jpeg(TestFiles.photo(800, 600))))));
  }

  private static Map<String, Long> counts(JdbcClient jdbc) {
    Map<String, Long> counts = new HashMap<>();
    for (String table :
        List.of("application", "application_attachment", "document", "letter", "complaint")) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }

  private static void everyLetterVerifiesByItsQrCodeAndSha256(JdbcClient jdbc) throws Exception {
    List<Map<String, Object>> letters =
        jdbc.sql(
                "select verification_code, sha256, pdf_key, pdf, revoked_at is not null as revoked"
                    + " from letter order by signed_at")
            .query()
            .listOfRows();
    assertThat(letters).as("the demo's letters and today's").hasSizeGreaterThan(1);
    assertThat(letters).extracting(l -> l.get("verification_code")).contains(newLetterCode);
    for (Map<String, Object> letter : letters) {
      String code = (String) letter.get("verification_code");
      String sha256 = ((String) letter.get("sha256")).strip();
      byte[] pdf =
          letter.get("pdf_key") == null
              ? (byte[]) letter.get("pdf")
              : Files.readAllBytes(blob((String) letter.get("pdf_key")));
      assertThat(GeneratedFiles.sha256(pdf)).as("letter %s", code).isEqualTo(sha256);
      assertThat(PdfChecks.qrOnFirstPage(pdf)).endsWith("/v/" + code);

      // the uploads a minute per address are limited; the drill checks every letter at once
      jdbc.sql("delete from rate_limit").update();
      WebClient resident = new WebClient(restored.port());
      HttpResponse<String> page = resident.get("/v/" + code);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains(
              sha256,
              (Boolean) letter.get("revoked")
                  ? "Surat ini sudah dicabut"
                  : "Surat asli dan berlaku");
      assertThat(
              resident.upload("/v/" + code, "berkas", "surat.pdf", "application/pdf", pdf).body())
          .contains("Berkas sama persis dengan surat yang diterbitkan.");
    }
  }

  private static void everyDocumentHasItsBytesAndOpens(JdbcClient jdbc) throws IOException {
    List<Map<String, Object>> documents =
        jdbc.sql("select id, blob_key, thumbnail_key, sha256 from document").query().listOfRows();
    assertThat(documents).hasSize(before.get("document").intValue());
    for (Map<String, Object> document : documents) {
      Path blob = blob((String) document.get("blob_key"));
      assertThat(GeneratedFiles.sha256(Files.readAllBytes(blob)))
          .as("document %s", document.get("id"))
          .isEqualTo(((String) document.get("sha256")).strip());
      if (document.get("thumbnail_key") != null) {
        assertThat(blob((String) document.get("thumbnail_key"))).isNotEmptyFile();
      }
    }

    // and the office opens them
    theOfficeOpensEveryAttachment(jdbc, restored);
  }

  /** Every attachment of Jetis's applications opens for its verifier with its bytes. */
  private static void theOfficeOpensEveryAttachment(JdbcClient jdbc, NodeProcess node) {
    List<Map<String, Object>> attachments =
        jdbc.sql(
                "select a.application_id, a.document_id, d.sha256 from application_attachment a"
                    + " join document d on d.id = a.document_id"
                    + " join application p on p.id = a.application_id"
                    + " join office o on o.id = p.office_id where o.code = '35.16.16'")
            .query()
            .listOfRows();
    assertThat(attachments).as("the demo applications' attachments").isNotEmpty();
    WebClient officer = WebClient.signedIn(node.port(), OFFICER);
    for (Map<String, Object> attachment : attachments) {
      HttpResponse<byte[]> opened =
          officer.getBytes(
              "/admin/permohonan/"
                  + attachment.get("application_id")
                  + "/berkas/"
                  + attachment.get("document_id"));
      assertThat(opened.statusCode()).isEqualTo(200);
      assertThat(GeneratedFiles.sha256(opened.body()))
          .isEqualTo(((String) attachment.get("sha256")).strip());
    }
  }

  private static Path blob(String key) {
    return WORK.resolve("restored").resolve("blobs").resolve(key.substring(0, 2)).resolve(key);
  }

  private static JdbcClient restoredDatabase() {
    return restoredDatabase("layanan_restored");
  }

  private static JdbcClient restoredDatabase(String name) {
    return JdbcClient.create(new DriverManagerDataSource(postgres.jdbcUrl(name), "postgres", ""));
  }

  /** The settings an operator gives the application and the scripts alike. */
  private static Map<String, String> settings(String database, String documents) {
    return Map.of(
        "SPRING_DATASOURCE_URL",
        postgres.jdbcUrl(database),
        "SPRING_DATASOURCE_USERNAME",
        "postgres",
        "LAYANAN_DOCUMENTS_DIR",
        WORK.resolve(documents).toString(),
        "PG_BIN",
        DebianPostgres.bin().toString(),
        // a job every 4 seconds on every node, its lock held at least 3 (scheduledJobsRanOnceATick)
        "LAYANAN_APPOINTMENTS_REMINDERS_CRON",
        "*/4 * * * * *",
        "LAYANAN_JOBS_LOCK_AT_LEAST_FOR",
        "PT3S");
  }

  record Result(int exit, String output) {}

  private static Result script(String name, Map<String, String> environment, String argument)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", Path.of("ops", name).toAbsolutePath().toString(), argument)
            .redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not finish:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new Result(process.exitValue(), output);
  }
}
