package id.go.kecamatan.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.complaints.Category;
import id.go.kecamatan.complaints.ComplaintCategories;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.Outcome;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class OfficeOnboardingIntegrationTests {

  @Autowired OfficeOnboarding onboarding;
  @Autowired Offices offices;
  @Autowired StaffAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired ComplaintCategories categories;

  private UUID mojokerto() {
    return offices.regencyByCode("35.16").orElseThrow().id();
  }

  @Test
  void registersAnOfficeWithItsVillagesAndItsFirstAdministrator() {
    Outcome<Office> outcome =
        onboarding.register(
            mojokerto(),
            "35.16.02",
            new OfficeOnboarding.FirstAdmin(
                "admin.gondang", "Admin Gondang", null, "Kantor-Gondang-2026"));

    assertThat(outcome.ok()).isTrue();
    Office office = outcome.value();
    assertThat(office.code()).isEqualTo("35.16.02");
    assertThat(offices.villages(office.id())).isNotEmpty();
    Staff admin = accounts.byUsername("admin.gondang").orElseThrow();
    assertThat(admin.officeId()).isEqualTo(office.id());
    assertThat(admin.roles()).containsExactly(Role.OFFICE_ADMIN);
    // residents can complain from the first day: a complaint needs a category (it had none)
    assertThat(categories.offered(office.id()))
        .extracting(Category::name)
        .contains("Lama pelayanan", "Biaya atau pungutan", "Lainnya");
    // keep the public list at the three demo offices for the other tests
    jdbc.sql("update office set active = false where id = ?").param(office.id()).update();
  }

  @Test
  void aTakenUsernameRegistersNothing() {
    long officesBefore = jdbc.sql("select count(*) from office").query(Long.class).single();

    Outcome<Office> outcome =
        onboarding.register(
            mojokerto(),
            "35.16.03",
            new OfficeOnboarding.FirstAdmin("admin.jetis", "Someone", null, "Kantor-Baru-2026-x"));

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.errors().get("username").key()).isEqualTo("account.error.usernameTaken");
    assertThat(jdbc.sql("select count(*) from office").query(Long.class).single())
        .isEqualTo(officesBefore);
    assertThat(
            jdbc.sql(
                    "select count(*) from complaint_category c join office o on o.id = c.office_id"
                        + " where o.code = '35.16.03'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from village where code like '35.16.03.%'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void reportsTheErrorsOfTheCodeAndTheAccountTogether() {
    Outcome<Office> outcome =
        onboarding.register(
            mojokerto(), "33.02.27", new OfficeOnboarding.FirstAdmin("", "", null, "short"));

    assertThat(outcome.errors().all().keySet())
        .contains("code", "username", "fullName", "password");
  }
}
