package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.documents.Document;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.GeneratedFiles;
import id.go.kecamatan.documents.S3ProxyServer;
import id.go.kecamatan.documents.Slot;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.letters.LetterFixtures;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.shared.web.Outcome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A node of a regency's deployment as an operator runs it: its documents and letters in a bucket of
 * a real S3 server (S3Proxy), its database a PostgreSQL of its own that the test stops and starts.
 * A letter signed there lives in the bucket and verifies by its QR code and by upload; a document
 * whose transaction rolls back leaves nothing in the bucket; readiness turns DOWN while the bucket
 * or the database is away, and UP again when it is back, while liveness stays UP. It keeps the time
 * of a regency in WITA: its pages show times in WITA and days that start at WITA's midnight. (A
 * context of its own: the shared test context must keep its database running.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObjectStoreNodeIntegrationTests {

  static final String BUCKET = "layanan-uji";

  static S3ProxyServer s3;
  static EmbeddedPostgres database;
  static Path dataDir = Path.of("target/test-pg-object-store-node").toAbsolutePath();
  static int databasePort;
  static ConfigurableApplicationContext node;
  static int port;
  static String verificationCode;

  @BeforeAll
  static void startNode() throws IOException {
    s3 = S3ProxyServer.start();
    s3.createBucket(BUCKET);
    try (ServerSocket free = new ServerSocket(0)) {
      databasePort = free.getLocalPort();
    }
    org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
    // not cleaned by the library: it would delete the data directory when the server stops
    database = startDatabase();
    List<String> properties =
        new java.util.ArrayList<>(
            List.of(
                "spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "spring.datasource.username=postgres",
                // a health check waits at most this long for a connection of a database gone away
                "spring.datasource.hikari.connection-timeout=1500",
                "spring.datasource.hikari.validation-timeout=1000",
                "server.port=0",
                "layanan.documents.dir=target/test-documents-object-store-node",
                "layanan.documents.inline-move-first=PT1H",
                // a regency in Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara or Sulawesi
                "layanan.time-zone=Asia/Makassar"));
    properties.addAll(s3.properties(BUCKET));
    node =
        new SpringApplicationBuilder(LayananKecamatanApplication.class)
            .profiles("test")
            // as arguments: they win over the profiles' files (default properties would not)
            .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    port = Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
  }

  static EmbeddedPostgres startDatabase() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(databasePort)
        .setRegisterShutdownHook(false)
        .setServerConfig("timezone", "UTC")
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
  }

  @AfterAll
  static void stopNode() throws IOException {
    if (node != null) {
      node.close();
    }
    if (database != null) {
      database.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  private static <T> T bean(Class<T> type) {
    return node.getBean(type);
  }

  private static S3Client bucket() {
    return s3.client();
  }

  private static boolean inBucket(String key) {
    try (S3Client client = bucket()) {
      return client.listObjectsV2(r -> r.bucket(BUCKET).prefix("blobs/" + key)).keyCount() > 0;
    }
  }

  @Test
  @Order(1)
  void aLetterSignedOnThisNodeLivesInTheBucketAndVerifiesByQrAndByUpload() throws Exception {
    JdbcClient jdbc = bean(JdbcClient.class);
    LetterFixtures fixtures =
        new LetterFixtures(bean(Applications.class), bean(Decisions.class), jdbc);
    UUID jetis = fixtures.office("35.16.16");
    Application approved = fixtures.approved(jetis, "Wahyu Hidayat");

    var outcome =
        bean(LetterSigning.class)
            .sign(
                fixtures.officer("camat.jetis"),
                List.of(approved.id()),
                LetterFixtures.PASSPHRASE.toCharArray());

    assertThat(outcome.ok()).as(String.valueOf(outcome.errors().all())).isTrue();
    Map<String, Object> row =
        jdbc.sql(
                "select pdf is null as moved, pdf_key, sha256, verification_code from letter where application_id = ?")
            .param(approved.id().value())
            .query()
            .singleRow();
    assertThat(row.get("moved")).as("no PDF in the database").isEqualTo(true);
    String key = (String) row.get("pdf_key");
    assertThat(inBucket(key)).isTrue();
    byte[] pdf;
    try (S3Client client = bucket()) {
      ResponseBytes<GetObjectResponse> object =
          client.getObjectAsBytes(r -> r.bucket(BUCKET).key("blobs/" + key));
      pdf = object.asByteArray();
    }
    assertThat(GeneratedFiles.sha256(pdf)).isEqualTo(((String) row.get("sha256")).strip());

    // the QR code printed on the letter leads to its verification page, served from the bucket
    String qr = PdfChecks.qrOnFirstPage(pdf);
    String code = (String) row.get("verification_code");
    verificationCode = code;
    assertThat(qr).endsWith("/v/" + code);
    WebClient resident = new WebClient(port);
    HttpResponse<String> page = resident.get("/v/" + code);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Surat asli dan berlaku", ((String) row.get("sha256")).strip());
    HttpResponse<String> same =
        resident.upload("/v/" + code, "berkas", "surat.pdf", "application/pdf", pdf);
    assertThat(same.body()).contains("Berkas sama persis dengan surat yang diterbitkan.");
    byte[] changed = pdf.clone();
    changed[changed.length / 2] ^= 1;
    assertThat(
            resident.upload("/v/" + code, "berkas", "surat.pdf", "application/pdf", changed).body())
        .contains("Berkas tidak sama dengan surat yang diterbitkan");
  }

  @Test
  @Order(2)
  void aNodeOfARegencyInWitaShowsWitaTimesAndDaysFromWitasMidnight() {
    assertThat(bean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Makassar"));
    JdbcClient jdbc = bean(JdbcClient.class);
    assertThat(jdbc.sql("select current_setting('TimeZone')").query(String.class).single())
        .as("the database session's zone, for any day SQL takes")
        .isEqualTo("Asia/Makassar");
    // signed at 00.30 WITA on 7 December: still 6 December in Jakarta
    jdbc.sql("update letter set signed_at = ? where verification_code = ?")
        .params(Timestamp.from(Instant.parse("2026-12-06T16:30:00Z")), verificationCode)
        .update();

    String page = new WebClient(port).get("/v/" + verificationCode).body();
    assertThat(page).contains("7 Desember 2026 pukul 00.30 WITA").doesNotContain("WIB");
    assertThat(new WebClient(port).get("/v/" + verificationCode + "?lang=en").body())
        .contains("7 December 2026 at 00:30 WITA");
  }

  @Test
  @Order(3)
  void aDocumentIsInTheBucketOnlyWhenItsRowCommitted() {
    JdbcClient jdbc = bean(JdbcClient.class);
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    TransactionTemplate transactions = bean(TransactionTemplate.class);
    Documents documents = bean(Documents.class);
    String[] rolledBack = new String[1];

    transactions.executeWithoutResult(
        tx -> {
          Outcome<Document> stored =
              documents.store(
                  jetis,
                  Slot.empty("ktp"),
                  new Upload(
                      "ktp.pdf", "application/pdf", new ByteArrayInputStream(TestFiles.pdf(1))));
          rolledBack[0] =
              jdbc.sql("select blob_key from document where id = ?")
                  .param(stored.value().id())
                  .query(String.class)
                  .single();
          assertThat(inBucket(rolledBack[0])).as("stored before the commit").isTrue();
          tx.setRollbackOnly();
        });
    assertThat(inBucket(rolledBack[0])).as("removed with the rollback").isFalse();

    Document kept =
        transactions.execute(
            tx ->
                documents
                    .store(
                        jetis,
                        Slot.empty("foto"),
                        new Upload(
                            "foto.jpg",
                            "image/jpeg",
                            new ByteArrayInputStream(TestFiles.jpeg(TestFiles.photo(900, 600)))))
                    .value());
    Map<String, Object> keys =
        jdbc.sql("select blob_key, thumbnail_key from document where id = ?")
            .param(kept.id())
            .query()
            .singleRow();
    assertThat(inBucket((String) keys.get("blob_key"))).isTrue();
    assertThat(inBucket((String) keys.get("thumbnail_key"))).isTrue();
  }

  private static int readiness() {
    return new WebClient(port).get("/actuator/health/readiness").statusCode();
  }

  private static int liveness() {
    return new WebClient(port).get("/actuator/health/liveness").statusCode();
  }

  @Test
  @Order(4)
  void readinessFollowsTheBucketAndTheDatabase() throws IOException {
    assertThat(readiness()).isEqualTo(200);

    s3.stop();
    await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 503);
    assertThat(liveness()).as("restarting would not bring the bucket back").isEqualTo(200);
    s3.startAgain();
    s3.createBucket(BUCKET);
    await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);

    database.close();
    await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 503);
    assertThat(liveness()).isEqualTo(200);
    database = startDatabase();
    await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 200);
    // and it serves again
    assertThat(new WebClient(port).get("/").statusCode()).isEqualTo(200);
  }
}
