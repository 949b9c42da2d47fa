package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.StaffForm;
import id.go.kecamatan.accounts.internal.SignInLimits;
import id.go.kecamatan.shared.security.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Staff sign-in, the limits on failures (per address, per user name and address: the same answers
 * for known and unknown names, no lock-out an attacker can set off), hostile user names, sign-out,
 * password change and CSRF, over real HTTP.
 */
@IntegrationTest
class SignInIntegrationTests {

  static final String FAILED = "Nama pengguna atau kata sandi salah.";
  static final String WAIT =
      "Terlalu banyak percobaan masuk yang gagal dari perangkat atau jaringan ini. Tunggu";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccounts accounts;
  @Autowired SignInLimits limits;

  /** Every test signs in from the loopback address: each starts and leaves with no failures. */
  @BeforeEach
  @AfterEach
  void forgetFailures() {
    limits.reset();
  }

  /**
   * A fresh front-office account of Jetis, so that the demo accounts are never locked or changed.
   */
  private String freshAccount(String prefix, String password) {
    String username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    assertThat(
            accounts
                .create(
                    jetis,
                    new StaffForm(
                        username,
                        "Petugas Uji",
                        null,
                        null,
                        Set.of(Role.FRONT_OFFICE),
                        null,
                        password))
                .ok())
        .isTrue();
    return username;
  }

  private static String followLoginFailure(WebClient client, HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(302);
    String location = WebClient.location(response).replaceFirst("^https?://[^/]+", "");
    assertThat(location).startsWith("/masuk?");
    return client.get(location).body();
  }

  @Test
  void wrongPasswordIsRefusedWithAClearMessage() {
    WebClient client = new WebClient(port);
    String page = followLoginFailure(client, client.login("admin.jetis", "Salah-Sekali-2026"));
    assertThat(page).contains("error-summary").contains(FAILED);
    assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    // an unknown user gets the same answer
    assertThat(followLoginFailure(client, client.login("tidak.ada", "Salah-Sekali-2026")))
        .contains(FAILED);
    // and the demo account still signs in (one failure, then a success resets the count)
    WebClient.signedIn(port, "admin.jetis");
  }

  @Test
  void aKnownAndAnUnknownNameGetTheSameAnswersAfterManyFailures() {
    String password = "Sandi-Petugas-Kunci-2026";
    String known = freshAccount("kunci", password);
    String unknown = "tidak.ada." + UUID.randomUUID().toString().substring(0, 8);
    WebClient client = new WebClient(port);
    for (int i = 1; i <= 7; i++) {
      String knownPage =
          followLoginFailure(client, client.login(known, "Salah-" + i + "-xxxxxxxx"));
      String unknownPage =
          followLoginFailure(client, client.login(unknown, "Salah-" + i + "-xxxxxxxx"));
      assertThat(withoutToken(knownPage)).as("attempt %d", i).isEqualTo(withoutToken(unknownPage));
      assertThat(knownPage)
          .contains("error-summary")
          .contains(i <= 5 ? FAILED : WAIT)
          .doesNotContain("dikunci");
    }
    // the right password from the same address is slowed down too, with the same answer
    assertThat(followLoginFailure(client, client.login(known, password))).contains(WAIT);
    assertThat(client.get("/admin").statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'staff.signInFailures' and details ->> 'username' = ?")
                .param(known)
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void theRealOfficerSignsInFromAnotherAddressWhileAnAttackerHammersTheAccount() {
    String password = "Sandi-Petugas-Serang-2026";
    String username = freshAccount("serang", password);
    WebClient attacker = new WebClient(port);
    for (int i = 1; i <= 8; i++) {
      followLoginFailure(attacker, attacker.login(username, "Tebakan-" + i + "-xxxxxxx"));
    }
    assertThat(followLoginFailure(attacker, attacker.login(username, "Tebakan-9-xxxxxxx")))
        .contains(WAIT);

    // the officer at the office, from another address (IPv6 loopback), is not locked out
    WebClient officer = WebClient.overIpv6(port);
    assertThat(WebClient.location(officer.login(username, password))).endsWith("/admin");
    assertThat(officer.get("/admin").statusCode()).isEqualTo(200);
    // while the attacker still waits, even with the right password
    assertThat(followLoginFailure(attacker, attacker.login(username, password))).contains(WAIT);
  }

  @Test
  void aGuesserWithANewIpv6AddressOfItsNetworkForEachAttemptWaitsAllTheSame() {
    String username = "ipv6.tebak." + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 1; i <= 5; i++) {
      assertThat(limits.take(username, "2001:db8:5:6::" + i)).as("attempt %d", i).isZero();
    }
    assertThat(limits.take(username, "2001:db8:5:6:1234:5678:9abc:def0")).isPositive();
    // another network is another client
    assertThat(limits.take(username, "2001:db8:5:7::1")).isZero();
  }

  @Test
  void theAddressLimitKicksInForTwelveUserNamesFromOneAddress() {
    String password = "Sandi-Petugas-Semprot-2026";
    String real = freshAccount("semprot", password);
    WebClient sprayer = new WebClient(port);
    List<String> answers = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      String name = "semprot.tebak" + i + "." + UUID.randomUUID().toString().substring(0, 6);
      answers.add(followLoginFailure(sprayer, sprayer.login(name, "Musim-Hujan-2026")));
    }
    // the twelfth name is a real account with its right password: not even checked
    answers.add(followLoginFailure(sprayer, sprayer.login(real, password)));
    assertThat(sprayer.get("/admin").statusCode()).isEqualTo(302);
    assertThat(answers.subList(0, 10)).allSatisfy(page -> assertThat(page).contains(FAILED));
    assertThat(answers.subList(10, 12)).allSatisfy(page -> assertThat(page).contains(WAIT));
    assertThat(
            jdbc.sql("select failed_attempts from staff where username = ?")
                .param(real)
                .query(Integer.class)
                .single())
        .isZero();
    // another address is not affected
    assertThat(WebClient.location(WebClient.overIpv6(port).login(real, password)))
        .endsWith("/admin");
  }

