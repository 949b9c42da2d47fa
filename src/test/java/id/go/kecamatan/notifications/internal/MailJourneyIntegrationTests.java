package id.go.kecamatan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.go.kecamatan.TestPhones;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Completions;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.Casework;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.casework.RequirementChecks;
import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.letters.LetterFixtures;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.SigningReport;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.Formats;
import id.go.kecamatan.shared.web.Outcome;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application wired to a real SMTP server (GreenMail) and a stand-in WhatsApp gateway, as
 * a deployment would be: residents' journeys through casework and signing, and the e-mails that
 * arrive, exactly and in order. Messages go out after each commit and through the delivery job
 * (every second here), nothing is run by hand.
 *
 * <p>A context of its own (its own embedded PostgreSQL under {@code target/test-pg-mail}), because
 * the shared test context delivers to the message log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext // closed after these tests: its delivery job and database are of no use to others
class MailJourneyIntegrationTests {

  static final GreenMail SMTP = startSmtp();
  static final NotificationDeliveryIntegrationTests.StandIn WHATSAPP = startWhatsApp();
  static final String FROM = "layanan@jetis.kecamatan.example";
  static final Locale INDONESIAN = Locale.forLanguageTag("id");

  @DynamicPropertySource
  static void wiring(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("layanan.notifications.email.from", () -> FROM);
    registry.add(
        "layanan.notifications.whatsapp.url", () -> "http://127.0.0.1:" + WHATSAPP.port + "/send");
    registry.add("layanan.notifications.whatsapp.auth-header", () -> "X-Api-Key");
    registry.add("layanan.notifications.whatsapp.auth-value", () -> "kunci-uji");
    registry.add(
        "layanan.notifications.whatsapp.body",
        () -> "{\"target\":\"{{to}}\",\"message\":\"{{text}}\"}");
    registry.add("layanan.notifications.whatsapp.success-contains", () -> "\"status\":true");
    registry.add("layanan.notifications.delivery-cron", () -> "* * * * * *");
    registry.add("layanan.database.embedded.data-dir", () -> "target/test-pg-mail");
    registry.add("layanan.documents.dir", () -> "target/test-documents-mail");
  }

  static GreenMail startSmtp() {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    return smtp;
  }

