package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Follow-through of the survey: the office administrator publishes saran/kritik (only published
 * ones are public, another office can neither read nor moderate them) and writes the rencana tindak
 * lanjut of a period, prefilled with its lowest elements; the next period's report shows what was
 * done. May and June 2023 hold only this test's responses and plans.
 */
@IntegrationTest
class SurveyFollowThroughIntegrationTests {

  static final String MAY = "periode=bulan&tahun=2023&ke=5";
  static final String JUNE = "periode=bulan&tahun=2023&ke=6";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  UUID jetis;
  UUID purwokerto;
  UUID friendly;
  UUID personal;
  UUID foreign;

  @BeforeEach
  void setUp() {
    jetis = office("35.16.16");
    purwokerto = office("33.02.27");
    jdbc.sql("delete from survey_response where answered_on between '2023-05-01' and '2023-06-30'")
        .update();
    jdbc.sql("delete from survey_follow_up where period_year = 2023").update();
    // pengaduan lowest, then sarana, then waktu
    friendly = insert(jetis, new int[] {4, 4, 3, 4, 4, 4, 4, 1, 2}, "Pelayanan cepat dan ramah.");
    personal =
        insert(jetis, new int[] {3, 3, 2, 4, 3, 3, 3, 1, 2}, "Pak Budi 0812345678 suka telat.");
    foreign = insert(purwokerto, new int[] {2, 2, 2, 2, 2, 2, 2, 2, 2}, "Rahasia Purwokerto.");
  }

  @Test
  void onlyPublishedSuggestionsArePublicAndTheDecisionCanBeChanged() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String moderation = admin.get("/admin/survei/saran?" + MAY).body();
    assertThat(moderation)
        .contains("Pelayanan cepat dan ramah.", "Pak Budi 0812345678", "Belum ditinjau")
        .doesNotContain("Rahasia Purwokerto");
    assertThat(publicPage(MAY)).doesNotContain("Pelayanan cepat", "Pak Budi");

    HttpResponse<String> published =
        admin.post("/admin/survei/saran/" + friendly + "?" + MAY, "terbitkan", "ya");
    assertThat(published.statusCode()).isEqualTo(302);
    admin.post("/admin/survei/saran/" + personal + "?" + MAY, "terbitkan", "tidak");

    assertThat(admin.get("/admin/survei/saran?" + MAY).body())
        .contains("Diterbitkan", "Tidak diterbitkan");
    assertThat(publicPage(MAY))
        .contains("Saran dan kritik warga", "Pelayanan cepat dan ramah.")
        .doesNotContain("Pak Budi");

