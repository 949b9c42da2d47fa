package id.go.kecamatan.counter.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue's pages as an officer and a resident use them: the set-up with hostile input refused
 * and nothing saved, the opening hours, a kiosk enabled with a code taking tickets (rate limited
 * per device, another device unaffected), the resident's page, the thermal PDF's width and the
 * ESC/POS file, the display board; and office A's officers can neither see nor call nor change
 * office B's queue.
 */
@IntegrationTest
class CounterPagesIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired id.go.kecamatan.counter.Tickets tickets;
  @Autowired id.go.kecamatan.counter.Calling calling;
  @Autowired id.go.kecamatan.counter.Desks desks;
  @Autowired id.go.kecamatan.counter.ServiceGroups groups;

  /**
   * Jetis's Loket 2 has called a ticket of group A today. The demo makes its queue for the day the
   * application starts; other tests of the shared context move the clock to later days.
   */
  void loket2CalledAnATicketToday() {
    UUID jetis = officeId("jetis");
    var two = desks.of(jetis).stream().filter(d -> d.number() == 2).findFirst().orElseThrow().id();
    UUID a =
        groups.of(jetis).stream()
            .filter(g -> g.prefix().equals("A"))
            .findFirst()
            .orElseThrow()
            .id();
    tickets.issue(
        id.go.kecamatan.counter.Tickets.Request.walkIn(
            jetis, a, id.go.kecamatan.counter.TicketSource.KIOSK, null, null, null, null));
    calling.callNext(jetis, two);
  }

  /** The Batunadua demo office's address. */
  String slug() {
    return jdbc.sql("select slug from office where code = '12.77.03'").query(String.class).single();
  }

  UUID officeId(String slug) {
    return jdbc.sql("select id from office where slug = ?").param(slug).query(UUID.class).single();
  }

  @Test
  void theSetUpRefusesHostileInputAndSavesNothing() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    assertThat(admin.get("/admin/antrean/pengaturan").body())
        .contains("<h1>Pengaturan antrean</h1>", "Kependudukan dan KTP-el", "Loket 3");
    long groups = count("service_group", slug());
    for (String[] bad :
        new String[][] {
          {"prefix", "AB"}, {"prefix", "<"}, {"name", "<script>alert(1)</script>"},
          {"name", "Umum\u0007"}, {"name", "x".repeat(81)}, {"firstNumber", "-5"},
          {"lastNumber", "99999999999999"}, {"dailyQuota", "banyak"}, {"prefix", "A"}
        }) {
      String[] fields = {
        "prefix", "K", "name", "Kelompok uji", "firstNumber", "1", "lastNumber", "999",
        "dailyReset", "true", "dailyQuota", "", "minutesPerTicket", "10", "active", "true"
      };
      for (int i = 0; i < fields.length; i += 2) {
        if (fields[i].equals(bad[0])) {
          fields[i + 1] = bad[1];
        }
      }
      HttpResponse<String> r = admin.post("/admin/antrean/pengaturan/kelompok/baru", fields);
      assertThat(r.statusCode()).as(bad[0] + "=" + bad[1]).isEqualTo(200);
      assertThat(r.body()).contains("class=\"error-summary\"").doesNotContain("<script>alert");
    }
    assertThat(count("service_group", slug())).isEqualTo(groups);

    HttpResponse<String> desk =
        admin.post(
            "/admin/antrean/pengaturan/loket/baru",
            "number",
            "7",
            "name",
            "Loket 7",
            "groups",
            UUID.randomUUID().toString());
    assertThat(desk.body()).contains("Pilih kelompok layanan kantor ini.");
    assertThat(
            admin
                .post(
                    "/admin/antrean/pengaturan",
                    "maxInside",
                    "semua",
                    "recallSeconds",
                    "30",
                    "priorityStreak",
                    "2",
                    "lansiaAge",
                    "60",
                    "notifyAhead",
                    "3")
                .body())
        .contains("class=\"error-summary\"");

    HttpResponse<String> hours =
        admin.post(
            "/admin/kantor/jam-layanan",
            "opens-1",
            "25:99",
            "closes-1",
            "15:00",
            "opens-2",
            "08:00",
            "closes-2",
            "07:00",
            "opens-3",
            "08:00",
            "closes-3",
            "15:00",
            "breakStarts-3",
            "16:00",
            "breakEnds-3",
            "17:00");
    assertThat(hours.body())
        .contains(
            "Tulis waktu sebagai jam:menit",
            "Jam tutup harus sesudah jam buka",
            "Istirahat harus berada di antara jam buka dan jam tutup");
    HttpResponse<String> saved =
        admin.post(
            "/admin/kantor/jam-layanan",
            "opens-1",
            "07:30",
            "closes-1",
            "15:30",
            "breakStarts-1",
            "12:00",
            "breakEnds-1",
            "13:00",
            "opens-5",
            "07:30",
            "closes-5",
            "11:00");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(admin.get("/admin/kantor/jam-layanan").body())
        .contains("value=\"07:30\"", "value=\"15:30\"", "Jam layanan disimpan.");
  }

  @Test
  void aKioskEnabledWithACodeTakesTicketsLimitedPerDevice() throws Exception {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    WebClient kiosk = new WebClient(port);
    String take = "/kecamatan/" + slug() + "/antrean/ambil";
    assertThat(kiosk.get(take).body()).contains("Aktifkan anjungan");
    assertThat(kiosk.post(take, "group", "x").statusCode())
        .as("a device not enabled takes no ticket")
        .isEqualTo(403);

    String code = pairingCode(admin, "Anjungan lobi");
    kiosk.get(take);
    assertThat(kiosk.post("/kecamatan/" + slug() + "/antrean/anjungan", "code", "000000").body())
        .contains("Kode aktivasi salah atau sudah kedaluwarsa.");
    HttpResponse<String> paired =
        kiosk.post("/kecamatan/" + slug() + "/antrean/anjungan", "code", code);
    assertThat(paired.statusCode()).isEqualTo(302);
    String form = kiosk.get(take).body();
    assertThat(form).contains("Ambil nomor antrean", "Kependudukan dan KTP-el");
    String group = firstGroup(form);

    HttpResponse<String> hostile =
        kiosk.post(take, "group", group, "priority", "RAJA", "phone", "<script>", "nik", "12");
    assertThat(hostile.statusCode()).isEqualTo(422);
    assertThat(hostile.body())
        .contains("Pilih salah satu kelompok prioritas.", "NIK harus 16 angka yang sah.")
        .doesNotContain("<script>");
    assertThat(kiosk.post(take, "group", group, "priority", "LANSIA").body())
        .contains("Untuk prioritas lansia, isi NIK");

    HttpResponse<String> issued = kiosk.post(take, "group", group, "priority", "");
    assertThat(issued.statusCode()).isEqualTo(302);
    String page = java.net.URI.create(WebClient.location(issued)).getRawPath() + "?baru";
    assertThat(page).startsWith("/kecamatan/" + slug() + "/antrean/tiket/");
    String resident = kiosk.get(page).body();
    assertThat(resident)
        .contains("Nomor antrean Anda", "<meta http-equiv=\"refresh\" content=\"30\">")
        .containsPattern("id=\"ticket-number\">A-\\d{3}<")
        .contains("<svg", "Ambil tiket lain");
    String base = page.substring(0, page.indexOf('?'));

    byte[] pdf = kiosk.getBytes(base + "/cetak.pdf?lebar=58").body();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDRectangle box = doc.getPage(0).getMediaBox();
      assertThat(box.getWidth() / 72 * 25.4)
          .isCloseTo(58.0, org.assertj.core.data.Offset.offset(0.5));
    }
    byte[] pdf80 = kiosk.getBytes(base + "/cetak.pdf?lebar=80").body();
    try (PDDocument doc = Loader.loadPDF(pdf80)) {
      assertThat(doc.getPage(0).getMediaBox().getWidth() / 72 * 25.4)
          .isCloseTo(80.0, org.assertj.core.data.Offset.offset(0.5));
    }
    HttpResponse<byte[]> escPos = kiosk.getBytes(base + "/escpos?lebar=58");
    assertThat(escPos.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment");
    assertThat(escPos.body()).startsWith(0x1B, 0x40);

    // a flood from this device is refused; another device of the office still takes tickets
    int refused = 0;
    for (int i = 0; i < 40 && refused == 0; i++) {
      if (kiosk.post(take, "group", group).statusCode() == 429) {
        refused++;
      }
    }
    assertThat(refused).as("the device's limit").isEqualTo(1);
    WebClient second = new WebClient(port);
    second.get(take);
    second.post(
        "/kecamatan/" + slug() + "/antrean/anjungan", "code", pairingCode(admin, "Anjungan 2"));
    second.get(take);
    assertThat(second.post(take, "group", group).statusCode()).isEqualTo(302);
  }

  @Test
  void theDisplayBoardShowsTheCallsAndWorksWithoutJavaScript() {
    loket2CalledAnATicketToday();
    WebClient tv = new WebClient(port);
    String board = tv.get("/kecamatan/jetis/antrean/layar").body();
    assertThat(board)
        .contains("<noscript><meta http-equiv=\"refresh\" content=\"20\"></noscript>")
        .contains("Sedang dipanggil", "Panggilan terakhir", "Loket 2", "Tes suara")
        .contains("data-live=\"/kecamatan/jetis/antrean/layar/langsung\"")
        .containsPattern("class=\"board-number\">[AB]-\\d{3}<");
    assertThat(tv.get("/suara/nomor-antrean.wav").statusCode()).isEqualTo(200);
    assertThat(tv.get("/kecamatan/tidak-ada/antrean/layar").statusCode()).isEqualTo(404);
  }

  @Test
  void officeAsOfficersCannotSeeCallOrChangeOfficeBsQueue() {
    UUID jetis = officeId("jetis");
    UUID desk =
        jdbc.sql("select id from service_desk where office_id = ? order by number limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    UUID ticket =
        jdbc.sql("select id from ticket where office_id = ? limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    UUID group =
        jdbc.sql("select id from service_group where office_id = ? limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    String secret =
        jdbc.sql("select secret from ticket where id = ?")
            .param(ticket)
            .query(String.class)
            .single();
    long calls = jdbc.sql("select count(*) from ticket_call").query(Long.class).single();

    WebClient other = WebClient.signedIn(port, "loket.purwokertoutara");
    assertThat(other.get("/admin/antrean/loket/" + desk).statusCode()).isEqualTo(404);
    assertThat(other.get("/admin/antrean/tiket/" + ticket).statusCode()).isEqualTo(404);
    assertThat(other.get("/admin/antrean/tiket/" + ticket + "/cetak.pdf").statusCode())
        .isEqualTo(404);
    assertThat(other.post("/admin/antrean/loket/" + desk + "/panggil").statusCode()).isEqualTo(404);
    assertThat(
            other
                .post("/admin/antrean/tiket/" + ticket + "/prioritas", "priority", "LANSIA")
                .statusCode())
        .isEqualTo(404);
    assertThat(other.post("/admin/antrean/tiket", "group", group.toString()).body())
        .contains("Pilih layanan.");
    WebClient otherAdmin = WebClient.signedIn(port, "admin.purwokertoutara");
    assertThat(otherAdmin.get("/admin/antrean/pengaturan/kelompok/" + group).statusCode())
        .isEqualTo(404);
    assertThat(otherAdmin.get("/admin/antrean/pengaturan/loket/" + desk).statusCode())
        .isEqualTo(404);
    assertThat(
            new WebClient(port)
                .get("/kecamatan/purwokertoutara/antrean/tiket/" + secret)
                .statusCode())
        .as("a ticket's link under another office")
        .isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from ticket_call").query(Long.class).single())
        .isEqualTo(calls);
    assertThat(WebClient.signedIn(port, "verifikator.jetis").get("/admin/antrean").statusCode())
        .as("not the verifier's page")
        .isEqualTo(403);
  }

  @Test
  void theFrontOfficeIssuesATicketAndCallsItAtACounter() {
    WebClient desk = WebClient.signedIn(port, "loket.batunadua");
    String overview = desk.get("/admin/antrean").body();
    assertThat(overview).contains("<h1>Antrean loket</h1>", "Tiket untuk warga yang datang");
    String group = firstGroup(overview);
    HttpResponse<String> issued =
        desk.post(
            "/admin/antrean/tiket", "group", group, "priority", "DISABILITAS", "name", "Bu Sri");
    assertThat(issued.statusCode()).isEqualTo(302);
    String ticketPage = desk.get(java.net.URI.create(WebClient.location(issued)).getPath()).body();
    assertThat(ticketPage)
        .contains("Tiket dibuat.", "Penyandang disabilitas", "Bu Sri", "PDF 58 mm");
  }

  @Test
  void anAppointmentsTicketSaysItsTimeWithTheZoneOnEveryPageAndThePrint() throws Exception {
    UUID batunadua = officeId(slug());
    UUID group = groups.of(batunadua).get(0).id();
    var issued =
        tickets.issueForAppointment(
            batunadua,
            group,
            "BK-ZONE-" + UUID.randomUUID().toString().substring(0, 8),
            java.time.LocalDate.now().atTime(10, 30),
            true,
            "Pak Zona");
    assertThat(new WebClient(port).get(issued.statusPath()).body())
        .contains("Janji temu pukul 10.30 WIB")
        .doesNotContain("10:30");
    WebClient desk = WebClient.signedIn(port, "loket.batunadua");
    assertThat(desk.get("/admin/antrean/tiket/" + issued.id()).body())
        .contains("<dd>10.30 WIB</dd>");
    byte[] pdf = desk.getBytes("/admin/antrean/tiket/" + issued.id() + "/cetak.pdf").body();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .contains("Janji temu pukul 10.30 WIB");
    }
  }

  @Test
  void theStatisticsShowTodaysTicketsAndExportThemAsXlsx() throws Exception {
    loket2CalledAnATicketToday();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String page = admin.get("/admin/antrean/statistik").body();
    assertThat(page)
        .contains("<h1>Statistik antrean</h1>", "Per hari", "Per jam", "Per kelompok", "Per loket")
        .contains("A Umum (surat keterangan)", "Loket 2", "Tunggu, median");
    assertThat(admin.get("/admin/antrean/statistik?dari=kemarin").body())
        .contains("Periode tidak sah");
    HttpResponse<byte[]> xlsx = admin.getBytes("/admin/antrean/statistik.xlsx");
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
    long today =
        jdbc.sql("select count(*) from ticket where office_id = ?")
            .param(officeId("jetis"))
            .query(Long.class)
            .single();
    try (org.dhatim.fastexcel.reader.ReadableWorkbook wb =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      var sheets = wb.getSheets().toList();
      assertThat(sheets)
          .extracting(org.dhatim.fastexcel.reader.Sheet::getName)
          .containsExactly("Per hari", "Per jam", "Per kelompok", "Per loket");
      var rows = sheets.get(0).read();
      assertThat(rows.get(0).getCellText(1)).isEqualTo("Tiket");
      long sum = 0;
      for (int i = 1; i < rows.size(); i++) {
        sum += rows.get(i).getCellAsNumber(1).orElseThrow().longValue();
      }
      assertThat(sum).isEqualTo(today).isPositive();
    }
  }

  private String pairingCode(WebClient admin, String name) {
    String page = admin.post("/admin/antrean/pengaturan/anjungan", "name", name).body();
    Matcher m = Pattern.compile("id=\"kiosk-code\">([A-Z0-9]{4}-[A-Z0-9]{4})<").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }

  private static String firstGroup(String page) {
    Matcher m = Pattern.compile("name=\"group\" value=\"([0-9a-f-]{36})\"").matcher(page);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private long count(String table, String slug) {
    return jdbc.sql("select count(*) from " + table + " where office_id = ?")
        .param(officeId(slug))
        .query(Long.class)
        .single();
  }
}
