package id.go.kecamatan.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.StaffForm;
import id.go.kecamatan.shared.security.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff e-mail address over HTTP: the office admin sets, changes and clears it on the staff
 * form (listed, audited), a bad, hostile or oversized one is refused with a clear message and the
 * other typed values kept, nobody else sets it; the regency admin gives the first admin of a new
 * office one; every officer sets their own on the account page. Valid changes use Padangsidimpuan
 * Batunadua, rejections Jetis (as {@code AdminFormValidationIntegrationTests} does).
 */
@IntegrationTest
class StaffEmailIntegrationTests {

  static final String INVALID = "Alamat e-mail tidak valid, contoh: nama@contoh.go.id";
  static final String TOO_LONG = "Terlalu panjang: paling banyak 254 karakter.";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccounts accounts;

  UUID office(String code) {
    return jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
  }

  UUID staffId(String username) {
    return jdbc.sql("select id from staff where username = ?")
        .param(username)
        .query(UUID.class)
        .single();
  }

  String emailOf(String username) {
    return jdbc.sql("select email from staff where username = ?")
        .param(username)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  String lastAudit(String action, UUID staffId) {
    return jdbc.sql(
            "select details::text from audit_event where action = ? and entity_id = ? order by id desc limit 1")
        .params(action, staffId.toString())
        .query(String.class)
        .optional()
        .orElseThrow(() -> new AssertionError("no audit event " + action));
  }

  static String unique(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 6);
  }

  static String[] flat(Map<String, String> fields) {
    List<String> list = new ArrayList<>();
    fields.forEach(
        (k, v) -> {
          list.add(k);
          list.add(v);
        });
    return list.toArray(String[]::new);
  }

  /** Addresses that are refused, each with its message. */
  static final String[][] BAD =
      new String[][] {
        {"bukan-alamat", INVALID},
        {"nama@desa", INVALID},
        {"nama @contoh.go.id", INVALID},
        {"nama@@contoh.go.id", INVALID},
        {"nama@contoh..go.id", INVALID},
        {"<script>alert(1)</script>@contoh.go.id", INVALID},
        {"\"Camat\" <camat@contoh.go.id>", INVALID},
        {"camat@contoh.go.id\r\nBcc: semua@contoh.go.id", INVALID},
        {"camat@contoh.go.id,lain@contoh.go.id", INVALID},
        {"a".repeat(65) + "@contoh.go.id", INVALID},
        {
          "a".repeat(64)
              + "@"
              + "b".repeat(60)
              + "."
              + "c".repeat(60)
              + "."
              + "d".repeat(70)
              + ".id",
          TOO_LONG
        },
      };

  @Test
  void theOfficeAdminSetsChangesAndClearsAStaffEmailAndEachChangeIsAudited() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    admin.get("/admin/staf");
    String username = unique("surel");
    HttpResponse<String> created =
        admin.post(
            "/admin/staf",
            "username",
            username,
            "fullName",
            "Petugas Surel",
            "email",
            "  Petugas.Surel@Batunadua.Kecamatan.Example ",
            "roles",
            "VERIFIER",
            "password",
            "Kata-Sandi-Yang-Panjang");
    assertThat(created.statusCode()).isEqualTo(302);
    UUID id = staffId(username);
    assertThat(emailOf(username)).isEqualTo("Petugas.Surel@Batunadua.Kecamatan.Example");
    assertThat(lastAudit("staff.created", id))
        .contains("\"email\": \"Petugas.Surel@Batunadua.Kecamatan.Example\"");
    // the list shows every member's address
    assertThat(admin.get("/admin/staf").body())
        .contains("<th scope=\"col\">Alamat e-mail</th>")
        .contains("Petugas.Surel@Batunadua.Kecamatan.Example")
        .contains("camat.batunadua@batunadua.kecamatan.example");

