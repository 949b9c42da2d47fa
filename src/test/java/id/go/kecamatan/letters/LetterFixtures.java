package id.go.kecamatan.letters;

import id.go.kecamatan.application.Application;
import id.go.kecamatan.application.ApplicationId;
import id.go.kecamatan.application.Applications;
import id.go.kecamatan.application.Decisions;
import id.go.kecamatan.casework.CaseworkFixtures;
import id.go.kecamatan.letters.internal.LetterRepository;
import id.go.kecamatan.shared.security.Officer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issued letters for the letters tests, as the signing writes them: an online Domisili application
 * of a demo office moved through review and approval to ISSUED by {@link Decisions}, and its {@code
 * letter} row with a small real PDF; approved applications waiting for their letter, and officers.
 */
public final class LetterFixtures {

  /** The passphrase of every demo signer's key. */
  public static final String PASSPHRASE = "Demo-Kecamatan-2026";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CaseworkFixtures casework;
  private final Decisions decisions;
  private final JdbcClient jdbc;
  private final LetterRepository repository;

  public LetterFixtures(Applications applications, Decisions decisions, JdbcClient jdbc) {
    this(applications, decisions, jdbc, null);
  }

  /** With the repository, for {@link #letterOf}: signed PDFs live in the blob store. */
  public LetterFixtures(
      Applications applications,
      Decisions decisions,
      JdbcClient jdbc,
      LetterRepository repository) {
    this.casework = new CaseworkFixtures(applications, jdbc);
    this.decisions = decisions;
    this.jdbc = jdbc;
    this.repository = repository;
  }

  /** An issued letter: its application, row id, verification code, PDF and number. */
  public record Issued(
      Application application, UUID id, String code, byte[] pdf, String number, String sha256) {

    public String trackingCode() {
      return application.trackingCode().value();
    }
  }

  public UUID jetis() {
    return casework.jetis();
  }

  public CaseworkFixtures casework() {
    return casework;
  }

  /** A Jetis application of this resident, submitted and moved to ISSUED (no letter row). */
  public Application issuedApplication(String name) {
    UUID office = jetis();
    Application a = casework.domisili(office, casework.operatorVillage("desa.jetis"), name);
    decisions.startReview(office, a.id(), "Verifikator Jetis");
    decisions.approve(office, a.id(), "Verifikator Jetis");
    return decisions.issue(office, a.id(), "Camat Jetis");
  }

  /** A Jetis letter for a new application of this resident, signed at this moment. */
  public Issued issue(String name, Instant signedAt) {
    Application application = issuedApplication(name);
    UUID office = application.officeId();
    UUID id = UUID.randomUUID();
    String scope = "UJI-" + id.toString().substring(0, 8);
    // unique, as letter numbers are (office, year, number): a part of the row id
    String number = "474/" + id.toString().substring(0, 8) + "/416.305/2026";
    String code = VerificationCode.generate(RANDOM).value();
    byte[] pdf = pdf(number + " " + name);
    String sha256 = sha256(pdf);
    UUID camat =
        jdbc.sql("select id from staff where username = 'camat.jetis'").query(UUID.class).single();
    UUID service =
        jdbc.sql("select service_id from application where id = ?")
            .param(application.id().value())
            .query(UUID.class)
            .single();
    jdbc.sql(
            """
            insert into letter (id, office_id, application_id, service_id, number, number_scope,
              number_year, number_sequence, verification_code, sha256, pdf, service_name,
              applicant_name, letter_date, signed_at, signed_by, signer_name, signer_nip,
              signer_position, capacity)
            values (?, ?, ?, ?, ?, ?, 2026, 1, ?, ?, ?, 'Surat Keterangan Domisili', ?, ?, ?, ?,
              'Drs. Bambang Wahyudi, M.Si.', '197205141998031004', 'Camat Jetis', 'OWN')
            """)
        .params(
            id,
            office,
            application.id().value(),
            service,
            number,
            scope,
            code,
            sha256,
            pdf,
            name,
            LocalDate.of(2026, 11, 22),
            Timestamp.from(signedAt),
            camat)
        .update();
    return new Issued(application, id, code, pdf, number, sha256);
  }

  public Issued issue(String name) {
    return issue(name, Instant.now());
  }

  /** A one-page A4 PDF with a line of text. */
  public static byte[] pdf(String text) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 760);
        content.showText(text);
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same document opened and saved again with a changed title, as an editor would. */
  public static byte[] resaved(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      document.getDocumentInformation().setTitle("Salinan");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String status(Application application) {
    return jdbc.sql("select status from application where id = ?")
        .param(application.id().value())
        .query(String.class)
        .single();
  }

  public int audits(Object entityId, String action) {
    return jdbc.sql("select count(*) from audit_event where entity_id = ? and action = ?")
        .params(entityId.toString(), action)
        .query(Integer.class)
        .single();
  }

  public UUID office(String code) {
    return casework.office(code);
  }

  /** An approved online Domisili application of the office, waiting for its letter. */
  public Application approved(UUID officeId, String name) {
    UUID village =
        jdbc.sql("select id from village where office_id = ? order by name limit 1")
            .param(officeId)
            .query(UUID.class)
            .single();
    Application submitted = casework.domisili(officeId, village, name);
    decisions.startReview(officeId, submitted.id(), "Verifikator");
    return decisions.approve(officeId, submitted.id(), "Verifikator");
  }

  /** The officer of this staff account as Spring Security would see it. */
  public Officer officer(String username) {
    return casework.officer(username);
  }

  /** The letter of an application: number, signer position and PDF. */
  public record SignedLetter(String number, int sequence, String position, byte[] pdf) {}

  public SignedLetter letterOf(ApplicationId id) {
    return jdbc.sql(
            "select number, number_sequence, signer_position, office_id, id from letter where application_id = ?")
        .param(id.value())
        .query(
            (rs, n) ->
                new SignedLetter(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    issuedLetters()
                        .pdf(rs.getObject(4, UUID.class), rs.getObject(5, UUID.class))
                        .orElseThrow()))
        .single();
  }

  /** The letters' own reading of a signed PDF (from the blob store or, for old ones, the row). */
  private LetterRepository issuedLetters() {
    if (repository == null) {
      throw new IllegalStateException("construct LetterFixtures with the LetterRepository");
    }
    return repository;
  }

  /** The highest sequence number issued in the office this year, 0 for none. */
  public int lastSequence(UUID officeId) {
    return jdbc.sql(
            "select coalesce(max(number_sequence), 0) from letter where office_id = ? and number_year = extract(year from now())")
        .param(officeId)
        .query(Integer.class)
        .single();
  }
}
