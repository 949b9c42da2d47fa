package id.go.kecamatan.demo;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.AssistingOfficer;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.application.SubmitCommand;
import id.go.kecamatan.application.TrackedApplications;
import id.go.kecamatan.casework.Casework;
import id.go.kecamatan.casework.RequirementChecks;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.Requirement;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.documents.Upload;
import id.go.kecamatan.letters.LetterSigning;
import id.go.kecamatan.letters.SigningReport;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.web.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo applications (permohonan) of an office in every status, on every channel, with realistic
 * Indonesian names, NIKs of the office's region and a small generated PDF per requirement; made
 * through the public APIs ({@link Applications#submit}, {@link Decisions}, the case page's {@link
 * RequirementChecks} and {@link Casework}) so that they carry their timeline, audit records and
 * events like real ones. Two are moved into the past afterwards (their dates only) so the worklist
 * and the dashboard show overdue applications.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
    name = "layanan.demo.enabled",
    havingValue = "true")
class DemoApplications {

  private static final String SERVICE = "DOMISILI";

  /** name, sex, birth date (yyyy-MM-dd), channel, the status it ends in. */
  private record Resident(
      String name, String sex, String birthDate, Channel channel, String status, boolean overdue) {}

  private static final List<Resident> RESIDENTS =
      List.of(
          new Resident(
              "Siti Nurhaliza", "FEMALE", "1991-04-12", Channel.ONLINE, "SUBMITTED", false),
          new Resident("Ahmad Fauzi", "MALE", "1985-09-03", Channel.COUNTER, "SUBMITTED", true),
          new Resident(
              "Dewi Kartika Sari", "FEMALE", "1993-02-27", Channel.VILLAGE, "IN_REVIEW", true),
          new Resident("Budi Santoso", "MALE", "1978-11-15", Channel.ONLINE, "IN_REVIEW", false),
          new Resident(
              "Rina Wulandari", "FEMALE", "1996-07-08", Channel.ONLINE, "NEEDS_COMPLETION", false),
          new Resident("Agus Setiawan", "MALE", "1982-01-21", Channel.COUNTER, "APPROVED", false),
          new Resident("Sri Mulyani", "FEMALE", "1975-05-30", Channel.VILLAGE, "ISSUED", false),
          new Resident("Joko Prasetyo", "MALE", "1988-12-02", Channel.ONLINE, "COLLECTED", false),
          new Resident("Yuliana Putri", "FEMALE", "1999-03-16", Channel.COUNTER, "REJECTED", false),
          new Resident("Hendra Gunawan", "MALE", "1970-08-25", Channel.ONLINE, "WITHDRAWN", false));

  private final Applications applications;
  private final TrackedApplications tracked;
  private final Decisions decisions;
  private final Catalog catalog;
  private final Offices offices;
  private final StaffAccounts accounts;
  private final JdbcClient jdbc;
  private final LetterSigning signing;
  private final RequirementChecks checks;
  private final Casework casework;
  private byte[] pdf;

  DemoApplications(
      Applications applications,
      TrackedApplications tracked,
      Decisions decisions,
      Catalog catalog,
      Offices offices,
      StaffAccounts accounts,
      JdbcClient jdbc,
      LetterSigning signing,
      RequirementChecks checks,
      Casework casework) {
    this.signing = signing;
    this.checks = checks;
    this.casework = casework;
    this.applications = applications;
    this.tracked = tracked;
    this.decisions = decisions;
    this.catalog = catalog;
    this.offices = offices;
    this.accounts = accounts;
    this.jdbc = jdbc;
  }

  /**
   * Makes the demo applications of an office, unless its first resident applied already (the
   * office's history, {@link DemoHistory}, is made before them).
   *
   * @return what signs the letters of the issued and collected ones and collects these, to run in a
   *     transaction after the one that made the signers ({@link DemoData})
   */
  Runnable load(Office office, String key) {
    String region = office.code().replace(".", "");
    Resident first = RESIDENTS.get(0);
    if (jdbc.sql("select exists (select 1 from application where office_id = ? and nik = ?)")
        .params(office.id(), nik(region, first.birthDate(), first.sex(), 1))
        .query(Boolean.class)
        .single()) {
      return () -> {};
    }
    ServiceType service = catalog.activeService(office.id(), SERVICE).orElseThrow();
    List<Village> villages = offices.villages(office.id());
    Staff counter = accounts.byUsername("loket." + key).orElseThrow();
    Staff village = accounts.byUsername("desa." + key).orElseThrow();
    String verifier = "Verifikator " + office.name();
    int serial = 1;
    List<Application> toSign = new ArrayList<>();
    List<Application> toCollect = new ArrayList<>();
    for (Resident r : RESIDENTS) {
      Village home =
          r.channel() == Channel.VILLAGE
              ? villages.stream()
                  .filter(v -> v.id().equals(village.villageId()))
                  .findFirst()
                  .orElseThrow()
              : villages.get((serial * 3) % villages.size());
      String nik = nik(region, r.birthDate(), r.sex(), serial++);
      AssistingOfficer officer =
          switch (r.channel()) {
            case ONLINE -> null;
            case COUNTER -> new AssistingOfficer(counter.id(), counter.fullName());
            case VILLAGE -> new AssistingOfficer(village.id(), village.fullName());
          };
      Map<String, List<Upload>> files = new LinkedHashMap<>();
      for (Requirement requirement : service.requirements()) {
        if (requirement.required()) {
          files.put(requirement.id().toString(), List.of(document(requirement)));
        }
      }
      Outcome<Application> submitted =
          applications.submit(
              office.id(),
              SERVICE,
              new SubmitCommand(
                  r.channel(),
                  nik,
                  r.name(),
                  office.name().startsWith("Padangsidimpuan") ? "Padangsidimpuan" : office.name(),
                  r.birthDate(),
                  r.sex(),
                  home.id().toString(),
                  "Dusun Krajan RT 0" + (serial % 9 + 1) + " RW 0" + (serial % 4 + 1),
                  r.channel() == Channel.COUNTER ? null : "0812 3456 " + (7000 + serial),
                  null,
                  null,
                  Map.of(
                      "keperluan", List.of("pribadi"),
                      "keterangan", List.of("Persyaratan bank")),
                  files,
                  "demo:" + key + ":" + serial),
              officer);
      if (!submitted.ok()) {
        throw new IllegalStateException(
            "Demo application of " + r.name() + " is invalid: " + submitted.errors().all());
      }
      Application a = submitted.value();
      decide(office, key, service, a, r.status(), verifier);
      if (r.status().equals("ISSUED") || r.status().equals("COLLECTED")) {
        toSign.add(a);
      }
      if (r.status().equals("COLLECTED")) {
        toCollect.add(a);
      }
      if (r.overdue()) {
        backdate(office.id(), a.id().value(), 12);
      }
    }
    return () -> {
      sign(office, key, toSign);
      for (Application a : toCollect) {
        decisions.collect(office.id(), a.id(), "Petugas Loket " + office.name());
      }
    };
  }

