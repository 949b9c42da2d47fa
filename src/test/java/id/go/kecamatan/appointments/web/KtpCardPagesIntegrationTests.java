package id.go.kecamatan.appointments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.TestPhones;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.appointments.KtpCardKeys;
import id.go.kecamatan.appointments.KtpFixtures;
import id.go.kecamatan.documents.TestFiles;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An e-KTP card's life through the officers' pages and the resident's status page: recorded, moved
 * on singly and as a list, ready for pick-up with the message, handed to a proxy; other offices see
 * nothing of it, and wrong or hostile input is refused with a clear message.
 */
@IntegrationTest
class KtpCardPagesIntegrationTests {

  static final Pattern CODE = Pattern.compile("(351616-[2-9A-Z]{8})");
  static final Pattern CARD = Pattern.compile("/admin/ktp-el/([0-9a-f-]{36})");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired KtpLookupLimits limits;

  String phone() {
    return TestPhones.unique("0813");
  }

  /** Records a card as the front office and returns its id and code. */
  String[] record(WebClient desk, String nik, String name, String phone) {
    desk.get("/admin/ktp-el/baru");
    HttpResponse<String> saved =
        desk.post(
            "/admin/ktp-el/baru", "nik", nik, "name", name, "kk", "", "phone", phone, "email", "");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    Matcher id = CARD.matcher(WebClient.location(saved));
    assertThat(id.find()).isTrue();
    HttpResponse<String> card = desk.get("/admin/ktp-el/" + id.group(1));
    assertThat(card.body()).contains("Perekaman disimpan");
    Matcher code = CODE.matcher(card.body());
    assertThat(code.find()).isTrue();
    return new String[] {id.group(1), code.group(1)};
  }

  long notifications(String kind, String code) {
    return jdbc.sql("select count(*) from notification where kind = ? and text like ?")
        .params(kind, "%" + code + "%")
        .query(Long.class)
        .single();
  }

  @org.junit.jupiter.api.AfterEach
  void forget() {
    limits.reset();
  }