  @Test
  void hostileUserNamesGetTheNormalAnswerWithoutAnInternalError() {
    Logger filter = (Logger) LoggerFactory.getLogger(UsernamePasswordAuthenticationFilter.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    filter.addAppender(logged);
    WebClient client = new WebClient(port);
    try {
      hostileNames(client);
    } finally {
      filter.detachAppender(logged);
    }
    // an internal authentication error is logged as ERROR by the filter
    assertThat(logged.list).noneMatch(event -> event.getLevel() == Level.ERROR);
  }

  private void hostileNames(WebClient client) {
    for (String name : List.of("admin\u202e.jetis", "a".repeat(100_000), "  ")) {
      HttpResponse<String> response = client.login(name, "Salah-Sekali-2026");
      assertThat(response.statusCode())
          .as(name.substring(0, Math.min(20, name.length())))
          .isEqualTo(302);
      assertThat(WebClient.location(response)).contains("/masuk?gagal");
    }
    // a control character never reaches the sign-in: the page says which kind of input it refused
    for (String name : List.of("admin.jetis\0", "\0")) {
      HttpResponse<String> response = client.login(name, "Salah-Sekali-2026");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("karakter kendali");
    }
    assertThat(client.get("/admin").statusCode()).isEqualTo(302);
  }

  /** The page without its CSRF token and the exact seconds to wait (in the language link). */
  private static String withoutToken(String page) {
    return page.replaceAll("_csrf\" value=\"[^\"]*", "").replaceAll("tunggu=[0-9]+", "tunggu=");
  }

  @Test
  void aDeactivatedAccountCannotSignIn() {
    String password = "Sandi-Petugas-Nonaktif-2026";
    String username = freshAccount("nonaktif", password);
    UUID id =
        jdbc.sql("select id from staff where username = ?")
            .param(username)
            .query(UUID.class)
            .single();
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    assertThat(admin.post("/admin/staf/" + id + "/aktif", "active", "false").statusCode())
        .isEqualTo(302);
    WebClient client = new WebClient(port);
    HttpResponse<String> response = client.login(username, password);
    assertThat(WebClient.location(response)).doesNotEndWith("/admin");
    assertThat(client.get("/admin").statusCode()).isEqualTo(302);
  }

  /**
   * An administrator's change of an account ends its sessions; a form the officer then sends from a
   * page already open was answered "Tidak diizinkan: Akun Anda tidak berhak membuka halaman ini",
   * which sent them to ask for rights they had.
   */
  @Test
  void aFormSentAfterAnAdministratorEndedTheSessionSaysTheSessionEnded() {
    String password = "Sandi-Petugas-Berakhir-2026";
    String username = freshAccount("berakhir", password);
    UUID id =
        jdbc.sql("select id from staff where username = ?")
            .param(username)
            .query(UUID.class)
            .single();
    WebClient officer = WebClient.signedIn(port, username, password);
    assertThat(officer.get("/akun/kata-sandi").statusCode()).isEqualTo(200);
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    admin.get("/admin/staf/" + id);
    assertThat(
            admin
                .post(
                    "/admin/staf/" + id,
                    "username",
                    username,
                    "fullName",
                    "Petugas Uji Berganti Nama",
                    "roles",
                    "FRONT_OFFICE")
                .statusCode())
        .isEqualTo(302);
    HttpResponse<String> sent =
        officer.post("/akun/email", "email", "berakhir@jetis.kecamatan.example");
    assertThat(sent.statusCode()).isEqualTo(403);
    assertThat(sent.body())
        .contains("Formulir tidak terkirim", "akun Anda baru saja diubah oleh admin")
        .doesNotContain("tidak berhak membuka halaman ini");
    // signed in again, a page the account may not open still says so
    WebClient again = WebClient.signedIn(port, username, password);
    again.get("/akun/kata-sandi");
    HttpResponse<String> notAllowed =
        again.post("/admin/staf/" + id, "username", username, "roles", "OFFICE_ADMIN");
    assertThat(notAllowed.statusCode()).isEqualTo(403);
    assertThat(notAllowed.body()).contains("tidak berhak membuka halaman ini");
  }

  @Test
  void theSessionIdChangesAtSignIn() {
    WebClient client = new WebClient(port);
    client.get("/masuk");
    String before = client.sessionId();
    assertThat(before).isNotNull();
    HttpResponse<String> response =
        client.post("/masuk", "username", "loket.jetis", "password", WebClient.PASSWORD);
    assertThat(WebClient.location(response)).endsWith("/admin");
    assertThat(client.sessionId()).isNotNull().isNotEqualTo(before);
    assertThat(client.get("/admin").statusCode()).isEqualTo(200);
  }

  @Test
  void signOutNeedsAPostWithTheCsrfToken() {
    WebClient client = WebClient.signedIn(port, "verifikator.jetis");
    // a GET does not sign out
    client.get("/keluar");
    assertThat(client.get("/admin").statusCode()).isEqualTo(200);
    // a POST without the token is refused
    assertThat(client.postRaw("/keluar").statusCode()).isEqualTo(403);
    assertThat(client.get("/admin").statusCode()).isEqualTo(200);
    // a POST with it signs out
    HttpResponse<String> out = client.post("/keluar");
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(WebClient.location(out)).endsWith("/?keluar");
    assertThat(client.get("/admin").statusCode()).isEqualTo(302);
  }

  @Test
  void passwordChangeChecksEverythingThenTakesEffect() {
    String password = "Sandi-Awal-Petugas-2026";
    String username = freshAccount("sandi", password);
    WebClient client = WebClient.signedIn(port, username, password);
    String hash =
        jdbc.sql("select password_hash from staff where username = ?")
            .param(username)
            .query(String.class)
            .single();
    Object[][] cases = {
      {
        "Salah-Sekali-2026",
        "Sandi-Baru-Petugas-2026",
        "Sandi-Baru-Petugas-2026",
        "Kata sandi saat ini salah."
      },
      {"", "Sandi-Baru-Petugas-2026", "Sandi-Baru-Petugas-2026", "Wajib diisi."},
      {password, "pendek", "pendek", "Kata sandi paling sedikit 10 karakter."},
      {
        password,
        "Sandi-Baru-Petugas-2026",
        "Sandi-Lain-Petugas-2026",
        "Kedua kata sandi baru tidak sama."
      },
      {password, password, password, "Kata sandi baru harus berbeda dari yang lama."},
      {password, username + "-2026", username + "-2026", "Kata sandi ini terlalu mudah ditebak."},
    };
    for (Object[] c : cases) {
      HttpResponse<String> response =
          client.post(
              "/akun/kata-sandi",
              "current",
              (String) c[0],
              "password",
              (String) c[1],
              "confirmation",
              (String) c[2]);
      assertThat(response.statusCode()).as((String) c[3]).isEqualTo(200);
      assertThat(response.body()).contains("error-summary").contains((String) c[3]);
      assertThat(
              jdbc.sql("select password_hash from staff where username = ?")
                  .param(username)
                  .query(String.class)
                  .single())
          .isEqualTo(hash);
    }
    HttpResponse<String> saved =
        client.post(
            "/akun/kata-sandi",
            "current",
            password,
            "password",
            "Sandi-Baru-Petugas-2026",
            "confirmation",
            "Sandi-Baru-Petugas-2026");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(client.get("/akun/kata-sandi?tersimpan").body())
        .contains("Kata sandi sudah diubah.");
    WebClient old = new WebClient(port);
    assertThat(WebClient.location(old.login(username, password))).contains("/masuk?gagal");
    WebClient renewed = new WebClient(port);
    assertThat(WebClient.location(renewed.login(username, "Sandi-Baru-Petugas-2026")))
        .endsWith("/admin");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where action = 'staff.password.changed' and details ->> 'username' = ?")
                .param(username)
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void adminPostsWithoutCsrfAreRefusedAndChangeNothing() {
    WebClient admin = WebClient.signedIn(port, "admin.jetis");
    UUID jetis =
        jdbc.sql("select id from office where code = '35.16.16'").query(UUID.class).single();
    UUID sktm =
        jdbc.sql("select id from service_type where office_id = ? and code = 'SKTM'")
            .param(jetis)
            .query(UUID.class)
            .single();
    UUID loket =
        jdbc.sql("select id from staff where username = 'loket.jetis'").query(UUID.class).single();
    String before = state(jetis);
    String[][] posts = {
      {"/admin/kantor", "address", "Diubah tanpa token"},
      {"/admin/pejabat/CAMAT", "name", "Tanpa Token", "nip", "198001012005011001", "rank", "x"},
      {"/admin/kalender", "day", "2033-01-03", "kind", "LOCAL", "name", "Tanpa token"},
      {"/admin/layanan", "code", "TANPA-TOKEN", "name", "Tanpa token"},
      {"/admin/layanan/" + sktm, "name", "Tanpa token"},
      {"/admin/layanan/" + sktm + "/aktif", "active", "false"},
      {"/admin/layanan/" + sktm + "/persyaratan", "reqName", "Tanpa token"},
      {
        "/admin/staf",
        "username",
        "tanpa.token",
        "fullName",
        "x",
        "roles",
        "FRONT_OFFICE",
        "password",
        "Sandi-Panjang-Sekali"
      },
      {"/admin/staf/" + loket + "/aktif", "active", "false"},
      {
        "/akun/kata-sandi",
        "current",
        WebClient.PASSWORD,
        "password",
        "Sandi-Baru-Sekali-2026",
        "confirmation",
        "Sandi-Baru-Sekali-2026"
      },
      {"/admin/layanan/" + sktm + "/aktif", "active", "false", "_csrf", "token-palsu"},
    };
    for (String[] post : posts) {
      String[] fields = java.util.Arrays.copyOfRange(post, 1, post.length);
      assertThat(admin.postRaw(post[0], fields).statusCode()).as(post[0]).isEqualTo(403);
    }
    assertThat(state(jetis)).isEqualTo(before);
    // the session is still signed in and a proper post still works
    assertThat(admin.get("/admin/kantor").statusCode()).isEqualTo(200);
  }

  private String state(UUID office) {
    return String.join(
        "\n",
        jdbc.sql("select row(o.*)::text from office o where id = ?")
            .param(office)
            .query(String.class)
            .single(),
        String.join(
            ";",
            jdbc.sql("select row(o.*)::text from official o where office_id = ? order by position")
                .param(office)
                .query(String.class)
                .list()),
        jdbc.sql("select count(*)::text from holiday where office_id = ?")
            .param(office)
            .query(String.class)
            .single(),
        String.join(
            ";",
            jdbc.sql("select row(s.*)::text from service_type s where office_id = ? order by id")
                .param(office)
                .query(String.class)
                .list()),
        jdbc.sql("select count(*)::text from requirement where office_id = ?")
            .param(office)
            .query(String.class)
            .single(),
        String.join(
            ";",
            jdbc.sql("select row(s.*)::text from staff s where office_id = ? order by id")
                .param(office)
                .query(String.class)
                .list()),
        jdbc.sql("select count(*)::text from audit_event where office_id = ?")
            .param(office)
            .query(String.class)
            .single());
  }
}