    admin.post("/admin/survei/saran/" + friendly + "?" + MAY, "terbitkan", "tidak");
    assertThat(publicPage(MAY)).doesNotContain("Pelayanan cepat");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action like 'survey.suggestion.%'"
                        + " and entity_id = ?")
                .param(friendly.toString())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void anotherOfficeCannotReadOrModerateTheSuggestions() {
    WebClient other = WebClient.signedIn(port, "admin.purwokertoutara");
    assertThat(other.get("/admin/survei/saran?" + MAY).body())
        .contains("Rahasia Purwokerto")
        .doesNotContain("Pelayanan cepat");
    assertThat(other.post("/admin/survei/saran/" + friendly, "terbitkan", "ya").statusCode())
        .isEqualTo(404);
    assertThat(status(friendly)).isEqualTo("NEW");

    // the signer reads the report but does not moderate; the front office neither
    WebClient camat = WebClient.signedIn(port, "camat.jetis");
    assertThat(camat.get("/admin/survei?" + MAY).body()).contains("Pelayanan cepat");
    assertThat(camat.post("/admin/survei/saran/" + friendly, "terbitkan", "ya").statusCode())
        .isEqualTo(403);
    assertThat(
            WebClient.signedIn(port, "loket.jetis").get("/admin/survei/saran?" + MAY).statusCode())
        .isEqualTo(403);
    // nonsense answers 404 and changes nothing
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.post("/admin/survei/saran/" + friendly, "terbitkan", "<script>").statusCode())
        .isEqualTo(404);
    assertThat(admin.post("/admin/survei/saran/bukan-id", "terbitkan", "ya").statusCode())
        .isEqualTo(404);
    assertThat(status(friendly)).isEqualTo("NEW");
  }

  @Test
  void thePlanStartsWithTheLowestElementsAndTheNextPeriodShowsWhatWasDone() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String form = admin.get("/admin/survei/tindak-lanjut?" + MAY).body();
    assertThat(selected(form, 0)).isEqualTo("pengaduan");
    assertThat(selected(form, 1)).isEqualTo("sarana");
    assertThat(selected(form, 2)).isEqualTo("waktu");

    HttpResponse<String> saved =
        admin.post(
            "/admin/survei/tindak-lanjut?" + MAY,
            row(
                "baris", "5",
                "unsur-0", "pengaduan",
                "program-0", "Membuka kotak saran tiap Jumat.",
                "waktu-0", "Juni 2023",
                "pj-0", "Kasi Pelayanan Umum",
                "status-0", "PLANNED",
                "unsur-1", "sarana",
                "program-1", "Menambah kursi ruang tunggu.",
                "waktu-1", "Juni - Juli 2023",
                "pj-1", "Kasubbag Umum",
                "status-1", "PLANNED",
                "unsur-2", "waktu"));
    assertThat(saved.statusCode()).isEqualTo(302);

    assertThat(publicPage(MAY))
        .contains("Rencana tindak lanjut Bulan 5/2023")
        .contains("Membuka kotak saran tiap Jumat.", "Kasi Pelayanan Umum", "Direncanakan")
        .contains("Menambah kursi ruang tunggu.");
    assertThat(admin.get("/admin/survei?" + MAY).body()).contains("Menambah kursi ruang tunggu.");

    // in June the office reports what was done
    String again = admin.get("/admin/survei/tindak-lanjut?" + MAY).body();
    assertThat(again).contains("Menambah kursi ruang tunggu.");
    admin.post(
        "/admin/survei/tindak-lanjut?" + MAY,
        row(
            "baris", "2",
            "unsur-0", "pengaduan",
            "program-0", "Membuka kotak saran tiap Jumat.",
            "waktu-0", "Juni 2023",
            "pj-0", "Kasi Pelayanan Umum",
            "status-0", "DONE",
            "realisasi-0", "Kotak saran dibuka empat kali, 9 saran dijawab.",
            "unsur-1", "sarana",
            "program-1", "Menambah kursi ruang tunggu.",
            "waktu-1", "Juni - Juli 2023",
            "pj-1", "Kasubbag Umum",
            "status-1", "IN_PROGRESS"));
    String june = publicPage(JUNE);
    assertThat(june)
        .contains("Tindak lanjut periode sebelumnya (Bulan 5/2023)")
        .contains("Selesai", "Kotak saran dibuka empat kali, 9 saran dijawab.")
        .contains("Sedang berjalan", "belum dilaporkan");

    // another office sees nothing of it
    assertThat(
            WebClient.signedIn(port, "admin.purwokertoutara").get("/admin/survei?" + JUNE).body())
        .doesNotContain("Kotak saran dibuka");
  }

  @Test
  void aWrongPlanStoresNothingAndSaysWhatIsWrong() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.post(
        "/admin/survei/tindak-lanjut?" + MAY,
        row(
            "baris", "1",
            "unsur-0", "sarana",
            "program-0", "Program yang sudah tersimpan.",
            "waktu-0", "Juni 2023",
            "pj-0", "Kasubbag Umum",
            "status-0", "PLANNED"));
    List<String[]> hostile =
        List.of(
            new String[] {"program-1", "<script>alert(1)</script>", "Program atau kegiatan"},
            new String[] {"program-1", "Program\u0007dengan bel", "Program atau kegiatan"},
            new String[] {"program-1", "x".repeat(501), "Program atau kegiatan"},
            new String[] {"waktu-1", "", "Waktu"},
            new String[] {"pj-1", "a".repeat(151), "Penanggung jawab"},
            new String[] {"unsur-1", "kebersihan", "Unsur"},
            new String[] {"status-1", "HACKED", "Status"},
            new String[] {"realisasi-1", "<img src=x onerror=alert(1)>", "Realisasi"});
    for (String[] wrong : hostile) {
      String[] fields = {
        "baris", "2",
        "unsur-0", "sarana",
        "program-0", "Program pengganti.",
        "waktu-0", "Juli 2023",
        "pj-0", "Kasubbag Umum",
        "status-0", "PLANNED",
        "unsur-1", "waktu",
        "program-1", "Loket buka tepat waktu.",
        "waktu-1", "Juli 2023",
        "pj-1", "Kasi Pelayanan Umum",
        "status-1", "PLANNED"
      };
      boolean replaced = false;
      for (int i = 0; i < fields.length; i += 2) {
        if (fields[i].equals(wrong[0])) {
          fields[i + 1] = wrong[1];
          replaced = true;
        }
      }
      String[] sent = fields;
      if (!replaced) {
        sent = java.util.Arrays.copyOf(fields, fields.length + 2);
        sent[fields.length] = wrong[0];
        sent[fields.length + 1] = wrong[1];
      }
      HttpResponse<String> response = admin.post("/admin/survei/tindak-lanjut?" + MAY, sent);
      assertThat(response.statusCode()).as(wrong[0] + " " + wrong[1]).isEqualTo(422);
      assertThat(response.body())
          .as(wrong[0])
          .contains("error-summary", wrong[2] + " butir 2")
          .doesNotContain("<script>alert", "<img src=x");
    }
    assertThat(publicPage(MAY))
        .contains("Program yang sudah tersimpan.")
        .doesNotContain("Program pengganti.");
  }

  private static String[] row(String... fields) {
    return fields;
  }

  /** The element chosen in the form's row. */
  private static String selected(String form, int row) {
    int start = form.indexOf("name=\"unsur-" + row + "\"");
    int end = form.indexOf("</select>", start);
    String select = form.substring(start, end);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("value=\"([a-z]+)\" selected").matcher(select);
    return m.find() ? m.group(1) : null;
  }

  private String publicPage(String period) {
    return new WebClient(port).get("/kecamatan/jetis/ikm?" + period).body();
  }

  private String status(UUID response) {
    return jdbc.sql("select suggestion_status from survey_response where id = ?")
        .param(response)
        .query(String.class)
        .single();
  }

  private UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  private UUID insert(UUID office, int[] scores, String suggestion) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into survey_response (id, office_id, instrument, channel, answered_on,
              persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana,
              suggestion)
            values (?, ?, '2017.1', 'WALK_IN', '2023-05-15', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            office,
            scores[0],
            scores[1],
            scores[2],
            scores[3],
            scores[4],
            scores[5],
            scores[6],
            scores[7],
            scores[8],
            suggestion)
        .update();
    return id;
  }
}