  static NotificationDeliveryIntegrationTests.StandIn startWhatsApp() {
    try {
      return NotificationDeliveryIntegrationTests.StandIn.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    SMTP.stop();
    WHATSAPP.stop();
  }

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired RequirementChecks requirementChecks;
  @Autowired Completions completions;
  @Autowired Decisions decisions;
  @Autowired LetterSigning signing;
  @Autowired JdbcClient jdbc;

  CaseworkFixtures fixtures;
  UUID jetis;
  UUID village;

  @BeforeEach
  void setUp() {
    fixtures = new CaseworkFixtures(applications, jdbc);
    jetis = fixtures.jetis();
    village = fixtures.operatorVillage("desa.jetis");
    WHATSAPP.answer(200, "{\"status\":true,\"detail\":\"queued\"}");
  }

  /** The e-mails this address received so far, in the order they arrived. */
  static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address));
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** Waits until this address has received {@code count} e-mails, and returns the last. */
  static MimeMessage awaitMail(String address, int count) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(mailTo(address)).hasSize(count));
    return mailTo(address).get(count - 1);
  }

  static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message).replace("\r\n", "\n").strip();
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  String status(Application application) {
    return "http://localhost:" + port + "/status/" + application.trackingCode().value();
  }

  static String unique(String prefix) {
    return CaseworkFixtures.unique(prefix);
  }

  static String phone() {
    return TestPhones.unique("0813");
  }

  @Test
  void aResidentWhoPrefersEmailReceivesEveryStepOfTheJourneyExactlyAndInOrder() throws Exception {
    String name = unique("Siti Aminah");
    String address = name.replace(' ', '.').toLowerCase(Locale.ROOT) + "@warga.example.id";
    String phone = phone();
    Application application = fixtures.domisiliFrom(jetis, village, name, phone, address, "EMAIL");
    String code = application.trackingCode().value();
    String deadline = Formats.longDate(application.deadline(), INDONESIAN);

    MimeMessage submitted = awaitMail(address, 1);
    assertThat(submitted.getFrom()[0].toString()).isEqualTo(FROM);
    assertThat(subject(submitted)).isEqualTo("Permohonan " + code + " sudah diterima");
    assertThat(body(submitted))
        .isEqualTo(
            "Yth. "
                + name
                + ",\n\npermohonan Surat Keterangan Domisili Anda di Kecamatan Jetis sudah kami"
                + " terima dengan kode "
                + code
                + ".\nPerkiraan selesai paling lambat "
                + deadline
                + ".\n\nCek status permohonan di "
                + status(application)
                + " dengan kode tersebut dan 4 angka terakhir nomor HP Anda.\n\n"
                + "Simpan pesan ini. Terima kasih.\nKecamatan Jetis");

    // the verifier finds the KTP photo blurred and asks for it again
    Officer verifier = fixtures.officer("verifikator.jetis");
    casework.startReview(verifier, application.id());
    UUID ktp = fixtures.requirement(jetis, "DOMISILI", "KTP");
    String ktpName =
        jdbc.sql("select name from requirement where id = ?")
            .param(ktp)
            .query(String.class)
            .single();
    assertThat(
            requirementChecks
                .check(verifier, application.id(), ktp, "reject", null, "Foto KTP buram.")
                .ok())
        .isTrue();
    assertThat(casework.requestCompletion(verifier, application.id()).ok()).isTrue();
    MimeMessage completion = awaitMail(address, 2);
    assertThat(subject(completion)).isEqualTo("Permohonan " + code + " perlu dilengkapi");
    assertThat(body(completion))
        .isEqualTo(
            "Yth. "
                + name
                + ",\n\npermohonan Surat Keterangan Domisili Anda ("
                + code
                + ") di Kecamatan Jetis perlu dilengkapi. Persyaratan berikut belum dapat kami"
                + " terima:\n\n- "
                + ktpName
                + ": Foto KTP buram.\n\nUnggah dokumen penggantinya di "
                + status(application)
                + ". Selama kami menunggu kelengkapan, waktu penyelesaian berhenti sementara."
                + "\n\nKecamatan Jetis");

    // the resident uploads a sharp photo; the office approves; the Camat signs
    Upload sharp =
        new Upload(
            "ktp-baru.jpg",
            "image/jpeg",
            new ByteArrayInputStream(TestFiles.jpeg(TestFiles.photo(800, 500))));
    assertThat(
            completions
                .complete(
                    code,
                    phone.substring(phone.length() - 4),
                    Map.of(ktp.toString(), List.of(sharp)))
                .orElseThrow()
                .ok())
        .isTrue();
    decisions.approve(jetis, application.id(), "Verifikator Jetis");
    MimeMessage approved = awaitMail(address, 3);
    assertThat(subject(approved)).isEqualTo("Permohonan " + code + " disetujui");
    assertThat(body(approved))
        .isEqualTo(
            "Yth. "
                + name
                + ",\n\npermohonan Surat Keterangan Domisili Anda ("
                + code
                + ") di Kecamatan Jetis sudah disetujui. Surat sedang disiapkan untuk"
                + " ditandatangani; kami kabari lagi saat surat terbit.\n\nStatus: "
                + status(application)
                + "\n\nKecamatan Jetis");

    Outcome<SigningReport> signed =
        signing.sign(
            fixtures.officer("camat.jetis"),
            List.of(application.id()),
            LetterFixtures.PASSPHRASE.toCharArray());
    assertThat(signed.ok()).isTrue();
    assertThat(signed.value().signed()).hasSize(1);
    String number =
        jdbc.sql("select number from letter where application_id = ?")
            .param(application.id().value())
            .query(String.class)
            .single();
    // the letter's message and, from the same event, the invitation to the satisfaction survey
    awaitMail(address, 5);
    List<MimeMessage> last = mailTo(address).subList(3, 5);
    MimeMessage issued =
        last.stream()
            .filter(m -> subject(m).equals("Surat Anda sudah terbit: " + number))
            .findFirst()
            .orElseThrow();
    MimeMessage survey =
        last.stream()
            .filter(m -> subject(m).equals("Survei kepuasan layanan Kecamatan Jetis"))
            .findFirst()
            .orElseThrow();
    assertThat(body(survey))
        .startsWith("Yth. " + name + ",")
        .contains("(" + code + ")")
        .contains("/survei/")
        .contains("satu kali pengisian");
    assertThat(body(issued))
        .isEqualTo(
            "Yth. "
                + name
                + ",\n\nsurat untuk permohonan Surat Keterangan Domisili Anda ("
                + code
                + ") sudah terbit dengan nomor "
                + number
                + " dan ditandatangani secara elektronik.\n\nUnduh surat di halaman status: "
                + status(application)
                + "\n(masukkan kode permohonan dan 4 angka terakhir nomor HP Anda).\n\n"
                + "Kecamatan Jetis");

    // e-mail was the choice: nothing went to the phone, and nothing more arrives
    assertThat(WHATSAPP.callsTo("62" + phone.substring(1))).isEmpty();
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .untilAsserted(() -> assertThat(mailTo(address)).hasSize(5));
  }

  @Test
  void whenTheWhatsAppNumberIsRefusedTheMessageArrivesByEmailInstead() {
    String name = unique("Wati");
    String address = name.replace(' ', '.').toLowerCase(Locale.ROOT) + "@warga.example.id";
    String phone = phone();
    String international = "62" + phone.substring(1);
    WHATSAPP.answer(400, "{\"status\":false,\"reason\":\"nomor tidak terdaftar di WhatsApp\"}");

    Application application =
        fixtures.domisiliFrom(jetis, village, name, phone, address, "WHATSAPP");

    MimeMessage fallback = awaitMail(address, 1);
    assertThat(subject(fallback))
        .isEqualTo("Permohonan " + application.trackingCode().value() + " sudah diterima");
    assertThat(body(fallback)).startsWith("Yth. " + name + ",\n\npermohonan Surat Keterangan");
    assertThat(WHATSAPP.callsTo(international)).as("refused at once, not retried").hasSize(1);

    // the office administrator sees the WhatsApp message failed, and why
    String log = WebClient.signedIn(port, "admin.jetis").get("/admin/pesan?status=FAILED").body();
    assertThat(log)
        .contains("••••••••" + international.substring(international.length() - 4))
        .contains("nomor tidak terdaftar di WhatsApp");
  }

  @Test
  void whenTheWhatsAppMessageArrivesNoEmailIsSent() {
    String name = unique("Eko");
    String address = name.replace(' ', '.').toLowerCase(Locale.ROOT) + "@warga.example.id";
    String phone = phone();
    String international = "62" + phone.substring(1);

    Application application = fixtures.domisiliFrom(jetis, village, name, phone, address, null);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(WHATSAPP.callsTo(international)).hasSize(1));
    NotificationDeliveryIntegrationTests.StandIn.Call call = WHATSAPP.callsTo(international).get(0);
    assertThat(call.apiKey()).isEqualTo("kunci-uji");
    assertThat(call.body())
        .isEqualTo(
            "{\"target\":\""
                + international
                + "\",\"message\":\"Kecamatan Jetis: permohonan Surat Keterangan Domisili atas"
                + " nama "
                + name
                + " sudah diterima.\\nKode permohonan: "
                + application.trackingCode().value()
                + "\\nSelesai paling lambat: "
                + Formats.longDate(application.deadline(), INDONESIAN)
                + "\\nCek status: "
                + status(application)
                + "\"}");
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(mailTo(address)).isEmpty());
  }
}