  @Test
  void afterTenWrongKeysTheCodeOpensNothingForAWhile() {
    WebClient desk = WebClient.signedIn(port, "loket.jetis");
    String phone = phone();
    String nik = KtpFixtures.nik(true);
    String code = record(desk, nik, "Rina Kartika", phone)[1];
    String digits = phone.substring(phone.length() - 4);

    // someone with the code tries the 10,000 phone digits (20 a minute per address let one
    // address through them in a working day)
    WebClient guesser = new WebClient(port);
    guesser.get("/ktp-el");
    int tried = 0;
    for (int n = 0; tried < KtpCardKeys.WRONG_KEYS_PER_HOUR; n++) {
      String guess = "%04d".formatted(n);
      if (!guess.equals(digits)) {
        assertThat(guesser.post("/ktp-el", "kode", code, "kunci", guess).statusCode())
            .isEqualTo(422);
        tried++;
      }
    }
    for (String right : new String[] {digits, nik}) {
      HttpResponse<String> refused = guesser.post("/ktp-el", "kode", code, "kunci", right);
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body()).contains("Kode dan angka yang diisi tidak cocok");
    }
    assertThat(WebClient.location(guesser.get("/ktp-el/" + code))).endsWith("/ktp-el?kode=" + code);
  }

  @Test
  void aCardGoesFromRecordingToAProxyPickUpAndTheResidentFollowsIt() {
    WebClient desk = WebClient.signedIn(port, "loket.jetis");
    String phone = phone();
    String nik = KtpFixtures.nik(true);
    String[] card = record(desk, nik, "Dewi Lestari", phone);
    String id = card[0];
    String code = card[1];
    assertThat(desk.get("/admin/ktp-el/" + id).body())
        .contains("Direkam")
        .contains("Tandai \"Menunggu verifikasi pusat\"");
    await().atMost(Duration.ofSeconds(30)).until(() -> notifications("ktp.recorded", code) == 1);

    // the resident opens the card with the code and the phone's last four digits
    WebClient resident = new WebClient(port);
    resident.get("/ktp-el");
    HttpResponse<String> wrong = resident.post("/ktp-el", "kode", code, "kunci", "0000");
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body()).contains("Kode dan angka yang diisi tidak cocok");
    HttpResponse<String> opened =
        resident.post("/ktp-el", "kode", code, "kunci", phone.substring(phone.length() - 4));
    assertThat(WebClient.location(opened)).endsWith("/ktp-el/" + code);
    assertThat(resident.get("/ktp-el/" + code).body())
        .contains("Status KTP-el Anda")
        .contains("Direkam")
        .contains("Data Anda sudah direkam")
        .doesNotContain(nik);
    // a stranger with the code only is sent to the look-up
    assertThat(WebClient.location(new WebClient(port).get("/ktp-el/" + code)))
        .endsWith("/ktp-el?kode=" + code);

    // one step singly, then the list action moves it twice more
    desk.get("/admin/ktp-el/" + id);
    assertThat(
            desk.post("/admin/ktp-el/" + id + "/langkah", "ke", "AWAITING_VERIFICATION")
                .statusCode())
        .isEqualTo(302);
    desk.get("/admin/ktp-el?status=AWAITING_VERIFICATION");
    HttpResponse<String> listed =
        desk.post("/admin/ktp-el/langkah", "kartu", id, "ke", "PRINTED", "status", "", "q", "");
    assertThat(listed.statusCode()).isEqualTo(302);
    assertThat(desk.get(WebClient.location(listed).replaceFirst("^https?://[^/]+", "")).body())
        .contains("1 kartu dipindahkan ke \"Dicetak\"");
    // an interim letter meanwhile
    desk.get("/admin/ktp-el/" + id);
    assertThat(
            desk.post("/admin/ktp-el/" + id + "/suket", "letterNumber", "470/12/416.12/2026")
                .statusCode())
        .isEqualTo(302);
    desk.get("/admin/ktp-el/" + id);
    desk.post("/admin/ktp-el/" + id + "/langkah", "ke", "READY_FOR_PICKUP");
    await().atMost(Duration.ofSeconds(30)).until(() -> notifications("ktp.ready", code) == 1);
    assertThat(
            jdbc.sql("select text from notification where kind = 'ktp.ready' and text like ?")
                .param("%" + code + "%")
                .query(String.class)
                .single())
        .contains("SIAP DIAMBIL")
        .contains("surat kuasa");
    assertThat(resident.get("/ktp-el/" + code).body())
        .contains("Siap diambil")
        .contains("Yang dibawa saat mengambil")
        .contains("Surat keterangan pengganti KTP-el diterbitkan");

    // the pick-up check: a proxy without the letter checked is refused, nothing changes
    desk.get("/admin/ktp-el/" + id);
    // an authority letter over 10 MB: back on the card with the message at the letter and all
    // that was entered, nothing recorded
    String typedNik = KtpFixtures.nik(false);
    HttpResponse<String> tooLarge =
        desk.upload(
            "/admin/ktp-el/" + id + "/ambil",
            "suratKuasa",
            Map.of(
                "by", "PROXY",
                "idChecked", "ya",
                "proxyName", "Bambang Sutrisno",
                "proxyNik", typedNik,
                "letterChecked", "ya"),
            new WebClient.FilePart(
                "surat-kuasa.pdf", "application/pdf", new byte[11 * 1024 * 1024]));
    assertThat(tooLarge.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(tooLarge))
        .endsWith("/admin/ktp-el/" + id + "/ambil?terlalu-besar=suratKuasa");
    HttpResponse<String> back =
        desk.get(WebClient.location(tooLarge).replaceFirst("^https?://[^/]+", ""));
    assertThat(back.statusCode()).isEqualTo(413);
    assertThat(back.body())
        .contains("id=\"suratKuasa-error\"")
        .contains("File yang dipilih harus lebih kecil dari 10 MB")
        .contains("value=\"Bambang Sutrisno\"")
        .contains("value=\"" + typedNik + "\"")
        .containsPattern("name=\"letterChecked\" value=\"ya\" checked")
        .doesNotContain("Kartu diserahkan");
    HttpResponse<String> noLetter =
        desk.upload(
            "/admin/ktp-el/" + id + "/ambil",
            "suratKuasa",
            Map.of(
                "by", "PROXY",
                "idChecked", "ya",
                "proxyName", "Bambang Sutrisno",
                "proxyNik", KtpFixtures.nik(false)));
    assertThat(noLetter.statusCode()).isEqualTo(422);
    assertThat(noLetter.body()).contains("memerlukan surat kuasa");
    String proxyNik = KtpFixtures.nik(false);
    HttpResponse<String> handed =
        desk.upload(
            "/admin/ktp-el/" + id + "/ambil",
            "suratKuasa",
            Map.of(
                "by", "PROXY",
                "idChecked", "ya",
                "proxyName", "Bambang Sutrisno",
                "proxyNik", proxyNik,
                "letterChecked", "ya"),
            new WebClient.FilePart(
                "surat-kuasa.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.photo(80, 60))));
    assertThat(handed.statusCode()).as(handed.body()).isEqualTo(302);
    String page = desk.get("/admin/ktp-el/" + id).body();
    assertThat(page)
        .contains("Kartu diserahkan")
        .contains("kuasa: Bambang Sutrisno (NIK " + proxyNik + ")")
        .contains("/admin/ktp-el/" + id + "/surat-kuasa");
    assertThat(desk.getBytes("/admin/ktp-el/" + id + "/surat-kuasa").statusCode()).isEqualTo(200);
    assertThat(resident.get("/ktp-el/" + code).body()).contains("Kartu Anda sudah diambil");
    assertThat(
            jdbc.sql("select action from audit_event where entity_id = ? order by id")
                .param(id)
                .query(String.class)
                .list())
        .contains("ktp.recorded", "ktp.step", "ktp.interim-letter", "ktp.picked-up", "ktp.viewed");
    // recording the same person again is allowed only now that the card was picked up
    record(desk, nik, "Dewi Lestari", phone);
  }

  @Test
  void theListMovesManyCardsAtOnceAndSkipsThoseAlreadyFurther() {
    WebClient desk = WebClient.signedIn(port, "loket.jetis");
    String[] a = record(desk, KtpFixtures.nik(false), "Agus Salim", phone());
    String[] b = record(desk, KtpFixtures.nik(true), "Sri Wahyuni", phone());
    desk.get("/admin/ktp-el/" + b[0]);
    desk.post("/admin/ktp-el/" + b[0] + "/langkah", "ke", "PRINTED");
    desk.get("/admin/ktp-el");
    HttpResponse<String> moved =
        desk.post("/admin/ktp-el/langkah", "kartu", a[0], "kartu", b[0], "ke", "READY_TO_PRINT");
    String after = desk.get("/admin/ktp-el").body();
    assertThat(WebClient.location(moved)).contains("/admin/ktp-el");
    assertThat(after).contains("1 kartu dipindahkan").contains(b[1]);
    assertThat(status(a[0])).isEqualTo("READY_TO_PRINT");
    assertThat(status(b[0])).isEqualTo("PRINTED");

    // no card chosen, no step, a step the list does not do: a clear message, nothing changes
    HttpResponse<String> none = desk.post("/admin/ktp-el/langkah", "ke", "PRINTED");
    assertThat(none.statusCode()).isEqualTo(422);
    assertThat(none.body()).contains("Pilih paling sedikit satu kartu");
    HttpResponse<String> pickedUp =
        desk.post("/admin/ktp-el/langkah", "kartu", a[0], "ke", "PICKED_UP");
    assertThat(pickedUp.statusCode()).isEqualTo(422);
    assertThat(pickedUp.body()).contains("Pilih langkah berikutnya");
    HttpResponse<String> backwards =
        desk.post("/admin/ktp-el/" + b[0] + "/langkah", "ke", "RECORDED");
    assertThat(backwards.statusCode()).isEqualTo(422);
    assertThat(status(b[0])).isEqualTo("PRINTED");
  }

  String status(String id) {
    return jdbc.sql("select status from ktp_card where id = ?")
        .param(UUID.fromString(id))
        .query(String.class)
        .single();
  }

  @Test
  void anotherOfficeNeitherSeesNorMovesTheCards() {
    WebClient jetis = WebClient.signedIn(port, "loket.jetis");
    String[] card = record(jetis, KtpFixtures.nik(false), "Joko Susilo", phone());
    WebClient other = WebClient.signedIn(port, "loket.purwokertoutara");
    assertThat(other.get("/admin/ktp-el/" + card[0]).statusCode()).isEqualTo(404);
    assertThat(other.get("/admin/ktp-el").body()).doesNotContain(card[1]);
    assertThat(other.get("/admin/ktp-el?q=Joko+Susilo").body()).doesNotContain(card[1]);
    other.get("/admin/ktp-el");
    HttpResponse<String> moved =
        other.post("/admin/ktp-el/langkah", "kartu", card[0], "ke", "PRINTED");
    assertThat(moved.statusCode()).isEqualTo(302);
    assertThat(other.get("/admin/ktp-el").body()).contains("0 kartu dipindahkan");
    assertThat(other.post("/admin/ktp-el/" + card[0] + "/langkah", "ke", "PRINTED").statusCode())
        .isEqualTo(404);
    assertThat(other.post("/admin/ktp-el/" + card[0] + "/suket", "letterNumber", "1").statusCode())
        .isEqualTo(404);
    assertThat(other.getBytes("/admin/ktp-el/" + card[0] + "/surat-kuasa").statusCode())
        .isEqualTo(404);
    assertThat(status(card[0])).isEqualTo("RECORDED");
    // a village operator or a signer does not open the e-KTP pages at all
    assertThat(WebClient.signedIn(port, "desa.jetis").get("/admin/ktp-el").statusCode())
        .isEqualTo(403);
  }

  @Test
  void wrongAndHostileInputIsRefusedWithAClearMessage() {
    WebClient desk = WebClient.signedIn(port, "loket.jetis");
    desk.get("/admin/ktp-el/baru");
    for (List<String> bad :
        List.of(
            List.of(KtpFixtures.nik(false), "<script>alert(1)</script>", "boleh berisi tag HTML"),
            List.of(
                KtpFixtures.nik(false), "Budi\u0007Santoso", "karakter yang tidak diperbolehkan"),
            List.of(KtpFixtures.nik(false), "B".repeat(10_000), "paling banyak 120 karakter"),
            List.of("3516163102900001", "Budi Santoso", "NIK harus 16 angka yang sah"),
            List.of("1".repeat(5_000), "Budi Santoso", "NIK harus 16 angka yang sah"),
            List.of("", "", "Wajib diisi"))) {
      HttpResponse<String> refused =
          desk.post(
              "/admin/ktp-el/baru",
              "nik",
              bad.get(0),
              "name",
              bad.get(1),
              "kk",
              "12345",
              "phone",
              "<b>0812</b>",
              "email",
              "bukan-email");
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body())
          .contains(bad.get(2))
          .contains("Nomor KK harus 16 angka yang sah")
          .doesNotContain("<script>alert(1)</script>")
          .doesNotContain("B".repeat(300));
    }
    // the same person twice while the first card is on its way
    String nik = KtpFixtures.nik(true);
    record(desk, nik, "Rina Marlina", phone());
    desk.get("/admin/ktp-el/baru");
    HttpResponse<String> twice =
        desk.post(
            "/admin/ktp-el/baru", "nik", nik, "name", "Rina", "kk", "", "phone", "", "email", "");
    assertThat(twice.statusCode()).isEqualTo(422);
    assertThat(twice.body()).contains("sedang diproses di kantor ini");

    // ids and look-ups that are not ids or codes
    assertThat(desk.get("/admin/ktp-el/%3Cscript%3E").statusCode()).isEqualTo(404);
    assertThat(desk.get("/admin/ktp-el?status=%3Cscript%3E&q=" + "x".repeat(3000)).statusCode())
        .isEqualTo(200);
    WebClient resident = new WebClient(port);
    resident.get("/ktp-el");
    HttpResponse<String> hostile =
        resident.post("/ktp-el", "kode", "<script>" + "x".repeat(5000), "kunci", "\u0000\u0007");
    assertThat(hostile.statusCode()).isEqualTo(422);
    assertThat(hostile.body()).doesNotContain("<script>").contains("tidak cocok");
    HttpResponse<String> empty = resident.post("/ktp-el", "kode", "", "kunci", "");
    assertThat(empty.body()).contains("Isi kode KTP-el Anda").contains("Isi 4 angka terakhir");
    limits.reset();
  }
}
