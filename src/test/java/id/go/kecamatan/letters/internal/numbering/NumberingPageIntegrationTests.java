package id.go.kecamatan.letters.internal.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.OfficeOnboarding;
import id.go.kecamatan.office.Offices;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The office administrator's numbering page at {@code /admin/surat/penomoran}. */
@IntegrationTest
class NumberingPageIntegrationTests {

  private static final String PAGE = "/admin/surat/penomoran";
  private static NumberingOffice office;

  @LocalServerPort int port;
  @Autowired OfficeOnboarding onboarding;
  @Autowired Offices offices;
  @Autowired JdbcClient jdbc;
  @Autowired LetterNumberingService numbering;
  @Autowired AgendaBook agenda;
  @Autowired TransactionTemplate transactions;
  @Autowired Clock clock;

  private NumberingOffice office() {
    synchronized (NumberingPageIntegrationTests.class) {
      if (office == null) {
        office =
            NumberingOffice.register(onboarding, offices, jdbc, "35.16.14", "admin.gedeg.nomor");
      }
      return office;
    }
  }

  private WebClient admin() {
    WebClient admin = WebClient.signedIn(port, office().admin());
    assertThat(admin.get(PAGE).statusCode()).isEqualTo(200);
    return admin;
  }

  private String savedFormat() {
    return jdbc.sql("select format from letter_numbering_setting where office_id = ?")
        .param(office().id())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private long audited(String action) {
    return jdbc.sql("select count(*) from audit_event where office_id = ? and action = ?")
        .params(office().id(), action)
        .query(Long.class)
        .single();
  }

  @Test
  void theLastNumbersOfTheYearBeforeStandBesideTheCountersThatRestartedAtOne() {
    int year = LocalDate.now(clock).getYear();
    // the office's letters of last year ended at 412 (the page's sequences take the highest)
    jdbc.sql(
            """
            insert into letter_sequence (office_id, scope_key, year, last_number)
            values (?, 'K:474', ?, 412)
            on conflict (office_id, scope_key, year) do update set last_number = 412
            """)
        .params(office().id(), year - 1)
        .update();

    String body = admin().get(PAGE).body();

    assertThat(body)
        .contains("Setiap urutan mulai lagi dari 1 pada 1 Januari (waktu setempat)")
        .contains("<th scope=\"col\">Terakhir " + (year - 1) + "</th>")
        .contains("<td>412</td>");
  }

  @Test
  void showsTheDefaultFormatWithItsExampleTheTokensAndTheCounters() {
    String body = admin().get(PAGE).body();
    int year = LocalDate.now(clock).getYear();

    assertThat(body)
        .contains("<h1>Penomoran surat</h1>")
        .contains("value=\"{klasifikasi}/{nomor:3}/{kode_unit}/{tahun}\"")
        .contains("474/007/416.399/" + year)
        .contains("{bulan_romawi}")
        .contains("Penghitung tahun " + year)
        .contains("474/001/416.399/" + year)
        .contains("href=\"/admin/bagian/surat\" aria-current=\"page\"");
  }

  @Test
  void thePreviewRendersTheTypedFormatWithoutSavingIt() {
    LocalDate today = LocalDate.now(clock);
    String before = savedFormat();
    HttpResponse<String> preview =
        admin()
            .post(
                PAGE,
                "format",
                "B-{nomor:4}/{kode_unit}/{bulan_romawi}/{bulan}/{tahun}",
                "scope",
                "SERVICE",
                "pratinjau",
                "1");

    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains(
            "B-0007/416.399/"
                + LetterNumberFormat.roman(today.getMonthValue())
                + "/"
                + String.format("%02d", today.getMonthValue())
                + "/"
                + today.getYear())
        .contains("value=\"B-{nomor:4}/{kode_unit}/{bulan_romawi}/{bulan}/{tahun}\"")
        .containsPattern("value=\"SERVICE\"\\s+checked");
    assertThat(savedFormat()).isEqualTo(before);
  }

  @Test
  void aValidFormatIsSavedAndAudited() {
    long audits = audited("letter-numbering.updated");
    try {
      WebClient admin = admin();
      HttpResponse<String> saved =
          admin.post(
              PAGE, "format", "{nomor:4}/{kode_unit}/{bulan_romawi}/{tahun}", "scope", "OFFICE");

      assertThat(saved.statusCode()).isEqualTo(302);
      assertThat(savedFormat()).isEqualTo("{nomor:4}/{kode_unit}/{bulan_romawi}/{tahun}");
      assertThat(audited("letter-numbering.updated")).isEqualTo(audits + 1);
      assertThat(admin.get(PAGE).body()).contains("Pengaturan penomoran disimpan.");
    } finally {
      numbering.save(office().id(), LetterNumberFormat.DEFAULT, "OFFICE");
    }
  }

  @Test
  void invalidAndHostileFormatsAreRefusedWithTheTypedTextKept() {
    WebClient admin = admin();
    String before = savedFormat();

    HttpResponse<String> wide =
        admin.post(PAGE, "format", "{klasifikasi}/{nomor:99}", "scope", "OFFICE");
    assertThat(wide.statusCode()).isEqualTo(200);
    assertThat(wide.body())
        .contains("error-summary")
        .contains("Lebar nomor pada {nomor:99} harus satu angka dari 1 sampai 6.")
        .contains("value=\"{klasifikasi}/{nomor:99}\"")
        .contains("aria-describedby=\"format-hint format-error\"");

    assertThat(admin.post(PAGE, "format", "{nomor}/{x}", "scope", "OFFICE").body())
        .contains("Token {x} tidak dikenal");
    assertThat(admin.post(PAGE, "format", "{{nomor}}", "scope", "OFFICE").body())
        .contains("Kurung kurawal tidak seimbang");
    assertThat(admin.post(PAGE, "format", "474/2026", "scope", "OFFICE").body())
        .contains("tepat satu kali");

    HttpResponse<String> markup =
        admin.post(PAGE, "format", "<script>alert(1)</script>{nomor}", "scope", "OFFICE");
    assertThat(markup.body())
        .doesNotContain("<script>alert(1)")
        .contains("value=\"&lt;script")
        .contains("Karakter \u201c&lt;\u201d tidak boleh dipakai");

    assertThat(admin.post(PAGE, "format", "x".repeat(100_000), "scope", "OFFICE").body())
        .contains("Format paling banyak 120 karakter; yang diisi 100.000 karakter.");
    assertThat(admin.post(PAGE, "format", "{nomor}\u0000", "scope", "OFFICE").body())
        .contains("karakter kendali (U+0000)");
    assertThat(admin.post(PAGE, "format", "{nomor}", "scope", "SOMETHING").body())
        .contains("Pilih urutan nomor.");

    assertThat(savedFormat()).isEqualTo(before);
  }

  @Test
  void aFormatNeedingACodeAServiceLacksIsRefusedNamingTheService() {
    jdbc.sql("update service_type set active = true where id = ?")
        .param(office().withoutCode())
        .update();
    try {
      HttpResponse<String> refused =
          admin().post(PAGE, "format", "{klasifikasi}/{nomor}/{tahun}", "scope", "OFFICE");
      assertThat(refused.body())
          .contains("belum punya kode klasifikasi: Surat Keterangan Lain-lain");
      HttpResponse<String> perClassification =
          admin().post(PAGE, "format", "{kode_layanan}/{nomor}/{tahun}", "scope", "CLASSIFICATION");
      assertThat(perClassification.body()).contains("yang belum punya: Surat Keterangan Lain-lain");
      // without the token and with another scope, the missing code does not matter
      assertThat(
              admin()
                  .post(PAGE, "format", "{kode_layanan}/{nomor}/{tahun}", "scope", "SERVICE")
                  .statusCode())
          .isEqualTo(302);
    } finally {
      jdbc.sql("update service_type set active = false where id = ?")
          .param(office().withoutCode())
          .update();
      numbering.save(office().id(), LetterNumberFormat.DEFAULT, "OFFICE");
    }
  }

  @Test
  void aScopeOfManySequencesNeedsAFormatThatTellsThemApart() {
    WebClient admin = admin();
    String before = savedFormat();

    HttpResponse<String> byService =
        admin.post(PAGE, "format", LetterNumberFormat.DEFAULT, "scope", "SERVICE");
    assertThat(byService.statusCode()).isEqualTo(200);
    assertThat(byService.body())
        .contains("error-summary")
        .contains(
            "Dengan satu urutan per layanan, setiap layanan mulai dari nomor 1, sehingga dua"
                + " layanan akan mencetak nomor surat yang sama. Tambahkan {kode_layanan} ke"
                + " format, atau pilih urutan lain.")
        .contains("aria-describedby=\"scope-hint scope-error\"")
        .contains("value=\"" + LetterNumberFormat.DEFAULT + "\"")
        .containsPattern("value=\"SERVICE\"\\s+checked");
    // accepted before the service code token existed, refused now
    assertThat(admin.post(PAGE, "format", "{nomor}/{tahun}", "scope", "SERVICE").body())
        .contains("Tambahkan {kode_layanan} ke format");
    assertThat(
            admin
                .post(PAGE, "format", "{nomor:3}/{kode_unit}/{tahun}", "scope", "CLASSIFICATION")
                .body())
        .contains(
            "Dengan satu urutan per kode klasifikasi, setiap kode mulai dari nomor 1, sehingga"
                + " dua klasifikasi akan mencetak nomor surat yang sama. Tambahkan {klasifikasi}"
                + " atau {kode_layanan} ke format, atau pilih urutan lain.");
    assertThat(
            admin()
                .post(PAGE + "?lang=en", "format", "{nomor}/{tahun}", "scope", "CLASSIFICATION")
                .body())
        .contains(
            "With one sequence per classification code, every code starts at number 1, so two"
                + " classifications would print the same letter number. Add {klasifikasi} or"
                + " {kode_layanan} to the format, or choose another sequence.");
    assertThat(
            admin()
                .post(PAGE + "?lang=en", "format", LetterNumberFormat.DEFAULT, "scope", "SERVICE")
                .body())
        .contains(
            "With one sequence per service, every service starts at number 1, so two services"
                + " would print the same letter number. Add {kode_layanan} to the format, or"
                + " choose another sequence.");
    assertThat(savedFormat()).isEqualTo(before);
    assertThat(numbering.setting(office().id()).scope()).isEqualTo(NumberingScope.OFFICE);

    try {
      assertThat(
              admin
                  .post(PAGE, "format", "{kode_layanan}/{nomor:3}/{tahun}", "scope", "SERVICE")
                  .statusCode())
          .isEqualTo(302);
      assertThat(
              admin
                  .post(
                      PAGE, "format", "{kode_layanan}/{nomor:3}/{tahun}", "scope", "CLASSIFICATION")
                  .statusCode())
          .isEqualTo(302);
      assertThat(admin.post(PAGE, "format", LetterNumberFormat.DEFAULT, "scope", "CLASSIFICATION"))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(302);
      // the default format with the default scope, which an office has before saving, is valid
      assertThat(admin.post(PAGE, "format", LetterNumberFormat.DEFAULT, "scope", "OFFICE"))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(302);
      assertThat(numbering.check(office().id(), LetterNumberFormat.DEFAULT, "OFFICE").any())
          .isFalse();
    } finally {
      numbering.save(office().id(), LetterNumberFormat.DEFAULT, "OFFICE");
    }
  }

  @Test
  void theServiceCodeTokenIsExplainedAndPreviewed() {
    String body = admin().get(PAGE).body();
    assertThat(body)
        .contains("<code>{kode_layanan}</code>")
        .contains("Kode layanan, misalnya DOMISILI");
    assertThat(
            admin()
                .post(
                    PAGE,
                    "format",
                    "{kode_layanan}/{nomor:3}/{tahun}",
                    "scope",
                    "SERVICE",
                    "pratinjau",
                    "1")
                .body())
        .containsPattern("(SKD|SKTM)/007/" + LocalDate.now(clock).getYear())
        .doesNotContain("error-summary");
  }

  @Test
  void theAgendaBookRecordsRefusesAndRemovesNumbers() {
    WebClient admin = admin();
    long reserved = audited("letter-number.reserved");

    HttpResponse<String> recorded =
        admin.post(
            PAGE + "/agenda",
            "scopeKey",
            "OFFICE",
            "year",
            "2088",
            "number",
            "12",
            "note",
            "Surat undangan musrenbang, diketik manual");
    assertThat(recorded.statusCode()).isEqualTo(302);
    assertThat(audited("letter-number.reserved")).isEqualTo(reserved + 1);
    assertThat(admin.get(PAGE).body()).contains("Surat undangan musrenbang, diketik manual");

    assertThat(
            admin
                .post(
                    PAGE + "/agenda",
                    "scopeKey",
                    "OFFICE",
                    "year",
                    "2088",
                    "number",
                    "12",
                    "note",
                    "lagi")
                .body())
        .contains("Nomor 12 sudah tercatat di buku agenda")
        .contains("value=\"12\"");

    transactions.executeWithoutResult(
        tx -> {
          numbering.take(office().id(), office().surat474(), LocalDate.of(2088, 1, 5));
          numbering.take(office().id(), office().surat474(), LocalDate.of(2088, 1, 6));
        });
    assertThat(
            admin
                .post(
                    PAGE + "/agenda",
                    "scopeKey",
                    "OFFICE",
                    "year",
                    "2088",
                    "number",
                    "2",
                    "note",
                    "x")
                .body())
        .contains("Nomor 2 sudah dipakai atau sudah terlewati oleh sistem")
        .contains("(nomor terakhir 2)");

    HttpResponse<String> hostile =
        admin.post(
            PAGE + "/agenda",
            "scopeKey",
            "S:" + UUID.randomUUID(),
            "year",
            "20x8",
            "number",
            "1\u0000",
            "note",
            "<img src=x onerror=alert(1)>");
    assertThat(hostile.statusCode()).isEqualTo(200);
    assertThat(hostile.body())
        .contains("Pilih urutan dari daftar.")
        .doesNotContain("<img src=x")
        .contains("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(
            admin
                .post(
                    PAGE + "/agenda",
                    "scopeKey",
                    "OFFICE",
                    "year",
                    "2088",
                    "number",
                    "30",
                    "note",
                    "n".repeat(100_000))
                .body())
        .contains("error-summary");
    assertThat(agenda.reservations(office().id()))
        .extracting(AgendaBook.Reservation::number)
        .doesNotContain(1, 2, 30);

    UUID id =
        agenda.reservations(office().id()).stream()
            .filter(r -> r.year() == 2088 && r.number() == 12)
            .findFirst()
            .orElseThrow()
            .id();
    // another office's administrator can neither see nor remove it
    WebClient jetis = WebClient.signedIn(port, "admin.jetis");
    assertThat(jetis.get(PAGE).body()).doesNotContain("musrenbang");
    assertThat(jetis.post(PAGE + "/agenda/" + id + "/hapus").statusCode()).isEqualTo(404);

    long unreserved = audited("letter-number.unreserved");
    assertThat(admin.post(PAGE + "/agenda/" + id + "/hapus").statusCode()).isEqualTo(302);
    assertThat(agenda.reservations(office().id())).noneMatch(r -> r.id().equals(id));
    assertThat(audited("letter-number.unreserved")).isEqualTo(unreserved + 1);
  }

  @Test
  void onlyTheOfficeAdministratorOpensThePage() {
    for (String user : new String[] {"verifikator.jetis", "camat.jetis", "loket.jetis"}) {
      WebClient staff = WebClient.signedIn(port, user);
      assertThat(staff.get(PAGE).statusCode()).as(user).isEqualTo(403);
      assertThat(staff.post(PAGE, "format", "{nomor}", "scope", "OFFICE").statusCode())
          .as(user)
          .isEqualTo(403);
      assertThat(staff.get("/admin").body()).doesNotContain("/admin/surat/penomoran");
    }
    assertThat(new WebClient(port).get(PAGE).statusCode()).isEqualTo(302);
  }
}