    // the member is signed in while the admin changes only the address: the session stays
    WebClient member = WebClient.signedIn(port, username, "Kata-Sandi-Yang-Panjang");
    assertThat(admin.get("/admin/staf/" + id).body())
        .contains("value=\"Petugas.Surel@Batunadua.Kecamatan.Example\"");
    HttpResponse<String> changed =
        admin.post(
            "/admin/staf/" + id,
            "username",
            username,
            "fullName",
            "Petugas Surel",
            "email",
            "verifikasi@batunadua.kecamatan.example",
            "roles",
            "VERIFIER");
    assertThat(changed.statusCode()).isEqualTo(302);
    assertThat(emailOf(username)).isEqualTo("verifikasi@batunadua.kecamatan.example");
    assertThat(lastAudit("staff.updated", id))
        .contains("\"email\"")
        .contains("Petugas.Surel@Batunadua.Kecamatan.Example")
        .contains("verifikasi@batunadua.kecamatan.example")
        .doesNotContain("\"fullName\"");
    assertThat(member.get("/admin").statusCode()).isEqualTo(200);

    // an empty field removes the address
    admin.get("/admin/staf/" + id);
    assertThat(
            admin
                .post(
                    "/admin/staf/" + id,
                    "username",
                    username,
                    "fullName",
                    "Petugas Surel",
                    "email",
                    " ",
                    "roles",
                    "VERIFIER")
                .statusCode())
        .isEqualTo(302);
    assertThat(emailOf(username)).isNull();
  }

  @Test
  void aBadHostileOrOversizedEmailIsRefusedAndTheOtherTypedValuesAreKept() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    Supplier<String> state =
        () ->
            String.join(
                "\n",
                jdbc.sql("select row(s.*)::text from staff s order by id")
                    .query(String.class)
                    .list());
    String before = state.get();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", "petugas.surel.uji");
    form.put("fullName", "Petugas Surel Uji");
    form.put("nip", "");
    form.put("email", "");
    form.put("roles", "FRONT_OFFICE");
    form.put("villageId", "");
    form.put("password", "Kata-Sandi-Yang-Panjang");
    for (String[] bad : BAD) {
      form.put("email", bad[0]);
      HttpResponse<String> response = admin.post("/admin/staf", flat(form));
      assertThat(response.statusCode()).as(bad[0]).isEqualTo(200);
      assertThat(response.body())
          .as(bad[0])
          .contains("class=\"error-summary\"", labelledLink(bad[1]))
          .contains("value=\"petugas.surel.uji\"", "value=\"Petugas Surel Uji\"")
          .contains("id=\"role-FRONT_OFFICE\" name=\"roles\" value=\"FRONT_OFFICE\" checked")
          .doesNotContain("<script>alert", "Kata-Sandi-Yang-Panjang");
    }
    // editing: the same refusals, and the typed name stays on the form
    UUID loket = staffId("loket.jetis");
    admin.get("/admin/staf/" + loket);
    for (String[] bad : BAD) {
      HttpResponse<String> response =
          admin.post(
              "/admin/staf/" + loket,
              "username",
              "loket.jetis",
              "fullName",
              "Nama Baru Yang Diketik",
              "email",
              bad[0],
              "roles",
              "FRONT_OFFICE");
      assertThat(response.statusCode()).as(bad[0]).isEqualTo(200);
      assertThat(response.body())
          .as(bad[0])
          .contains(labelledLink(bad[1]), "value=\"Nama Baru Yang Diketik\"")
          .doesNotContain("<script>alert");
    }
    assertThat(state.get()).isEqualTo(before);
    assertThat(emailOf("loket.jetis")).isEqualTo("loket.jetis@jetis.kecamatan.example");
  }

  @Test
  void onlyTheOfficesOwnAdminSetsAStaffEmail() {
    UUID loket = staffId("loket.jetis");
    String[] fields = {
      "username",
      "loket.jetis",
      "fullName",
      "Petugas Loket Jetis",
      "email",
      "penyusup@contoh.example",
      "roles",
      "FRONT_OFFICE"
    };
    for (String username : List.of("loket.jetis", "verifikator.jetis", "camat.jetis")) {
      WebClient officer = WebClient.signedIn(port, username);
      assertThat(officer.post("/admin/staf/" + loket, fields).statusCode())
          .as(username)
          .isEqualTo(403);
    }
    WebClient otherOffice = WebClient.signedIn(port, "admin.purwokertoutara");
    assertThat(otherOffice.post("/admin/staf/" + loket, fields).statusCode()).isIn(403, 404);
    assertThat(emailOf("loket.jetis")).isEqualTo("loket.jetis@jetis.kecamatan.example");
  }

  @Test
  void theRegencyAdminGivesTheFirstAdminOfANewOfficeAnEmail() {
    WebClient regency = WebClient.signedIn(port, "kab.3516");
    regency.get("/admin/kabupaten/kecamatan");
    long offices = jdbc.sql("select count(*) from office").query(Long.class).single();
    HttpResponse<String> refused =
        regency.post(
            "/admin/kabupaten/kecamatan",
            "code",
            "35.16.18",
            "username",
            "admin.mojoanyar.surel",
            "fullName",
            "Admin Mojoanyar",
            "email",
            "<b>admin</b>@mojoanyar",
            "password",
            "Kantor-Mojoanyar-2026");
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("<a href=\"#email\">" + INVALID)
        .contains(
            "value=\"35.16.18\"", "value=\"admin.mojoanyar.surel\"", "value=\"Admin Mojoanyar\"")
        .doesNotContain("<b>admin", "Kantor-Mojoanyar-2026");
    assertThat(jdbc.sql("select count(*) from office").query(Long.class).single())
        .isEqualTo(offices);

    HttpResponse<String> created =
        regency.post(
            "/admin/kabupaten/kecamatan",
            "code",
            "35.16.18",
            "username",
            "admin.mojoanyar.surel",
            "fullName",
            "Admin Mojoanyar",
            "email",
            "admin@mojoanyar.kecamatan.example",
            "password",
            "Kantor-Mojoanyar-2026");
    assertThat(created.statusCode()).isEqualTo(302);
    UUID office = office("35.16.18");
    // keep the public list at the three demo offices for the other tests
    jdbc.sql("update office set active = false where id = ?").param(office).update();
    assertThat(emailOf("admin.mojoanyar.surel")).isEqualTo("admin@mojoanyar.kecamatan.example");
    assertThat(lastAudit("staff.created", staffId("admin.mojoanyar.surel")))
        .contains("admin@mojoanyar.kecamatan.example");
  }

  @Test
  void anOfficerSetsTheirOwnEmailOnTheAccountPage() {
    String username = unique("akun");
    String password = "Sandi-Akun-Petugas-2026";
    assertThat(
            accounts
                .create(
                    office("35.16.16"),
                    new StaffForm(
                        username,
                        "Petugas Akun",
                        null,
                        null,
                        Set.of(Role.FRONT_OFFICE),
                        null,
                        password))
                .ok())
        .isTrue();
    WebClient officer = WebClient.signedIn(port, username, password);
    HttpResponse<String> page = officer.get("/akun/kata-sandi");
    assertThat(page.body())
        .contains("Akun saya", "Alamat e-mail untuk pemberitahuan", "action=\"/akun/email\"")
        .contains("Ubah kata sandi");
    for (String[] bad : BAD) {
      HttpResponse<String> refused = officer.post("/akun/email", "email", bad[0]);
      assertThat(refused.statusCode()).as(bad[0]).isEqualTo(200);
      assertThat(refused.body())
          .as(bad[0])
          .contains("<a href=\"#email\">" + bad[1])
          .doesNotContain("<script>alert");
    }
    // the typed value comes back to be corrected
    assertThat(officer.post("/akun/email", "email", "akun@jetis").body())
        .contains("value=\"akun@jetis\"");
    assertThat(emailOf(username)).isNull();
    // without the CSRF token nothing changes
    assertThat(officer.postRaw("/akun/email", "email", "curang@contoh.example").statusCode())
        .isEqualTo(403);

    HttpResponse<String> saved =
        officer.post("/akun/email", "email", "akun@jetis.kecamatan.example");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(saved)).endsWith("/akun/kata-sandi?email-tersimpan");
    assertThat(officer.get("/akun/kata-sandi?email-tersimpan").body())
        .contains("Alamat e-mail sudah disimpan.", "value=\"akun@jetis.kecamatan.example\"");
    assertThat(emailOf(username)).isEqualTo("akun@jetis.kecamatan.example");
    assertThat(lastAudit("staff.email.changed", staffId(username)))
        .contains(username, "akun@jetis.kecamatan.example");
    // still signed in
    assertThat(officer.get("/admin").statusCode()).isEqualTo(200);
  }

  @Test
  void anAdminFormOpenedBeforeTheOfficerChangedTheirOwnEmailDoesNotPutTheOldOneBack() {
    WebClient admin = WebClient.signedIn(port, "admin.batunadua");
    admin.get("/admin/staf");
    String username = unique("lama");
    String password = "Kata-Sandi-Yang-Panjang";
    assertThat(
            admin
                .post(
                    "/admin/staf",
                    "username",
                    username,
                    "fullName",
                    "Petugas Formulir Lama",
                    "email",
                    "lama@batunadua.kecamatan.example",
                    "roles",
                    "FRONT_OFFICE",
                    "password",
                    password)
                .statusCode())
        .isEqualTo(302);
    UUID id = staffId(username);
    // the admin opens the member's form to give them a role ...
    String form = admin.get("/admin/staf/" + id).body();
    java.util.regex.Matcher version =
        java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
    assertThat(version.find()).as("the form carries the account's version").isTrue();
    // ... meanwhile the member sets their new address on "Akun saya"
    WebClient member = WebClient.signedIn(port, username, password);
    member.get("/akun/kata-sandi");
    assertThat(member.post("/akun/email", "email", "baru@batunadua.kecamatan.example").statusCode())
        .isEqualTo(302);
    // the admin saves the form as it was drawn: the old address would have come back
    HttpResponse<String> stale =
        admin.post(
            "/admin/staf/" + id,
            "version",
            version.group(1),
            "username",
            username,
            "fullName",
            "Petugas Formulir Lama",
            "email",
            "lama@batunadua.kecamatan.example",
            "roles",
            "FRONT_OFFICE",
            "roles",
            "VERIFIER");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body())
        .contains("Data ini baru saja diubah oleh petugas lain. Muat ulang halaman")
        .contains("id=\"role-VERIFIER\" name=\"roles\" value=\"VERIFIER\" checked");
    assertThat(emailOf(username)).isEqualTo("baru@batunadua.kecamatan.example");
    assertThat(
            jdbc.sql("select roles from staff where id = ?").param(id).query(String.class).single())
        .doesNotContain("VERIFIER");
    // saved again from the same stale form, still refused; reloaded, the role is given
    assertThat(
            admin
                .post(
                    "/admin/staf/" + id,
                    "version",
                    version.group(1),
                    "username",
                    username,
                    "fullName",
                    "Petugas Formulir Lama",
                    "email",
                    "lama@batunadua.kecamatan.example",
                    "roles",
                    "VERIFIER")
                .statusCode())
        .isEqualTo(200);
    String fresh = admin.get("/admin/staf/" + id).body();
    assertThat(fresh).contains("value=\"baru@batunadua.kecamatan.example\"");
    java.util.regex.Matcher now =
        java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(fresh);
    assertThat(now.find()).isTrue();
    assertThat(
            admin
                .post(
                    "/admin/staf/" + id,
                    "version",
                    now.group(1),
                    "username",
                    username,
                    "fullName",
                    "Petugas Formulir Lama",
                    "email",
                    "baru@batunadua.kecamatan.example",
                    "roles",
                    "FRONT_OFFICE",
                    "roles",
                    "VERIFIER")
                .statusCode())
        .isEqualTo(302);
    assertThat(emailOf(username)).isEqualTo("baru@batunadua.kecamatan.example");
  }

  /** The staff forms' error summary names the field, unless the message already does. */
  static String labelledLink(String message) {
    return "<a href=\"#email\">"
        + (message.contains("Alamat e-mail") ? "" : "Alamat e-mail: ")
        + message;
  }
}
