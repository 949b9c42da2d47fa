package id.go.kecamatan.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.audit.AuditTrail;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office's audit trail (/admin/audit) names each event in the page's language: an action with
 * its label, never its message key, and the system (no officer signed in) as "system" in English.
 * The English walk saw "sistem" and "audit.action.application.submitted".
 */
@IntegrationTest
class AuditPageIntegrationTests {

  @LocalServerPort int port;
  @Autowired AuditTrail audit;
  @Autowired StaffAccounts accounts;

  @Test
  void anEventOfTheSystemReadsInThePagesLanguage() {
    UUID jetis = accounts.byUsername("admin.jetis").orElseThrow().officeId();
    audit.record(jetis, "application.submitted", "application", UUID.randomUUID(), Map.of());
    WebClient admin = WebClient.signedIn(port, "admin.jetis");

    String english = admin.get("/admin/audit?lang=en").body();
    assertThat(english).contains("<td>system</td>", "<td>Application submitted</td>");
    assertThat(english).doesNotContain("audit.action.", ">sistem<");

    String indonesian = admin.get("/admin/audit?lang=id").body();
    assertThat(indonesian).contains("<td>sistem</td>", "<td>Permohonan diajukan</td>");
  }
}
