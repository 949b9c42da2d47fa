package id.go.kecamatan.complaints;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Complaints of the demo offices for the tests, each with a text of its own. */
final class ComplaintFixtures {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  final Complaints complaints;
  final ComplaintCategories categories;
  final Offices offices;
  final JdbcClient jdbc;

  ComplaintFixtures(
      Complaints complaints, ComplaintCategories categories, Offices offices, JdbcClient jdbc) {
    this.complaints = complaints;
    this.categories = categories;
    this.offices = offices;
    this.jdbc = jdbc;
  }

  Office office(String code) {
    UUID id =
        jdbc.sql("select id from office where code = ?").param(code).query(UUID.class).single();
    return offices.get(id);
  }

  Office jetis() {
    return office("35.16.16");
  }

  Office purwokerto() {
    return office("33.02.27");
  }

  /** The first offered subcategory of the office with a tier of 5 working days (a demo one). */
  Category category(Office office) {
    List<Category> offered = categories.offered(office.id());
    return offered.stream().filter(c -> !c.top() && c.tierDays() == 5).findFirst().orElseThrow();
  }

  static String unique(String text) {
    return text + " #" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
  }

  FilingForm form(Office office, String description, String privacy, String phone) {
    return new FilingForm(
        "COMPLAINT",
        category(office).id().toString(),
        description,
        "",
        "Depan balai desa",
        "",
        privacy,
        "Siti Aminah",
        phone,
        "",
        "",
        "",
        false);
  }

  Filed file(Office office, String description) {
    var outcome =
        complaints.file(
            office,
            form(office, description, "ANONIM", "0812-3456-7890"),
            List.of(),
            Complaints.Intake.ONLINE);
    if (!outcome.ok()) {
      throw new IllegalStateException(outcome.errors().all().toString());
    }
    return outcome.value();
  }

  Officer officer(Office office, String username, Role role) {
    UUID id =
        jdbc.sql("select id from staff where username = ?")
            .param(username)
            .query(UUID.class)
            .single();
    return new Officer(
        id, username, "Petugas " + username, office.regencyId(), office.id(), null, Set.of(role));
  }

  int version(UUID id) {
    return jdbc.sql("select version from complaint where id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }
}
