package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.documents.TestFiles;
import id.go.kecamatan.office.Offices;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input to every administration form is answered with the form again, a clear Indonesian
 * message in the error summary, the input echoed escaped, and nothing changed. Rejections use
 * Jetis; the valid changes use Padangsidimpuan Batunadua so that other tests see Jetis as loaded.
 */
@IntegrationTest
class AdminFormValidationIntegrationTests {

  static final String SCRIPT = "<script>alert(1)</script>";

  /** The input echoed back escaped (jte leaves {@code >} as is inside attribute values). */
  static final String SCRIPT_ESCAPED = "&lt;script";

  static final String MARKUP = "Tidak boleh berisi tag HTML atau skrip (tanda &lt; diikuti huruf).";
  static final String REQUIRED = "Wajib diisi.";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  // ---- helpers --------------------------------------------------------------------------------

  private UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  private UUID jetis() {
    return office("35.16.16");
  }

  private String row(String table, UUID id) {
    return jdbc.sql("select row(t.*)::text from " + table + " t where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private String rows(String sql, Object... params) {
    return String.join("\n", jdbc.sql(sql).params(params).query(String.class).list());
  }

  /** The form was shown again with this message in the error summary, and nothing changed. */
  private static void assertRejected(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as("status of %s", message).isEqualTo(200);
    assertThat(response.body()).contains("class=\"error-summary\"").contains(message);
    assertThat(response.body()).doesNotContain("<script>alert(1)");
  }

  private static void rejectedEach(
      WebClient client,
      String path,
      Map<String, String> valid,
      Supplier<String> state,
      Object[][] cases) {
    String before = state.get();
    for (Object[] c : cases) {
      Map<String, String> fields = new LinkedHashMap<>(valid);
      String field = (String) c[0];
      if (c[1] == null) {
        fields.remove(field);
      } else {
        fields.put(field, (String) c[1]);
      }
      HttpResponse<String> response = client.post(path, flat(fields));
      assertRejected(response, (String) c[2]);
      if (SCRIPT.equals(c[1])) {
        assertThat(response.body()).as(field).contains(SCRIPT_ESCAPED);
      }
      assertThat(state.get()).as("%s = %s changed nothing", field, c[1]).isEqualTo(before);
    }
  }

  private static String[] flat(Map<String, String> fields) {
    List<String> list = new ArrayList<>();
    fields.forEach(
        (k, v) -> {
          list.add(k);
          list.add(v);
        });
    return list.toArray(String[]::new);
  }

  private String lastAudit(String action, String username) {
    return jdbc.sql(
            "select details::text from audit_event where action = ? and actor_name like ? order by id desc limit 1")
        .params(action, "%(" + username + ")")
        .query(String.class)
        .optional()
        .orElseThrow(() -> new AssertionError("no audit event " + action + " by " + username));
  }

  private static byte[] png(int width, int height, boolean noise) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, noise ? random.nextInt(0xffffff) : 0x2266aa);
      }
    }
    return write(image, "png");
  }

  private static byte[] write(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- office profile -------------------------------------------------------------------------

  private Map<String, String> profile(UUID officeId) {
    Map<String, Object> o =
        jdbc.sql(
                "select address, phone, email, whatsapp, office_hours, unit_code, letterhead_lines, version from office where id = ?")
            .param(officeId)
            .query()
            .singleRow();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("address", (String) o.get("address"));
    form.put("phone", (String) o.get("phone"));
    form.put("email", (String) o.get("email"));
    form.put("whatsapp", (String) o.get("whatsapp"));
    form.put("officeHours", (String) o.get("office_hours"));
    form.put("unitCode", (String) o.get("unit_code"));
    form.put("letterheadText", (String) o.get("letterhead_lines"));
    form.put("version", o.get("version").toString());
    return form;
  }

  @Test
  void officeProfileRejectsBadInput() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis = jetis();
    int staleVersion = Integer.parseInt(profile(jetis).get("version")) - 1;
    rejectedEach(
        admin,
        "/admin/kantor",
        profile(jetis),
        () -> row("office", jetis),
        new Object[][] {
          {"address", "", REQUIRED},
          {"address", "   ", REQUIRED},
          {"address", "J".repeat(301), "Terlalu panjang: paling banyak 300 karakter."},
          {"address", SCRIPT, MARKUP},
          {"officeHours", SCRIPT, MARKUP},
          {"letterheadText", SCRIPT, MARKUP},
          {"email", "bukan-email", "Alamat e-mail tidak valid"},
          {"email", "a@b", "Alamat e-mail tidak valid"},
          {"phone", "12345", "Nomor telepon tidak valid"},
          {"phone", "0812-ABC-999", "Nomor telepon tidak valid"},
          {"whatsapp", "+1 555 0100", "Nomor telepon tidak valid"},
          {"unitCode", "416/305", "Hanya angka, huruf, titik dan tanda hubung."},
          {"letterheadText", "1\n2\n3\n4\n5\n6\n7", "Paling banyak 6 baris."},
          {
            "version",
            Integer.toString(staleVersion),
            "Data ini baru saja diubah oleh petugas lain."
          },
        });
  }

  @Test
  void aValidProfileChangeIsSavedAndAudited() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    UUID office = office("12.77.03");
    Map<String, String> form = profile(office);
    String oldPhone = form.get("phone");
    String newPhone = "(0634) 21" + (1000 + new Random().nextInt(8999));
    form.put("phone", newPhone);
    HttpResponse<String> response = admin.post("/admin/kantor", flat(form));
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(response)).endsWith("/admin/kantor");
    assertThat(profile(office).get("phone")).isEqualTo(newPhone);
    assertThat(admin.get("/admin/kantor").body()).contains("Perubahan sudah disimpan.");
    String details = lastAudit("office.profile.updated", "admin.batunadua");
    assertThat(details)
        .contains("\"phone\"")
        .contains("\"from\"")
        .contains("\"to\"")
        .contains(newPhone);
    if (oldPhone != null) {
      assertThat(details).contains(oldPhone);
    }
    // the same (now stale) version again is a conflict
    form.put("phone", "0634 999999");
    assertRejected(
        admin.post("/admin/kantor", flat(form)), "Data ini baru saja diubah oleh petugas lain.");
    assertThat(profile(office).get("phone")).isEqualTo(newPhone);
  }

  // ---- logo -----------------------------------------------------------------------------------

  private String logoState(UUID office) {
    return rows(
        "select coalesce(md5(logo), 'none') || ' ' || coalesce(logo_content_type, '-') from office where id = ?",
        office);
  }

  @Test
  void logoUploadRejectsWhatIsNotASmallPngOrJpeg() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis = jetis();
    String before = logoState(jetis);
    byte[] gif = write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "gif");
    byte[] big = png(320, 320, true);
    assertThat(big.length).isGreaterThan(200 * 1024).isLessThan(2 * 1024 * 1024);
    byte[] good = png(64, 64, false);
    byte[] truncated = Arrays.copyOf(good, good.length / 2);
    Object[][] cases = {
      {null, "image/png", new byte[0], "Pilih berkas logo."},
      {"kosong.png", "image/png", new byte[0], "Pilih berkas logo."},
      {
        "logo.png",
        "image/png",
        "Ini bukan gambar, hanya teks biasa.".getBytes(),
        "Logo harus berupa gambar PNG atau JPEG."
      },
      {"logo.gif", "image/gif", gif, "Logo harus berupa gambar PNG atau JPEG."},
      {"logo.png", "image/png", big, "Berkas logo terlalu besar: paling besar 200 KB."},
      {"logo.png", "image/png", truncated, "Gambar logo tidak dapat dibaca."},
    };
    for (Object[] c : cases) {
      HttpResponse<String> response =
          admin.upload("/admin/kantor/logo", "logo", (String) c[0], (String) c[1], (byte[]) c[2]);
      assertRejected(response, (String) c[3]);
      assertThat(logoState(jetis)).as((String) c[3]).isEqualTo(before);
    }
  }

  @Test
  void aLogoOverTheServletLimitIsSentBackWithTheTooLargeMessage() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis = jetis();
    String before = logoState(jetis);
    byte[] huge = new byte[10 * 1024 * 1024 + 300 * 1024];
    new Random(1).nextBytes(huge);
    System.arraycopy(png(4, 4, false), 0, huge, 0, 8);
    HttpResponse<String> response =
        admin.upload("/admin/kantor/logo", "logo", "besar.png", "image/png", huge);
    assertThat(response.statusCode()).isEqualTo(302);
    String location = WebClient.location(response);
    assertThat(location).contains("terlalu-besar");
    HttpResponse<String> page = admin.get(location.replaceFirst("^https?://[^/]+", ""));
    assertRejected(page, "Berkas logo terlalu besar: paling besar 200 KB.");
    assertThat(logoState(jetis)).isEqualTo(before);
  }

  @Test
  void aLogoThatIsADecompressionBombIsRefusedBeforeItIsDecoded() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis = jetis();
    String before = logoState(jetis);
    // 8,000 × 8,000 RGB: 192 MB decoded from under 200 KB, within the size limit for logos.
    byte[] bomb = TestFiles.plainPng(8000, 8000, 8, false);
    assertThat(bomb.length).isLessThan(200 * 1024);

    HttpResponse<String> response =
        admin.upload("/admin/kantor/logo", "logo", "logo.png", "image/png", bomb);

    assertRejected(response, "Ukuran gambar logo terlalu besar untuk diproses.");
    assertThat(logoState(jetis)).isEqualTo(before);
  }

  @Test
  void aLogoIsStoredRedrawnSoAPolyglotLosesItsArchive() throws IOException {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    UUID office = office("12.77.03");
    // A JPEG with a ZIP archive appended: an image viewer shows the picture, unzip the archive.
    ByteArrayOutputStream polyglot = new ByteArrayOutputStream();
    polyglot.writeBytes(TestFiles.jpeg(TestFiles.photo(120, 80)));
    java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(polyglot);
    zip.putNextEntry(new java.util.zip.ZipEntry("payload.html"));
    zip.write("<script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish();
    byte[] upload = polyglot.toByteArray();

    HttpResponse<String> response =
        admin.upload("/admin/kantor/logo", "logo", "logo.jpg", "image/jpeg", upload);
    assertThat(response.statusCode()).isEqualTo(302);

    Map<String, Object> stored =
        jdbc.sql("select logo, logo_content_type from office where id = ?")
            .param(office)
            .query()
            .singleRow();
    byte[] logo = (byte[]) stored.get("logo");
    assertThat(stored.get("logo_content_type")).isEqualTo("image/png");
    assertThat(logo).isNotEqualTo(upload);
    assertThat(Arrays.copyOf(logo, 4)).containsExactly(0x89, 'P', 'N', 'G');
    assertThat(TestFiles.contains(logo, new byte[] {'P', 'K', 3, 4})).isFalse();
    assertThat(TestFiles.contains(logo, "payload".getBytes())).isFalse();
    BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(logo));
    assertThat(image.getWidth()).isEqualTo(120);
    assertThat(image.getHeight()).isEqualTo(80);
    // what the public site serves is drawn from the redrawn picture too, and small
    String slug =
        jdbc.sql("select slug from office where id = ?").param(office).query(String.class).single();
    HttpResponse<byte[]> served = new WebClient(port).getBytes("/kecamatan/" + slug + "/logo");
    assertThat(TestFiles.contains(served.body(), new byte[] {'P', 'K', 3, 4})).isFalse();
    BufferedImage shown = ImageIO.read(new java.io.ByteArrayInputStream(served.body()));
    assertThat(Math.max(shown.getWidth(), shown.getHeight()))
        .isLessThanOrEqualTo(Offices.WEB_LOGO_SIDE);
    String etag = served.headers().firstValue("ETag").orElseThrow();
    assertThat(
            new WebClient(port)
                .getBytes("/kecamatan/" + slug + "/logo", "If-None-Match", etag)
                .statusCode())
        .isEqualTo(304);
    // a large logo is shown small, while the letters keep the large one
    HttpResponse<String> large =
        admin.upload("/admin/kantor/logo", "logo", "besar.png", "image/png", png(800, 600, false));
    assertThat(large.statusCode()).isEqualTo(302);
    BufferedImage small =
        ImageIO.read(
            new java.io.ByteArrayInputStream(
                new WebClient(port).getBytes("/kecamatan/" + slug + "/logo").body()));
    assertThat(small.getWidth()).isEqualTo(Offices.WEB_LOGO_SIDE);
    assertThat(
            jdbc.sql("select length(logo) > length(logo_web) from office where id = ?")
                .param(office)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void aValidLogoIsSavedAndAudited() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    UUID office = office("12.77.03");
    HttpResponse<String> response =
        admin.upload("/admin/kantor/logo", "logo", "logo.png", "image/png", png(48, 48, false));
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(logoState(office)).endsWith("image/png").doesNotStartWith("none");
    assertThat(lastAudit("office.logo.updated", "admin.batunadua")).contains("image/png");
  }

  // ---- officials ------------------------------------------------------------------------------

  @Test
  void officialsRejectBadInput() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis = jetis();
    Map<String, Object> camat =
        jdbc.sql("select name, nip, rank from official where office_id = ? and position = 'CAMAT'")
            .param(jetis)
            .query()
            .singleRow();
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("name", (String) camat.get("name"));
    valid.put("nip", (String) camat.get("nip"));
    valid.put("rank", (String) camat.get("rank"));
    rejectedEach(
        admin,
        "/admin/pejabat/CAMAT",
        valid,
        () ->
            rows(
                "select row(o.*)::text from official o where office_id = ? order by position",
                jetis),
        new Object[][] {
          {"nip", "12345", "NIP harus 18 angka."},
          {"nip", "19800101200501100A", "NIP harus 18 angka."},
          {
            "nip",
            "198013402005011001",
            "NIP memuat tanggal lahir yang tidak valid pada 8 angka pertama."
          },
          {"nip", "", REQUIRED},
          {"name", "", REQUIRED},
          {"name", SCRIPT, MARKUP},
          {"rank", SCRIPT, MARKUP},
          {"name", "N".repeat(121), "Terlalu panjang: paling banyak 120 karakter."},
        });
    assertThat(admin.post("/admin/pejabat/BUPATI", flat(valid)).statusCode()).isEqualTo(404);
  }

  @Test
  void aValidOfficialChangeIsSavedAndAudited() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    UUID office = office("12.77.03");
    Map<String, Object> sekcam =
        jdbc.sql("select name, nip, rank from official where office_id = ? and position = 'SEKCAM'")
            .param(office)
            .query()
            .singleRow();
    String rank = "Pembina (IV/a) " + new Random().nextInt(1000);
    HttpResponse<String> response =
        admin.post(
            "/admin/pejabat/SEKCAM",
            "name",
            (String) sekcam.get("name"),
            "nip",
            (String) sekcam.get("nip"),
            "rank",
            rank);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select rank from official where office_id = ? and position = 'SEKCAM'")
                .param(office)
                .query(String.class)
                .single())
        .isEqualTo(rank);
    assertThat(lastAudit("official.updated", "admin.batunadua"))
        .contains("\"rank\"")
        .contains("\"from\"")
        .contains("\"to\"")
        .contains(rank);
  }

  // ---- calendar -------------------------------------------------------------------------------

  @Test
  void calendarRejectsBadInput() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    String national =
        jdbc.sql("select day::text from holiday where office_id is null order by day limit 1")
            .query(String.class)
            .single();
    Map<String, String> valid =
        new LinkedHashMap<>(Map.of("day", "2031-03-03", "kind", "LOCAL", "name", "Rapat kerja"));
    rejectedEach(
        admin,
        "/admin/kalender",
        valid,
        () -> rows("select row(h.*)::text from holiday h order by id"),
        new Object[][] {
          {"day", "", REQUIRED},
          {"day", "2031-02-30", "Tanggal ini tidak ada: periksa tanggal, bulan dan tahunnya."},
          {"day", "03/03/2031", "Tanggal ini tidak ada: periksa tanggal, bulan dan tahunnya."},
          {"day", "1999-12-31", "Tahun harus antara 2000 dan 2100."},
          {"day", national, "Tanggal ini sudah ada di kalender."},
          {"kind", "LIBURAN", "Pilih jenis hari tutup."},
          {"kind", null, "Pilih jenis hari tutup."},
          {"name", "", REQUIRED},
          {"name", SCRIPT, MARKUP},
          {"name", "N".repeat(201), "Terlalu panjang: paling banyak 200 karakter."},
        });
  }

  @Test
  void aValidClosureIsAddedAndAuditedAndADuplicateIsRefused() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    UUID office = office("12.77.03");
    String day = "2032-0" + (1 + new Random().nextInt(9)) + "-1" + new Random().nextInt(10);
    jdbc.sql("delete from holiday where office_id = ? and day = cast(? as date)")
        .params(office, day)
        .update();
    HttpResponse<String> response =
        admin.post("/admin/kalender", "day", day, "kind", "LOCAL", "name", "Rapat kerja tahunan");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select count(*) from holiday where office_id = ? and day = cast(? as date)")
                .params(office, day)
                .query(Long.class)
                .single())
        .isOne();
    assertThat(lastAudit("calendar.day.added", "admin.batunadua")).contains(day);
    assertRejected(
        admin.post("/admin/kalender", "day", day, "kind", "LOCAL", "name", "Lagi"),
        "Tanggal ini sudah ada di kalender.");
    assertThat(
            jdbc.sql("select count(*) from holiday where office_id = ? and day = cast(? as date)")
                .params(office, day)
                .query(Long.class)
                .single())
        .isOne();
  }

  // ---- services -------------------------------------------------------------------------------

  private static Map<String, String> validService(String code) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("code", code);
    form.put("name", "Surat Keterangan Uji " + code);
    form.put("category", "NON_PERIZINAN");
    form.put("description", "Layanan untuk pengujian.");
    form.put("procedureSteps", "Pemohon datang\nPetugas memeriksa");
    form.put("completionDays", "2");
    form.put("cost", "0");
    form.put("product", "Surat keterangan");
    form.put("complaintChannel", "Loket pengaduan");
    form.put("legalBasis", "Perbup Nomor 1 Tahun 2020");
    form.put("facilities", "Ruang tunggu");
    form.put("competence", "Memahami peraturan");
    form.put("supervision", "Sekcam");
    form.put("staffCount", "2 orang");
    form.put("serviceGuarantee", "Tepat waktu");
    form.put("securityGuarantee", "Data dijaga");
    form.put("performanceEvaluation", "Survei IKM");
    form.put("classificationCode", "400.12");
    form.put("online", "true");
    form.put("counter", "true");
    form.put("village", "true");
    // the markers the form sends beside its checkboxes, as a browser does
    form.put("_online", "on");
    form.put("_counter", "on");
    form.put("_village", "on");
    return form;
  }

  private static final String[] SERVICE_TEXT_FIELDS = {
    "code",
    "name",
    "description",
    "procedureSteps",
    "product",
    "complaintChannel",
    "legalBasis",
    "facilities",
    "competence",
    "supervision",
    "staffCount",
    "serviceGuarantee",
    "securityGuarantee",
    "performanceEvaluation",
    "classificationCode"
  };

  private Object[][] serviceCases() {
    List<Object[]> cases =
        new ArrayList<>(
            List.of(
                new Object[][] {
                  {"name", "", REQUIRED},
                  {"name", "N".repeat(151), "Terlalu panjang: paling banyak 150 karakter."},
                  {"code", "", REQUIRED},
                  {"code", "SKTM", "Kode ini sudah dipakai layanan lain di kecamatan ini."},
                  {"code", "sktm", "Kode ini sudah dipakai layanan lain di kecamatan ini."},
                  {
                    "code",
                    "SK TM",
                    "Hanya huruf, angka dan tanda hubung, diawali huruf atau angka."
                  },
                  {
                    "code",
                    "-SKTM",
                    "Hanya huruf, angka dan tanda hubung, diawali huruf atau angka."
                  },
                  {"category", "LAINNYA", "Pilih kategori."},
                  {"completionDays", "dua", "Harus berupa angka bulat."},
                  {"completionDays", "", REQUIRED},
                  {"completionDays", "366", "Harus antara 0 dan 365."},
                  {"completionDays", "-1", "Harus antara 0 dan 365."},
                  {"cost", "-5000", "Harus antara 0 dan"},
                  {"cost", "gratis", "Harus berupa angka bulat."},
                  {
                    "classificationCode",
                    "ABC",
                    "Kode klasifikasi tidak valid, contoh: 400.12 atau 474."
                  },
                  {
                    "classificationCode",
                    "400.12.3.4.5",
                    "Kode klasifikasi tidak valid, contoh: 400.12 atau 474."
                  },
                }));
    for (String field : SERVICE_TEXT_FIELDS) {
      cases.add(
          new Object[] {
            field,
            SCRIPT,
            field.equals("code") ? "Terlalu panjang: paling banyak 20 karakter." : MARKUP
          });
    }
    cases.add(new Object[] {"code", "<b>X</b>", MARKUP});
    return cases.toArray(Object[][]::new);
  }

  @Test
  void creatingAServiceRejectsBadInput() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis = jetis();
    Supplier<String> state =
        () ->
            rows(
                "select count(*)::text || ' ' || max(version)::text from service_type where office_id = ?",
                jetis);
    rejectedEach(
        admin,
        "/admin/layanan",
        validService("UJI-" + System.nanoTime() % 100000),
        state,
        serviceCases());
    String before = state.get();
    Map<String, String> noChannel = validService("UJI-TANPA-SALURAN");
    noChannel.remove("online");
    noChannel.remove("counter");
    noChannel.remove("village");
    assertRejected(
        admin.post("/admin/layanan", flat(noChannel)),
        "Pilih paling sedikit satu saluran pengajuan.");
    assertThat(state.get()).isEqualTo(before);
    // the error summary names the field of a message that does not
    Map<String, String> noName = validService("UJI-TANPA-NAMA");
    noName.put("name", "");
    HttpResponse<String> unnamed = admin.post("/admin/layanan", flat(noName));
    assertThat(unnamed.body()).contains("<a href=\"#name\">Nama layanan: Wajib diisi.</a>");
    assertThat(state.get()).isEqualTo(before);
    // the form itself carries the markers, so an unticked box binds as false
    assertThat(admin.get("/admin/layanan/baru").body())
        .contains("name=\"_online\"")
        .contains("name=\"_counter\"")
        .contains("name=\"_village\"");
  }

  @Test
  void updatingAServiceRejectsBadInput() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis = jetis();
    UUID akta =
        jdbc.sql(
                "select id from service_type where office_id = ? and code <> 'SKTM' order by position limit 1")
            .param(jetis)
            .query(UUID.class)
            .single();
    String code =
        jdbc.sql("select code from service_type where id = ?")
            .param(akta)
            .query(String.class)
            .single();
    Map<String, String> valid = validService(code);
    Supplier<String> state = () -> row("service_type", akta);
    rejectedEach(admin, "/admin/layanan/" + akta, valid, state, serviceCases());
    int version =
        jdbc.sql("select version from service_type where id = ?")
            .param(akta)
            .query(Integer.class)
            .single();
    valid.put("version", Integer.toString(version - 1));
    String before = state.get();
    assertRejected(
        admin.post("/admin/layanan/" + akta, flat(valid)),
        "Data ini baru saja diubah oleh petugas lain.");
    assertThat(state.get()).isEqualTo(before);
  }

  @Test
  void aValidServiceIsCreatedAndUpdatedWithAudit() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    UUID office = office("12.77.03");
    String code = "UJI-" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    HttpResponse<String> created = admin.post("/admin/layanan", flat(validService(code)));
    assertThat(created.statusCode()).isEqualTo(302);
    UUID id =
        jdbc.sql("select id from service_type where office_id = ? and code = ?")
            .params(office, code)
            .query(UUID.class)
            .single();
    assertThat(WebClient.location(created)).endsWith("/admin/layanan/" + id);
    assertThat(lastAudit("service.created", "admin.batunadua")).contains(code);
    // deactivate it at once so that the public catalogue keeps its 14 services
    assertThat(admin.post("/admin/layanan/" + id + "/aktif", "active", "false").statusCode())
        .isEqualTo(302);

    Map<String, String> form = validService(code);
    form.put("name", "Nama Baru " + code);
    form.put("completionDays", "3");
    form.remove("online"); // unticked: only the marker is sent
    assertThat(admin.post("/admin/layanan/" + id, flat(form)).statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql(
                    "select name || '/' || completion_days || '/' || channel_online from service_type where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("Nama Baru " + code + "/3/false");
    String details = lastAudit("service.updated", "admin.batunadua");
    assertThat(details)
        .contains("\"name\"")
        .contains("\"completionDays\"")
        .contains("\"from\"")
        .contains("\"to\"")
        .contains("Nama Baru " + code)
        .doesNotContain("\"legalBasis\"");
  }

  // ---- requirements ---------------------------------------------------------------------------

  @Test
  void requirementsRejectBadInput() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis = jetis();
    UUID sktm =
        jdbc.sql("select id from service_type where office_id = ? and code = 'SKTM'")
            .param(jetis)
            .query(UUID.class)
            .single();
    UUID first =
        jdbc.sql("select id from requirement where service_type_id = ? order by position limit 1")
            .param(sktm)
            .query(UUID.class)
            .single();
    Supplier<String> state =
        () ->
            row("service_type", sktm)
                + "\n"
                + rows(
                    "select row(r.*)::text from requirement r where service_type_id = ? order by position",
                    sktm);
    Object[][] cases = {
      {"reqName", "", REQUIRED},
      {"reqName", "   ", REQUIRED},
      {"reqName", "R".repeat(201), "Terlalu panjang: paling banyak 200 karakter."},
      {"reqName", SCRIPT, MARKUP},
      {"reqDescription", SCRIPT, MARKUP},
      {"reqDescription", "D".repeat(1001), "Terlalu panjang: paling banyak 1.000 karakter."},
    };
    Map<String, String> valid =
        new LinkedHashMap<>(
            Map.of("reqName", "Fotokopi KTP", "reqDescription", "", "reqRequired", "true"));
    rejectedEach(admin, "/admin/layanan/" + sktm + "/persyaratan", valid, state, cases);
    rejectedEach(admin, "/admin/layanan/" + sktm + "/persyaratan/" + first, valid, state, cases);
  }

  @Test
  void aValidRequirementIsAddedAndUpdatedWithAudit() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    UUID office = office("12.77.03");
    UUID sktm =
        jdbc.sql("select id from service_type where office_id = ? and code = 'SKTM'")
            .param(office)
            .query(UUID.class)
            .single();
    String name = "Surat pengantar RT " + UUID.randomUUID().toString().substring(0, 6);
    assertThat(
            admin
                .post(
                    "/admin/layanan/" + sktm + "/persyaratan",
                    "reqName",
                    name,
                    "reqRequired",
                    "true")
                .statusCode())
        .isEqualTo(302);
    UUID id =
        jdbc.sql("select id from requirement where service_type_id = ? and name = ?")
            .params(sktm, name)
            .query(UUID.class)
            .single();
    assertThat(lastAudit("requirement.added", "admin.batunadua")).contains(name);
    assertThat(
            admin
                .post(
                    "/admin/layanan/" + sktm + "/persyaratan/" + id,
                    "reqName",
                    name + " (asli)",
                    "reqRequired",
                    "false")
                .statusCode())
        .isEqualTo(302);
    assertThat(lastAudit("requirement.updated", "admin.batunadua"))
        .contains("\"from\"")
        .contains("\"to\"")
        .contains(name + " (asli)")
        .contains("\"required\"");
    assertThat(admin.post("/admin/layanan/" + sktm + "/persyaratan/" + id + "/hapus").statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("select count(*) from requirement where id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
  }

  // ---- staff ----------------------------------------------------------------------------------

  @Test
  void staffAccountsRejectBadInput() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis = jetis();
    String jetisVillage =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(jetis)
            .query(String.class)
            .single();
    String otherVillage =
        jdbc.sql("select id::text from village where office_id = ? order by name limit 1")
            .param(office("33.02.27"))
            .query(String.class)
            .single();
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("username", "petugas.uji");
    valid.put("fullName", "Petugas Uji");
    valid.put("nip", "");
    valid.put("roles", "FRONT_OFFICE");
    valid.put("villageId", "");
    valid.put("password", "Kata-Sandi-Yang-Panjang");
    Supplier<String> state = () -> rows("select row(s.*)::text from staff s order by id");
    rejectedEach(
        admin,
        "/admin/staf",
        valid,
        state,
        new Object[][] {
          {"username", "loket.jetis", "Nama pengguna ini sudah dipakai."},
          {"username", "LOKET.JETIS", "Nama pengguna ini sudah dipakai."},
          {
            "username",
            "petugas uji",
            "Hanya huruf, angka, titik, garis bawah atau tanda hubung, 3 sampai 60 karakter."
          },
          {
            "username",
            "ab",
            "Hanya huruf, angka, titik, garis bawah atau tanda hubung, 3 sampai 60 karakter."
          },
          {"username", "", REQUIRED},
          {"fullName", "", REQUIRED},
          {"fullName", SCRIPT, MARKUP},
          {"nip", "123", "NIP harus 18 angka."},
          {"password", "pendek", "Kata sandi paling sedikit 10 karakter."},
          {"password", "", REQUIRED},
          {"password", "xx-petugas.uji-2026", "Kata sandi ini terlalu mudah ditebak."},
          {"password", "password123", "Kata sandi ini terlalu mudah ditebak."},
          {"roles", null, "Pilih paling sedikit satu peran."},
          {"roles", "SUPERADMIN", "Pilih paling sedikit satu peran."},
          {
            "roles",
            "VILLAGE_OPERATOR",
            "Operator desa harus terikat pada satu desa: pilih desanya."
          },
          {
            "roles",
            "REGENCY_ADMIN",
            "Peran admin kabupaten tidak dapat diberikan oleh admin kecamatan."
          },
          {"villageId", jetisVillage, "Desa hanya diisi untuk operator desa."},
        });
    // a village of Purwokerto Utara for a Jetis village operator
    Map<String, String> operator = new LinkedHashMap<>(valid);
    operator.put("roles", "VILLAGE_OPERATOR");
    operator.put("villageId", otherVillage);
    String before = state.get();
    assertRejected(
        admin.post("/admin/staf", flat(operator)), "Desa ini bukan desa kecamatan Anda.");
    operator.put("villageId", "bukan-uuid");
    assertRejected(
        admin.post("/admin/staf", flat(operator)), "Desa ini bukan desa kecamatan Anda.");
    // REGENCY_ADMIN smuggled beside a legitimate role is refused too
    List<String> smuggled = new ArrayList<>(List.of(flat(valid)));
    smuggled.addAll(List.of("roles", "REGENCY_ADMIN"));
    assertRejected(
        admin.post("/admin/staf", smuggled.toArray(String[]::new)),
        "Peran admin kabupaten tidak dapat diberikan oleh admin kecamatan.");
    assertThat(state.get()).isEqualTo(before);
    assertThat(
            jdbc.sql(
                    "select count(*) from staff where roles like '%REGENCY_ADMIN%' and office_id is not null")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void staffUpdateCannotGrantTheRegencyRoleNorMoveToAnotherOfficesVillage() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    UUID office = office("12.77.03");
    String username = "uji.staf." + UUID.randomUUID().toString().substring(0, 6);
    HttpResponse<String> created =
        admin.post(
            "/admin/staf",
            "username",
            username,
            "fullName",
            "Petugas Uji",
            "roles",
            "FRONT_OFFICE",
            "password",
            "Kata-Sandi-Yang-Panjang");
    assertThat(created.statusCode()).isEqualTo(302);
    UUID id =
        jdbc.sql("select id from staff where username = ?")
            .param(username)
            .query(UUID.class)
            .single();
    assertThat(
            jdbc.sql("select office_id from staff where id = ?")
                .param(id)
                .query(UUID.class)
                .single())
        .isEqualTo(office);
    assertThat(lastAudit("staff.created", "admin.batunadua")).contains(username);
    String before = row("staff", id);
    String jetisVillage =
        jdbc.sql("select id::text from village where office_id = ? limit 1")
            .param(jetis())
            .query(String.class)
            .single();
    assertRejected(
        admin.post(
            "/admin/staf/" + id,
            "username",
            username,
            "fullName",
            "Petugas Uji",
            "roles",
            "FRONT_OFFICE",
            "roles",
            "REGENCY_ADMIN"),
        "Peran admin kabupaten tidak dapat diberikan oleh admin kecamatan.");
    assertRejected(
        admin.post(
            "/admin/staf/" + id,
            "username",
            username,
            "fullName",
            "Petugas Uji",
            "roles",
            "VILLAGE_OPERATOR",
            "villageId",
            jetisVillage),
        "Desa ini bukan desa kecamatan Anda.");
    assertRejected(
        admin.post(
            "/admin/staf/" + id,
            "username",
            "loket.jetis",
            "fullName",
            "Petugas Uji",
            "roles",
            "FRONT_OFFICE"),
        "Nama pengguna ini sudah dipakai.");
    assertThat(row("staff", id)).isEqualTo(before);
    assertThat(
            admin
                .post(
                    "/admin/staf/" + id,
                    "username",
                    username,
                    "fullName",
                    "Petugas Uji Diubah",
                    "roles",
                    "VERIFIER")
                .statusCode())
        .isEqualTo(302);
    assertThat(lastAudit("staff.updated", "admin.batunadua"))
        .contains("\"fullName\"")
        .contains("\"from\"")
        .contains("Petugas Uji Diubah")
        .contains("VERIFIER");
  }

  // ---- regency: offices -----------------------------------------------------------------------

  @Test
  void regencyOfficeCreationRejectsBadCodes() {
    WebClient regency = WebClient.signedIn(port, "kab.3516");
    Supplier<String> state = () -> rows("select code from office order by code");
    rejectedEach(
        regency,
        "/admin/kabupaten/kecamatan",
        Map.of(),
        state,
        new Object[][] {
          {"code", "", REQUIRED},
          {"code", "35.16", "Kode kecamatan harus berformat 00.00.00, contoh: 35.16.16."},
          {"code", "351616", "Kode kecamatan harus berformat 00.00.00, contoh: 35.16.16."},
          {"code", SCRIPT, "Kode kecamatan harus berformat 00.00.00"},
          {
            "code",
            "35.16.99",
            "Kode ini bukan kode kecamatan yang terdaftar di data wilayah Kemendagri."
          },
          {"code", "33.02.27", "Kecamatan ini tidak termasuk Kabupaten Mojokerto."},
          {"code", "35.16.16", "Kecamatan ini sudah terdaftar."},
        });
    assertThat(regency.post("/admin/kabupaten/kecamatan", "code", SCRIPT).body())
        .contains(SCRIPT_ESCAPED);
  }

  @Test
  void aRegencyAdminRegistersAnOfficeOfTheRegency() {
    WebClient regency = WebClient.signedIn(port, "kab.3516");
    String code =
        jdbc.sql("select code from office where code = '35.16.01'")
            .query(String.class)
            .optional()
            .orElse(null);
    if (code == null) {
      HttpResponse<String> response =
          regency.post(
              "/admin/kabupaten/kecamatan",
              "code",
              "35.16.01",
              "username",
              "admin.jatirejo",
              "fullName",
              "Admin Jatirejo",
              "password",
              "Kantor-Jatirejo-2026");
      assertThat(response.statusCode()).isEqualTo(302);
      UUID id = office("35.16.01");
      assertThat(
              jdbc.sql("select office_id from staff where username = 'admin.jatirejo'")
                  .query(UUID.class)
                  .single())
          .isEqualTo(id);
      // keep the public list at the three demo offices for the other tests
      jdbc.sql("update office set active = false where id = ?").param(id).update();
      assertThat(
              jdbc.sql("select count(*) from village where office_id = ?")
                  .param(id)
                  .query(Long.class)
                  .single())
          .isPositive();
      assertThat(
              jdbc.sql(
                      "select actor_name from audit_event where action = 'office.created' and office_id = ?")
                  .param(id)
                  .query(String.class)
                  .single())
          .contains("(kab.3516)");
    }
    assertRejected(
        regency.post("/admin/kabupaten/kecamatan", "code", "35.16.01"),
        "Kecamatan ini sudah terdaftar.");
  }
}
