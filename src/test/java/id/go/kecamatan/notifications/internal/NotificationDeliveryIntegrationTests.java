package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.MovableClock;
import id.go.kecamatan.TestPhones;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.notifications.Channel;
import id.go.kecamatan.notifications.Notifications;
import id.go.kecamatan.notifications.Notifications.Enqueued;
import id.go.kecamatan.notifications.OutgoingMessage;
import id.go.kecamatan.notifications.Recipient;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery end to end on the demo database: a real SMTP server (GreenMail) and a stand-in HTTP
 * gateway (the JDK's {@link HttpServer}) receive the messages; the gateway goes down and comes
 * back, answers with errors; sends after commit are captured so that a test can run them, or drop
 * them as a crash would; the delivery job is run directly with a clock the test moves. The admin
 * page shows the outcome to the office's administrator only.
 *
 * <p>Each test builds its own {@link Delivery} and {@link Outbox} over the shared database with its
 * gateways and clock (the application's own job is off in tests), and uses recipients and texts of
 * its own, so messages of other tests do not disturb its counts.
 */
@IntegrationTest
class NotificationDeliveryIntegrationTests {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Notifications notifications;
  @Autowired Delivery applicationDelivery;

  TransactionTemplate transactions;
  MovableClock clock;
  List<Runnable> afterCommit;
  StandIn gateway;
  UUID jetis;

  @BeforeEach
  void setUp() throws IOException {
    transactions = new TransactionTemplate(transactionManager);
    clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    afterCommit = new ArrayList<>();
    gateway = StandIn.start();
    jetis = office("35.16.16");
  }

  @AfterEach
  void tearDown() {
    gateway.stop();
  }

  // --- fixtures ------------------------------------------------------------------------------

  UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A phone number no other test uses. */
  static String phone() {
    return TestPhones.unique("0812");
  }

  static String international(String phone) {
    return "62" + phone.substring(1);
  }

  NotificationsProperties.HttpChannel whatsappSettings(String successContains) {
    return new NotificationsProperties.HttpChannel(
        "http://127.0.0.1:" + gateway.port + "/send",
        "X-Api-Key",
        "rahasia-123",
        "application/json",
        "{\"target\":\"{{to}}\",\"message\":\"{{text}}\",\"type\":\"text\"}",
        successContains,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5));
  }

  JavaMailSenderImpl mailSender() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    return sender;
  }

  Delivery delivery(Map<Channel, MessageGateway> gateways) {
    return new Delivery(
        new NotificationStore(jdbc), new Gateways(gateways), transactions, clock, 20);
  }

  Delivery delivery() {
    return delivery(
        Map.of(
            Channel.EMAIL, new SmtpGateway(mailSender(), "layanan@jetis.example.id"),
            Channel.WHATSAPP, new HttpGateway("whatsapp", whatsappSettings("\"status\":true"))));
  }

  Outbox outbox(Delivery delivery) {
    return new Outbox(new NotificationStore(jdbc), delivery, afterCommit::add, clock);
  }

  /** Enqueues in a transaction of its own, as an event listener would. */
  Enqueued enqueue(Outbox outbox, OutgoingMessage message) {
    return transactions.execute(status -> outbox.enqueue(message));
  }

  OutgoingMessage whatsapp(String phone, String text, String key) {
    return new OutgoingMessage(
        jetis, "application.submitted", new Recipient(Channel.WHATSAPP, phone), null, text, key);
  }

  void runAfterCommit() {
    List<Runnable> tasks = List.copyOf(afterCommit);
    afterCommit.clear();
    tasks.forEach(Runnable::run);
  }

  Map<String, Object> row(String recipient) {
    return jdbc.sql(
            """
            select status, sent_via, attempts, next_attempt_at, last_error
            from notification where recipient = ?
            """)
        .param(recipient)
        .query()
        .singleRow();
  }

  List<Boolean> attempts(String recipient) {
    return jdbc.sql(
            """
            select a.ok from notification_attempt a join notification n on n.id = a.notification_id
            where n.recipient = ? order by a.at, a.id
            """)
        .param(recipient)
        .query(Boolean.class)
        .list();
  }

  Instant nextAttempt(String recipient) {
    return ((java.sql.Timestamp) row(recipient).get("next_attempt_at")).toInstant();
  }

  // --- channels ------------------------------------------------------------------------------

  @Test
  void theSmtpServerReceivesTheExactEmail() throws Exception {
    Outbox outbox = outbox(delivery());
    String address = unique("siti").replace(' ', '.') + "@warga.example.id";
    String text =
        "Yth. Siti Aminah,\n\nPermohonan Surat Keterangan Domisili Anda sudah kami terima.\n"
            + "Kode pelacakan: JTS-7K2M-9QX4. Batas waktu: 12 Agustus 2026.";
    assertThat(
            enqueue(
                outbox,
                new OutgoingMessage(
                    jetis,
                    "application.submitted",
                    new Recipient(Channel.EMAIL, address),
                    "Permohonan diterima – JTS-7K2M-9QX4",
                    text,
                    "event-1:application.submitted")))
        .isEqualTo(Enqueued.QUEUED);
    assertThat(smtp.getReceivedMessages())
        .as("nothing is sent before the commit's task runs")
        .isEmpty();

    runAfterCommit();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Permohonan diterima – JTS-7K2M-9QX4");
    assertThat(received[0].getRecipients(Message.RecipientType.TO))
        .containsExactly(new InternetAddress(address));
    assertThat(received[0].getFrom())
        .containsExactly(new InternetAddress("layanan@jetis.example.id"));
    assertThat(GreenMailUtil.getBody(received[0]).replace("\r\n", "\n").strip()).isEqualTo(text);
    assertThat(received[0].getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
    assertThat(row(address)).containsEntry("status", "SENT").containsEntry("sent_via", "SMTP");
    assertThat(attempts(address)).containsExactly(true);
  }

  @Test
  void theStandInGatewayReceivesTheWhatsAppCallWithTheConfiguredHeaderAndBody() {
    Outbox outbox = outbox(delivery());
    String phone = phone();
    String text = "Permohonan \"Domisili\" diterima.\nKode: JTS-7K2M\\9QX4 {{to}}";
    enqueue(outbox, whatsapp(phone, text, "event-2:application.submitted"));
    runAfterCommit();

    List<StandIn.Call> calls = gateway.callsTo(international(phone));
    assertThat(calls).hasSize(1);
    StandIn.Call call = calls.get(0);
    assertThat(call.apiKey()).isEqualTo("rahasia-123");
    assertThat(call.contentType()).isEqualTo("application/json");
    assertThat(call.body())
        .isEqualTo(
            "{\"target\":\""
                + international(phone)
                + "\",\"message\":\"Permohonan \\\"Domisili\\\" diterima.\\nKode: JTS-7K2M\\\\9QX4"
                + " {{to}}\",\"type\":\"text\"}");
    assertThat(row(international(phone)))
        .containsEntry("status", "SENT")
        .containsEntry("sent_via", "HTTP")
        .containsEntry("attempts", 1);
  }

  // --- retries -------------------------------------------------------------------------------

  @Test
  void aGatewayDownIsRetriedAlongTheBackoffThenTheMessageIsDeliveredOnce() throws IOException {
    Delivery delivery = delivery();
    Outbox outbox = outbox(delivery);
    String phone = phone();
    String to = international(phone);
    String text = unique("Surat Anda sudah terbit");
    gateway.stop();
    Instant start = clock.instant();

    enqueue(outbox, whatsapp(phone, text, "event-3:letter.issued"));
    runAfterCommit();
    assertThat(row(to))
        .containsEntry("status", "PENDING")
        .containsEntry("attempts", 1)
        .containsEntry("last_error", "gateway unreachable: connection refused");
    assertThat(nextAttempt(to)).isEqualTo(start.plus(Duration.ofMinutes(1)));

    clock.set(start.plusSeconds(59));
    drain(delivery);
    assertThat(row(to)).as("not due before the first minute").containsEntry("attempts", 1);

    clock.set(start.plus(Duration.ofMinutes(1)));
    drain(delivery);
    assertThat(row(to)).containsEntry("attempts", 2);
    assertThat(nextAttempt(to)).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));

    clock.advance(Duration.ofMinutes(5));
    drain(delivery);
    assertThat(row(to)).containsEntry("attempts", 3).containsEntry("status", "PENDING");
    assertThat(nextAttempt(to)).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));

    gateway.restart();
    clock.advance(Duration.ofMinutes(14));
    drain(delivery);
    assertThat(gateway.callsTo(to)).as("still waiting for its retry").isEmpty();

    clock.advance(Duration.ofMinutes(1));
    drain(delivery);
    clock.advance(Duration.ofHours(7));
    drain(delivery);
    delivery.sendNow(idOf(to));

    assertThat(gateway.callsTo(to)).hasSize(1);
    assertThat(gateway.callsTo(to).get(0).body()).contains(text);
    assertThat(row(to))
        .containsEntry("status", "SENT")
        .containsEntry("attempts", 4)
        .containsEntry("last_error", null);
    assertThat(attempts(to)).containsExactly(false, false, false, true);
  }

  @Test
  void aMessageFailsWhenTheRetryBudgetIsSpent() {
    Delivery delivery = delivery();
    Outbox outbox = outbox(delivery);
    String phone = phone();
    String to = international(phone);
    gateway.stop();
    enqueue(outbox, whatsapp(phone, unique("Kode"), "event-4:application.approved"));
    runAfterCommit();
    for (Duration wait : Backoff.DELAYS) {
      clock.advance(wait);
      drain(delivery);
    }
    assertThat(row(to))
        .containsEntry("status", "FAILED")
        .containsEntry("attempts", Backoff.ATTEMPTS)
        .containsEntry("last_error", "gateway unreachable: connection refused");
    assertThat(attempts(to)).hasSize(6).containsOnly(false);
    clock.advance(Duration.ofDays(2));
    drain(delivery);
    assertThat(attempts(to)).as("a failed message is not tried again").hasSize(6);
  }

  @Test
  void aServerErrorOrAMissingSuccessTextIsRetried() {
    Outbox outbox = outbox(delivery());
    String first = phone();
    gateway.answer(503, "{\"status\":false,\"reason\":\"maintenance\"}");
    enqueue(outbox, whatsapp(first, unique("Teks"), "event-5:application.approved"));
    runAfterCommit();
    assertThat(row(international(first)))
        .containsEntry("status", "PENDING")
        .containsEntry("last_error", "HTTP 503: {\"status\":false,\"reason\":\"maintenance\"}");

    String second = phone();
    gateway.answer(200, "{\"status\":false,\"reason\":\"quota\"}");
    enqueue(outbox, whatsapp(second, unique("Teks"), "event-6:application.approved"));
    runAfterCommit();
    assertThat(row(international(second)))
        .containsEntry("status", "PENDING")
        .containsEntry(
            "last_error",
            "HTTP 200 without \"\"status\":true\": {\"status\":false,\"reason\":\"quota\"}");
  }

  @Test
  void anErrorResponseFailsAtOnceAndTheAdministratorSeesWhy() {
    Outbox outbox = outbox(delivery());
    String phone = phone();
    String to = international(phone);
    gateway.answer(400, "{\"status\":false,\"reason\":\"nomor tidak terdaftar\"}");
    enqueue(outbox, whatsapp(phone, unique("Permohonan ditolak"), "event-7:application.rejected"));
    runAfterCommit();

    assertThat(row(to)).containsEntry("status", "FAILED").containsEntry("attempts", 1);
    clock.advance(Duration.ofHours(1));
    drain(delivery());
    assertThat(gateway.callsTo(to)).as("not tried again").hasSize(1);

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    HttpResponse<String> failed = admin.get("/admin/pesan?status=FAILED");
    assertThat(failed.statusCode()).isEqualTo(200);
    String masked = "••••••••" + to.substring(to.length() - 4);
    assertThat(failed.body())
        .contains(masked)
        .contains("HTTP 400: {\"status\":false,\"reason\":\"nomor tidak terdaftar\"}")
        .contains("Gagal")
        .doesNotContain(to);
    assertThat(admin.get("/admin/pesan?status=SENT").body()).doesNotContain(masked);
  }

  @Test
  void theAdministratorSendsAFailedMessageAgainAndItIsSentOnce() {
    String phone = phone();
    String to = international(phone);
    gateway.answer(400, "{\"status\":false,\"reason\":\"nomor tidak terdaftar\"}");
    enqueue(outbox(delivery()), whatsapp(phone, unique("Surat terbit"), "event-14:letter.issued"));
    runAfterCommit();
    assertThat(row(to)).containsEntry("status", "FAILED");
    UUID id = idOf(to);
    String action = "/admin/pesan/" + id + "/kirim-ulang";

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get("/admin/pesan?status=FAILED").body())
        .contains("action=\"" + action + "\"");
    // the application's own gateways (none configured here: the message log) take it this time
    HttpResponse<String> resent = admin.post(action, "status", "FAILED");
    assertThat(WebClient.location(resent)).endsWith("/admin/pesan?status=FAILED");
    assertThat(admin.get("/admin/pesan?status=FAILED").body())
        .contains("Pesan dikirim ulang.")
        .doesNotContain("action=\"" + action + "\"");
    awaitSentByTheApplication(to);
    assertThat(row(to)).containsEntry("sent_via", "LOG").containsEntry("attempts", 2);
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from audit_event
                    where action = 'notification.resent' and entity_id = ? and office_id = ?
                      and actor_name like '%admin.jetis%'
                    """)
                .params(id.toString(), jetis)
                .query(Long.class)
                .single())
        .isOne();

    // a second click (another tab) sends nothing more
    admin.post(action);
    assertThat(admin.get("/admin/pesan").body()).contains("Pesan ini tidak gagal");
    assertThat(row(to)).containsEntry("attempts", 2);
  }

  @Test
  void noOneElseResendsAMessageAndASignInCodeIsNeverResent() {
    String phone = phone();
    String to = international(phone);
    gateway.answer(400, "{\"status\":false}");
    enqueue(outbox(delivery()), whatsapp(phone, unique("Permohonan diterima"), "event-15:x"));
    String codePhone = phone();
    enqueue(
        outbox(delivery()),
        new OutgoingMessage(
            jetis,
            OneTimeCodeMessages.KIND,
            new Recipient(Channel.WHATSAPP, codePhone),
            null,
            "Kode masuk Anda: 123456",
            "otp:" + UUID.randomUUID()));
    runAfterCommit();
    UUID id = idOf(to);
    UUID code = idOf(international(codePhone));
    assertThat(row(international(codePhone))).containsEntry("status", "FAILED");

    WebClient other = WebClient.signedIn(port, "admin.purwokertoutara");
    other.post("/admin/pesan/" + id + "/kirim-ulang");
    assertThat(other.get("/admin/pesan").body()).contains("Pesan itu tidak ada di log kantor ini");
    assertThat(
            WebClient.signedIn(port, "verifikator.jetis")
                .post("/admin/pesan/" + id + "/kirim-ulang")
                .statusCode())
        .isEqualTo(403);
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get("/admin/pesan?status=FAILED").body())
        .doesNotContain("/admin/pesan/" + code + "/kirim-ulang");
    admin.post("/admin/pesan/" + code + "/kirim-ulang");
    assertThat(admin.get("/admin/pesan").body())
        .contains("Kode masuk portal warga tidak dikirim ulang");
    // hostile ids and a missing token change nothing
    assertThat(admin.post("/admin/pesan/%27%3B%20drop%20table/kirim-ulang").statusCode())
        .isBetween(400, 404);
    assertThat(new WebClient(port).post("/admin/pesan/" + id + "/kirim-ulang").statusCode())
        .isIn(302, 403);
    assertThat(row(to)).containsEntry("status", "FAILED");
    assertThat(row(international(codePhone))).containsEntry("status", "FAILED");
  }

  // --- fallback ------------------------------------------------------------------------------

  /** A WhatsApp message with its e-mail fallback, enqueued in a transaction of its own. */
  Enqueued enqueueWithFallback(Outbox outbox, String phone, String address, String text) {
    String key = "event-" + UUID.randomUUID() + ":application.approved";
    return transactions.execute(
        status ->
            outbox.enqueue(
                whatsapp(phone, text, key),
                new OutgoingMessage(
                    jetis,
                    "application.approved",
                    new Recipient(Channel.EMAIL, address),
                    "Permohonan disetujui",
                    text,
                    key)));
  }

  @Test
  void theEmailFallbackIsSentWhenTheWhatsAppMessageFailsForGood() throws Exception {
    Delivery delivery = delivery();
    Outbox outbox = outbox(delivery);
    String phone = phone();
    String address = unique("wati").replace(' ', '.') + "@warga.example.id";
    String text = unique("Permohonan disetujui");
    gateway.answer(400, "{\"status\":false,\"reason\":\"nomor tidak terdaftar\"}");
    assertThat(enqueueWithFallback(outbox, phone, address, text)).isEqualTo(Enqueued.QUEUED);
    assertThat(row(address)).containsEntry("status", "HELD");
    runAfterCommit();

    assertThat(row(international(phone))).containsEntry("status", "FAILED");
    assertThat(row(address)).as("released by the failure").containsEntry("status", "PENDING");
    assertThat(smtp.getReceivedMessages()).isEmpty();
    drain(delivery);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getRecipients(Message.RecipientType.TO))
        .containsExactly(new InternetAddress(address));
    assertThat(GreenMailUtil.getBody(received[0]).replace("\r\n", "\n").strip()).isEqualTo(text);
    assertThat(row(address)).containsEntry("status", "SENT").containsEntry("sent_via", "SMTP");

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.get("/admin/pesan?status=HELD").statusCode()).isEqualTo(200);
  }

  @Test
  void theEmailFallbackWaitsThroughRetriesAndIsDroppedWhenTheWhatsAppMessageArrives()
      throws Exception {
    Delivery delivery = delivery();
    Outbox outbox = outbox(delivery);
    String phone = phone();
    String address = unique("eko").replace(' ', '.') + "@warga.example.id";
    gateway.answer(503, "sedang sibuk");
    enqueueWithFallback(outbox, phone, address, unique("Permohonan disetujui"));
    runAfterCommit();
    assertThat(row(international(phone))).containsEntry("status", "PENDING");
    assertThat(row(address)).as("a retry is not a failure").containsEntry("status", "HELD");

    gateway.answer(200, "{\"status\":true}");
    clock.advance(Duration.ofMinutes(2));
    drain(delivery);
    assertThat(row(international(phone))).containsEntry("status", "SENT");
    assertThat(
            jdbc.sql("select count(*) from notification where recipient = ?")
                .param(address)
                .query(Integer.class)
                .single())
        .as("the fallback is dropped")
        .isZero();
    clock.advance(Duration.ofHours(7));
    drain(delivery);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void whileTheGatewayStaysDownTheFallbackGoesAfterThreeAttemptsNotHoursLater() throws Exception {
    Delivery delivery = delivery();
    Outbox outbox = outbox(delivery);
    String phone = phone();
    String address = unique("dewi").replace(' ', '.') + "@warga.example.id";
    String text = unique("Permohonan diterima");
    gateway.answer(503, "sedang sibuk");
    enqueueWithFallback(outbox, phone, address, text);
    runAfterCommit(); // attempt 1
    clock.advance(Duration.ofMinutes(1));
    drain(delivery); // attempt 2
    assertThat(row(address)).containsEntry("status", "HELD");
    clock.advance(Duration.ofMinutes(5));
    drain(delivery); // attempt 3: the fallback is released and sent in the same run
    assertThat(row(international(phone))).containsEntry("status", "PENDING");
    assertThat(row(address)).containsEntry("status", "SENT");
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(GreenMailUtil.getBody(received[0]).replace("\r\n", "\n").strip()).isEqualTo(text);

    // the WhatsApp message is still tried, and arrives when the gateway is back
    gateway.answer(200, "{\"status\":true}");
    clock.advance(Duration.ofMinutes(15));
    drain(delivery);
    assertThat(row(international(phone))).containsEntry("status", "SENT");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aFallbackWithABadAddressIsLeftOutAndTheMessageStillQueued() {
    Outbox outbox = outbox(delivery());
    String phone = phone();
    assertThat(enqueueWithFallback(outbox, phone, "bukan alamat", unique("Disetujui")))
        .isEqualTo(Enqueued.QUEUED);
    assertThat(row(international(phone))).containsEntry("status", "PENDING");
    assertThat(
            jdbc.sql("select count(*) from notification where recipient = 'bukan alamat'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  // --- once ----------------------------------------------------------------------------------

  @Test
  void theSameIdempotencyKeyIsStoredAndSentOnce() {
    Outbox outbox = outbox(delivery());
    String phone = phone();
    String to = international(phone);
    assertThat(enqueue(outbox, whatsapp(phone, "Pertama", "event-8:application.submitted")))
        .isEqualTo(Enqueued.QUEUED);
    assertThat(
            enqueue(
                outbox,
                whatsapp("+62 " + phone.substring(1), "Kedua", "event-8:application.submitted")))
        .isEqualTo(Enqueued.DUPLICATE);
    runAfterCommit();
    drain(delivery());
    assertThat(
            jdbc.sql("select count(*) from notification where recipient = ?")
                .param(to)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(gateway.callsTo(to)).hasSize(1);
    assertThat(gateway.callsTo(to).get(0).body()).contains("Pertama");

    // the same key to another channel is another message
    assertThat(
            enqueue(
                outbox,
                new OutgoingMessage(
                    jetis,
                    "application.submitted",
                    new Recipient(Channel.SMS, phone),
                    null,
                    "Pertama",
                    "event-8:application.submitted")))
        .isEqualTo(Enqueued.QUEUED);
  }

  @Test
  void aMessageCommittedButNotSentBeforeACrashIsSentOnceByTheJob() {
    Outbox outbox = outbox(delivery());
    String phone = phone();
    String to = international(phone);
    enqueue(outbox, whatsapp(phone, unique("Perlu dilengkapi"), "event-9:completion.requested"));
    afterCommit.clear(); // the process dies before the send after commit runs
    assertThat(row(to)).containsEntry("status", "PENDING").containsEntry("attempts", 0);
    assertThat(gateway.callsTo(to)).isEmpty();

    Delivery afterRestart = delivery();
    drain(afterRestart);
    drain(afterRestart);
    assertThat(gateway.callsTo(to)).hasSize(1);
    assertThat(row(to)).containsEntry("status", "SENT");
  }

  @Test
  void aRolledBackTransactionLeavesNoMessage() {
    Outbox outbox = outbox(delivery());
    String phone = phone();
    transactions.executeWithoutResult(
        status -> {
          outbox.enqueue(whatsapp(phone, "Tidak jadi", "event-10:application.submitted"));
          status.setRollbackOnly();
        });
    assertThat(afterCommit).isEmpty();
    assertThat(
            jdbc.sql("select count(*) from notification where recipient = ?")
                .param(international(phone))
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void twoConcurrentJobRunsNeverSendAMessageTwice() throws Exception {
    CountDownLatch bothSending = new CountDownLatch(2);
    List<String> sent = new CopyOnWriteArrayList<>();
    MessageGateway slow =
        new MessageGateway() {
          @Override
          public Via via() {
            return Via.HTTP;
          }

          @Override
          public void send(Recipient to, String subject, String text) {
            bothSending.countDown();
            try {
              // the first send waits (holding its row lock) until the other run sends too
              bothSending.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            sent.add(to.address());
          }
        };
    Outbox outbox = outbox(delivery(Map.of(Channel.WHATSAPP, slow)));
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String phone = phone();
      mine.add(international(phone));
      enqueue(outbox, whatsapp(phone, "Pesan " + i, "event-11:" + i));
    }
    afterCommit.clear();

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Delivery one = delivery(Map.of(Channel.WHATSAPP, slow));
      Delivery two = delivery(Map.of(Channel.WHATSAPP, slow));
      Future<Integer> a = nodes.submit(one::sendDue);
      Future<Integer> b = nodes.submit(two::sendDue);
      a.get(60, TimeUnit.SECONDS);
      b.get(60, TimeUnit.SECONDS);
    } finally {
      nodes.shutdownNow();
    }
    assertThat(bothSending.getCount()).as("the two runs sent at the same time").isZero();
    assertThat(sent.stream().filter(mine::contains).toList())
        .containsExactlyInAnyOrderElementsOf(mine);
    for (String to : mine) {
      assertThat(row(to)).containsEntry("status", "SENT").containsEntry("attempts", 1);
    }
  }

  // --- the application's own wiring and the admin page ---------------------------------------

  @Test
  void withNoGatewayConfiguredMessagesGoToTheLogWhereTheAdministratorReadsThem() {
    String phone = phone();
    String to = international(phone);
    String text = unique("Kode masuk Anda: 482913. <b>Jangan</b> berikan kepada siapa pun.");
    transactions.executeWithoutResult(
        status -> notifications.enqueue(whatsapp(phone, text, "event-12:otp")));
    awaitSentByTheApplication(to);
    assertThat(row(to)).containsEntry("sent_via", "LOG");

    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String page = admin.get("/admin/pesan?status=LOG").body();
    assertThat(page)
        .contains(text.replace("<b>", "&lt;b&gt;").replace("</b>", "&lt;/b&gt;"))
        .doesNotContain("<b>Jangan</b>")
        .contains("Masuk log");
    assertThat(admin.get("/admin/pesan").body())
        .contains("••••••••" + to.substring(to.length() - 4))
        .doesNotContain(to);
  }

  @Test
  void anotherOfficesMessagesAreInvisibleAndOnlyTheAdministratorReadsTheLog() {
    UUID purwokerto = office("33.02.27");
    String text = unique("Pesan kantor lain");
    String phone = phone();
    transactions.executeWithoutResult(
        status ->
            notifications.enqueue(
                new OutgoingMessage(
                    purwokerto,
                    "application.submitted",
                    new Recipient(Channel.SMS, phone),
                    null,
                    text,
                    "event-13:" + text)));
    awaitSentByTheApplication(international(phone));

    assertThat(WebClient.signedIn(port, "admin.jetis").get("/admin/pesan?status=LOG").body())
        .doesNotContain(text);
    assertThat(
            WebClient.signedIn(port, "admin.purwokertoutara").get("/admin/pesan?status=LOG").body())
        .contains(text);
    assertThat(WebClient.signedIn(port, "verifikator.jetis").get("/admin/pesan").statusCode())
        .isEqualTo(403);
    assertThat(new WebClient(port).get("/admin/pesan").statusCode()).isEqualTo(302);
  }

  @Test
  void hostileFilterValuesGetAMessageNotAnError() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    for (String hostile :
        List.of(
            "<script>alert(1)</script>",
            "SENT' or '1'='1",
            "sent",
            "ALL",
            "../../etc/passwd",
            "x".repeat(2_000))) {
      HttpResponse<String> response =
          admin.get("/admin/pesan?status=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(hostile).isEqualTo(200);
      assertThat(response.body())
          .as(hostile)
          .contains("Pilih status dari daftar.")
          .doesNotContain("<script>alert(1)</script>");
    }
    // a control character is refused before anything reads it, with a page saying why
    HttpResponse<String> nul = admin.get("/admin/pesan?status=%00");
    assertThat(nul.statusCode()).isEqualTo(400);
    assertThat(nul.body()).contains("karakter kendali");
    HttpResponse<String> huge = admin.get("/admin/pesan?status=" + "x".repeat(100_000));
    assertThat(huge.statusCode()).isIn(200, 400, 414, 431);
    for (String page : List.of("-1", "0", "99999999999", "abc", "1e9", "<b>")) {
      HttpResponse<String> response =
          admin.get("/admin/pesan?halaman=" + URLEncoder.encode(page, StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertThat(response.body()).doesNotContain("<b>");
    }
  }

  @Test
  void malformedMessagesAreRefusedAndInvalidRecipientsNotStored() {
    Outbox outbox = outbox(delivery());
    assertThat(enqueue(outbox, whatsapp("12345", "Teks", "event-14")))
        .isEqualTo(Enqueued.INVALID_RECIPIENT);
    assertThatThrownBy(() -> enqueue(outbox, whatsapp(phone(), "Teks\u0000", "event-15")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> enqueue(outbox, whatsapp(phone(), "x".repeat(100_000), "event-16")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> enqueue(outbox, whatsapp(phone(), " ", "event-17")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                enqueue(
                    outbox,
                    new OutgoingMessage(
                        jetis,
                        "otp",
                        new Recipient(Channel.EMAIL, "siti@warga.example.id"),
                        "Kode\r\nBcc: semua@example.id",
                        "Kode: 123456",
                        "event-18")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(afterCommit).isEmpty();
  }

  /**
   * Waits until the application's own delivery has sent the message to {@code recipient}: its send
   * after commit runs on another thread and holds the row while it sends, so the job, run here as
   * well, may skip the row and return before it is sent.
   */
  private void awaitSentByTheApplication(String recipient) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              drain(applicationDelivery);
              assertThat(row(recipient)).containsEntry("status", "SENT");
            });
  }

  /** Runs the job until nothing is due (other tests' leftovers may fill a batch). */
  static void drain(Delivery delivery) {
    while (delivery.sendDue() > 0) {
      // the next batch
    }
  }

  private UUID idOf(String recipient) {
    return jdbc.sql("select id from notification where recipient = ?")
        .param(recipient)
        .query(UUID.class)
        .single();
  }

  /**
   * A WhatsApp gateway stand-in: records every call (its API key header, content type and body) and
   * answers as told; it can go down (nothing listens on its port) and come back on the same port.
   */
  static final class StandIn {
    record Call(String apiKey, String contentType, String body) {}

    final int port;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"status\":true,\"detail\":\"queued\"}";
    private HttpServer server;

    private StandIn(HttpServer server) {
      this.server = server;
      this.port = server.getAddress().getPort();
    }

    static StandIn start() throws IOException {
      StandIn standIn = new StandIn(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      standIn.serve();
      return standIn;
    }

    private void serve() {
      server.createContext(
          "/send",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              calls.add(
                  new Call(
                      exchange.getRequestHeaders().getFirst("X-Api-Key"),
                      exchange.getRequestHeaders().getFirst("Content-Type"),
                      new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
    }

    void answer(int status, String body) {
      this.status = status;
      this.answer = body;
    }

    void stop() {
      if (server != null) {
        server.stop(0);
        server = null;
      }
    }

    void restart() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      serve();
    }

    /** The calls whose body names this recipient. */
    List<Call> callsTo(String recipient) {
      return calls.stream().filter(c -> c.body().contains("\"" + recipient + "\"")).toList();
    }
  }
}
