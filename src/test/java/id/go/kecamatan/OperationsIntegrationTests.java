package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.letters.LetterFixtures;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.internal.VerificationLimiter;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator watches: the metrics endpoint for Prometheus (behind its token) with the
 * business figures moving as a small journey happens, and none of the journey's personal data in
 * it; the health probes; the request id on every answer.
 */
@IntegrationTest
class OperationsIntegrationTests {

  static final String TOKEN = "test-metrics-token-0123456789";

  @LocalServerPort int port;
  @Autowired Applications applications;
  @Autowired Decisions decisions;
  @Autowired JdbcClient jdbc;
  @Autowired LetterSigning signing;
  @Autowired VerificationLimiter limiter;

  @AfterEach
  void forgetClients() {
    limiter.reset();
  }

  private String metrics() {
    HttpResponse<String> scrape =
        new WebClient(port).get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN);
    assertThat(scrape.statusCode()).isEqualTo(200);
    return scrape.body();
  }

  /** The value of one series, 0 when it is not there yet. */
  private static double value(String metrics, String series) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void theMetricsAreOnlyForTheOperatorsPrometheus() {
    WebClient stranger = new WebClient(port);
    assertThat(stranger.get("/actuator/prometheus").statusCode()).isEqualTo(401);
    assertThat(
            stranger
                .get("/actuator/prometheus", "Authorization", "Bearer wrong-token-0123456789")
                .statusCode())
        .isEqualTo(401);
    assertThat(stranger.get("/actuator/%70rometheus").statusCode()).isIn(400, 401, 404);
    assertThat(stranger.get("/actuator/prometheus/").statusCode()).isIn(400, 401, 404);
    assertThat(stranger.get("/actuator/prometheus;x=1").statusCode()).isIn(400, 401, 404);
    // nothing else of the actuator is exposed
    for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/metrics")) {
      assertThat(stranger.get(path).statusCode()).as(path).isIn(401, 404);
    }
    assertThat(metrics()).contains("# TYPE", "application=\"layanan-kecamatan\"");
  }

  @Test
  void aJourneyMovesTheBusinessMetricsWithoutPersonalDataInThem() throws Exception {
    String before = metrics();
    LetterFixtures fixtures = new LetterFixtures(applications, decisions, jdbc);
    UUID jetis = fixtures.office("35.16.16");
    String name = CaseworkFixtures.unique("Yohanes Prasetyo");
    Application approved = fixtures.approved(jetis, name);

    // a wrong passphrase first, then the letter is signed
    assertThat(
            signing
                .sign(
                    fixtures.officer("camat.jetis"),
                    List.of(approved.id()),
                    "salah-sekali".toCharArray())
                .ok())
        .isFalse();
    assertThat(
            signing
                .sign(
                    fixtures.officer("camat.jetis"),
                    List.of(approved.id()),
                    LetterFixtures.PASSPHRASE.toCharArray())
                .ok())
        .isTrue();
    // someone tries verification codes faster than allowed (the bucket refills one a second)
    WebClient guesser = new WebClient(port);
    int refused = 0;
    for (int i = 0; i <= 3 * VerificationLimiter.LOOKUPS_PER_MINUTE && refused == 0; i++) {
      if (guesser.get("/v?kode=tebak" + i).statusCode() == 429) {
        refused++;
      }
    }
    assertThat(refused).isEqualTo(1);

    String after = metrics();
    assertThat(value(after, submitted()) - value(before, submitted())).isGreaterThanOrEqualTo(1);
    assertThat(value(after, signed()) - value(before, signed())).isGreaterThanOrEqualTo(1);
    assertThat(value(after, wrongPassphrase()) - value(before, wrongPassphrase()))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(after, refusals()) - value(before, refusals())).isGreaterThanOrEqualTo(1);
    // the outbox per channel and status, and its oldest pending message
    for (String channel : List.of("EMAIL", "WHATSAPP", "SMS")) {
      assertThat(after)
          .containsPattern(
              "layanan_notifications\\{application=\"layanan-kecamatan\",channel=\""
                  + channel
                  + "\",status=\"PENDING\"\\} [0-9.]+")
          .containsPattern(
              "layanan_notifications\\{application=\"layanan-kecamatan\",channel=\""
                  + channel
                  + "\",status=\"FAILED\"\\} [0-9.]+");
    }
    assertThat(after).containsPattern("(?m)^layanan_notifications_oldest_pending_seconds\\{");
    // the scheduled jobs' runs (on this node), by job and outcome
    assertThat(after)
        .containsPattern("tasks_scheduled_execution_seconds_count\\{[^}]*code_namespace=");
    // no person, code or office name in any label
    assertThat(after)
        .doesNotContain(
            name,
            approved.trackingCode().value(),
            approved.applicant().nik(),
            "Jetis",
            jetis.toString());
  }

  private static String submitted() {
    return "layanan_applications_submitted_total{application=\"layanan-kecamatan\",channel=\"ONLINE\"}";
  }

  private static String signed() {
    return "layanan_letters_signed_total{application=\"layanan-kecamatan\"}";
  }

  private static String wrongPassphrase() {
    return "layanan_letters_signing_failures_total{application=\"layanan-kecamatan\",reason=\"wrong_passphrase\"}";
  }

  private static String refusals() {
    return "layanan_rate_limit_refusals_total{application=\"layanan-kecamatan\",limit=\"verification-lookups-per-address\"}";
  }

  @Test
  void probesAnswerWithoutDetails() {
    WebClient balancer = new WebClient(port);
    HttpResponse<String> ready = balancer.get("/actuator/health/readiness");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(balancer.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(balancer.get("/actuator/health").body()).doesNotContain("blobStore", "bucket");
  }

  @Test
  void everyAnswerCarriesARequestIdAndKeepsAPlainOneItWasGiven() {
    WebClient browser = new WebClient(port);
    HttpResponse<String> page = browser.get("/");
    assertThat(page.headers().firstValue("X-Request-Id"))
        .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
    assertThat(browser.get("/", "X-Request-Id", "lb-7f3a.91").headers().firstValue("X-Request-Id"))
        .hasValue("lb-7f3a.91");
    for (String hostile : List.of("<script>", "a/b", "x".repeat(65), "a;b=c")) {
      assertThat(browser.get("/", "X-Request-Id", hostile).headers().firstValue("X-Request-Id"))
          .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
    }
  }
}