  /** The demo Camat signs the letters of the issued applications, as in the signing queue. */
  private void sign(Office office, String key, List<Application> approved) {
    Officer officer = officer(office, "camat." + key);
    Outcome<SigningReport> signed =
        signing.sign(
            officer,
            approved.stream().map(Application::id).toList(),
            DemoData.PASSWORD.toCharArray());
    if (!signed.ok() || !signed.value().skipped().isEmpty()) {
      throw new IllegalStateException(
          "Demo letters of " + office.name() + " were not signed: " + signed.errors().all());
    }
  }

  /** A demo account as the officer signed in. */
  private Officer officer(Office office, String username) {
    Staff staff = accounts.byUsername(username).orElseThrow();
    return new Officer(
        staff.id(),
        staff.username(),
        staff.fullName(),
        staff.regencyId(),
        office.id(),
        null,
        staff.roles());
  }

  private void decide(
      Office office,
      String key,
      ServiceType service,
      Application a,
      String status,
      String verifier) {
    UUID officeId = office.id();
    switch (status) {
      case "SUBMITTED" -> {}
      case "WITHDRAWN" -> tracked.withdraw(a.trackingCode(), "Surat sudah tidak diperlukan");
      default -> {
        decisions.startReview(officeId, a.id(), verifier);
        switch (status) {
          case "NEEDS_COMPLETION" -> {
            // as on the case page: each requirement checked, the refused one with its reason
            Officer checker = officer(office, "verifikator." + key);
            Requirement first = service.requirements().get(0);
            Outcome<Integer> checked =
                checks.record(
                    checker,
                    a.id(),
                    List.of(
                        new RequirementChecks.Entry(
                            first.id(),
                            "reject",
                            null,
                            "Foto dokumen buram, tulisan tidak terbaca. Unggah ulang.")),
                    null,
                    true);
            if (!checked.ok() || !casework.requestCompletion(checker, a.id()).ok()) {
              throw new IllegalStateException("Demo completion request was refused");
            }
          }
          // issued and collected ones are approved here and signed after the loop
          case "APPROVED", "ISSUED", "COLLECTED" -> decisions.approve(officeId, a.id(), verifier);
          case "REJECTED" ->
              decisions.reject(
                  officeId,
                  a.id(),
                  "Pemohon tidak berdomisili di wilayah kecamatan ini menurut KK.",
                  verifier);
          default -> {}
        }
      }
    }
  }

  /** Moves an application's dates into the past, so that it is overdue (demo only). */
  private void backdate(UUID officeId, UUID applicationId, int days) {
    jdbc.sql(
            """
            update application set submitted_at = submitted_at - make_interval(days => :days),
                   deadline = deadline - :days
            where office_id = :office and id = :id
            """)
        .param("days", days)
        .param("office", officeId)
        .param("id", applicationId)
        .update();
    jdbc.sql(
            """
            update application_status_change
            set changed_at = changed_at - make_interval(days => :days)
            where office_id = :office and application_id = :id
            """)
        .param("days", days)
        .param("office", officeId)
        .param("id", applicationId)
        .update();
  }

  /** A NIK of the region: birth date with 40 added to the day for women, then the serial. */
  static String nik(String region, String birthDate, String sex, int serial) {
    int day = Integer.parseInt(birthDate.substring(8, 10)) + ("FEMALE".equals(sex) ? 40 : 0);
    return region
        + String.format("%02d", day)
        + birthDate.substring(5, 7)
        + birthDate.substring(2, 4)
        + String.format("%04d", serial);
  }

  private Upload document(Requirement requirement) {
    if (pdf == null) {
      pdf = tinyPdf();
    }
    String name = requirement.name().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase() + ".pdf";
    return new Upload(name, "application/pdf", new ByteArrayInputStream(pdf));
  }

  /** A one-page PDF saying it is a demo scan, made once at start-up. */
  static byte[] tinyPdf() {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A6);
      document.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(30, 250);
        text.showText("Dokumen contoh (data demo)");
        text.endText();
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
