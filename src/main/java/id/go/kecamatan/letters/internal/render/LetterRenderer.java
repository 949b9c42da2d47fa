package id.go.kecamatan.letters.internal.render;

import id.go.kecamatan.application.Applicant;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.FieldType;
import id.go.kecamatan.catalog.FormDefinition;
import id.go.kecamatan.catalog.FormField;
import id.go.kecamatan.catalog.FormFields;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Official;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.office.Sex;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.Sha256;
import id.go.kecamatan.shared.pdf.Letterhead;
import id.go.kecamatan.shared.pdf.PdfA;
import id.go.kecamatan.shared.web.Formats;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders letters: gathers the office (letterhead, logo, paper, font), the service's template and
 * form, fills the template from the application and lays the letter out ({@link LetterLayout}) as
 * PDF/A-3b ({@link LetterPdf}). Letters are always in Indonesian. What does not change between
 * letters is prepared once: fonts, the colour profile, the shipped templates, compiled templates
 * and each office's logo (scaled down for print, {@link Letterhead#logoPng}, given to the renderer
 * by name with the QR code: {@link PdfA#withImages}).
 */
@Component
public class LetterRenderer implements LetterRendering {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(LetterRenderer.class);

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final Offices offices;
  private final Catalog catalog;
  private final FormFields forms;
  private final LetterTemplates templates;
  private final MessageSource messages;
  private final Clock clock;
  private final Map<UUID, PreparedLogo> logos = new ConcurrentHashMap<>();

  LetterRenderer(
      Offices offices,
      Catalog catalog,
      FormFields forms,
      LetterTemplates templates,
      MessageSource messages,
      Clock clock) {
    this.offices = offices;
    this.catalog = catalog;
    this.forms = forms;
    this.templates = templates;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public Prepared prepare(LetterRequest request) {
    return prepare(request, sheet(request.officeId(), request.serviceId()));
  }

  @Override
  public LetterRendering batch() {
    return new Batch();
  }

  /**
   * What the letters of one office and service share, read from the database: the service, its
   * template and form, the office with its regency, villages, paper, font and letterhead.
   *
   * @param own whether the template is the office's own (laid out with the shipped default when the
   *     layout engine fails on it)
   * @param villages the names of the office's villages by id
   * @param logo the office logo prepared for print (PNG), or {@code null}; {@code kop} names it
   */
  private record Sheet(
      ServiceType service,
      String title,
      LetterTemplate template,
      boolean own,
      Office office,
      String regency,
      Map<UUID, String> villages,
      FormDefinition form,
      LetterSettings settings,
      byte[] logo,
      Letterhead kop) {

    Sheet withTemplate(LetterTemplate other) {
      return new Sheet(
          service, title, other, false, office, regency, villages, form, settings, logo, kop);
    }
  }

  private record SheetKey(UUID officeId, UUID serviceId) {}

  /**
   * The letters of one signing batch: each office's and service's {@link Sheet} is read once, by
   * whichever letter needs it first, and shared by the others (laid out on several threads).
   */
  private final class Batch implements LetterRendering {

    private final Map<SheetKey, Sheet> sheets = new ConcurrentHashMap<>();

    @Override
    public Prepared prepare(LetterRequest request) {
      Sheet sheet =
          sheets.computeIfAbsent(
              new SheetKey(request.officeId(), request.serviceId()),
              key -> sheet(key.officeId(), key.serviceId()));
      return LetterRenderer.this.prepare(request, sheet);
    }
  }

  /** The sheet of a service's letters with its effective template. */
  private Sheet sheet(UUID officeId, UUID serviceId) {
    ServiceType service = catalog.service(officeId, serviceId);
    LetterTemplates.Effective effective = templates.effective(officeId, service);
    LetterTemplate template = templates.compiled(effective.body());
    boolean own = effective.own();
    if (template == null) {
      // a saved template that no longer compiles (saved before a rule was added): the default
      own = false;
      template = templates.compiled(templates.defaultBody(service.code()));
    }
    String title = effective.title() != null ? effective.title() : templates.defaultTitle(service);
    return sheet(officeId, service, title, template, own);
  }

  private Sheet sheet(
      UUID officeId, ServiceType service, String title, LetterTemplate template, boolean own) {
    Office office = offices.get(officeId);
    String regency = offices.regency(office.regencyId()).map(Regency::name).orElse("");
    Map<UUID, String> villages = new HashMap<>();
    offices.villages(officeId).forEach(v -> villages.put(v.id(), v.name()));
    byte[] logo = logo(office);
    return new Sheet(
        service,
        title,
        template,
        own,
        office,
        regency,
        Map.copyOf(villages),
        forms.definition(officeId, service.id()),
        templates.settings(officeId),
        logo,
        letterhead(office, regency, logo == null ? null : PdfA.image(LetterLayout.LOGO)));
  }

  /**
   * The letter of this request on this sheet. An office's own template that the layout engine fails
   * on is never a dead end for a letter: it is laid out with the shipped default, and the operator
   * is told once per letter.
   */
  private Prepared prepare(LetterRequest request, Sheet sheet) {
    Prepared prepared = fill(request, sheet);
    if (!sheet.own()) {
      return prepared;
    }
    return number -> {
      try {
        return prepared.render(number);
      } catch (LetterRenderingFailed e) {
        log.warn(
            "The office's own letter template of service {} cannot be rendered ({}); the shipped"
                + " default is used",
            sheet.service().code(),
            e.getMessage());
        LetterTemplate fallback = templates.compiled(templates.defaultBody(sheet.service().code()));
        return fill(request, sheet.withTemplate(fallback)).render(number);
      }
    };
  }

  /**
   * Whether a template renders: a draft letter of sample data is laid out with it, as saving
   * requires.
   */
  public boolean renders(UUID officeId, UUID serviceId, String title, LetterTemplate template) {
    ServiceType service = catalog.service(officeId, serviceId);
    String shown = title == null || title.isBlank() ? templates.defaultTitle(service) : title;
    LetterRequest sample = sample(officeId, forms.definition(officeId, serviceId));
    try {
      fill(sample, sheet(officeId, service, shown, template, false)).render(null);
      return true;
    } catch (LetterRenderingFailed e) {
      log.warn("A letter template was refused because it cannot be rendered: {}", e.getMessage());
      return false;
    }
  }

  /**
   * The first page, as a PNG image, of a draft letter of sample data with this title and template
   * (saved or not), for the template editor.
   *
   * @throws LetterRenderingFailed when the template cannot be laid out
   */
  public byte[] previewPng(UUID officeId, UUID serviceId, String title, LetterTemplate template) {
    ServiceType service = catalog.service(officeId, serviceId);
    String shown = title == null || title.isBlank() ? templates.defaultTitle(service) : title;
    LetterRequest sample = sample(officeId, forms.definition(officeId, serviceId));
    return LetterPdf.firstPagePng(
        fill(sample, sheet(officeId, service, shown, template, false)).render(null).pdf());
  }

  /** Everything of the letter filled in, but its number. */
  private Prepared fill(LetterRequest request, Sheet sheet) {
    Office office = sheet.office();
    SignatureLine signature =
        request.signature() != null ? request.signature() : draftSignature(office);
    Map<String, String> values = values(request, sheet, signature);
    Letterhead kop = sheet.kop();
    List<String> lines = kop.lines();
    String logo = kop.logoUri();
    LetterLayout.Qr qr = LetterLayout.Qr.of(request.verificationUrl());
    // the images the page may name; a draft shows no QR code, its entry is then unused
    Map<String, byte[]> images = new HashMap<>();
    if (sheet.logo() != null) {
      images.put(LetterLayout.LOGO, sheet.logo());
    }
    if (qr != null) {
      images.put(LetterLayout.QR, qr.png());
    }
    LetterTemplate template = sheet.template();
    LetterSettings settings = sheet.settings();
    return number -> {
      Map<String, String> numbered = new HashMap<>(values);
      numbered.put(
          "surat.nomor", number == null ? t("letterTemplates.letter.draftNumber") : number);
      LetterLayout.Letter letter =
          new LetterLayout.Letter(
              lines,
              logo,
              sheet.title(),
              number,
              template.fill(numbered),
              office.name(),
              request.date(),
              signature,
              number == null ? null : qr,
              settings.paper(),
              settings.font());
      return LetterPdf.render(LetterLayout.xhtml(letter, this::t), images);
    };
  }

  /** A draft is shown with the office's Camat as the signer. */
  private SignatureLine draftSignature(Office office) {
    Optional<Official> camat = offices.official(office.id(), Official.Position.CAMAT);
    return new SignatureLine(
        null,
        t("letterTemplates.letter.officeTitle", office.name().toUpperCase(INDONESIAN)),
        null,
        camat.map(Official::name).orElse(""),
        camat.map(Official::rank).orElse(null),
        camat.map(Official::nip).orElse(null));
  }

  /** The value of every placeholder for this letter, as plain text. */
  private Map<String, String> values(LetterRequest request, Sheet sheet, SignatureLine signature) {
    Office office = sheet.office();
    Map<String, String> v = new HashMap<>();
    Applicant a = request.applicant();
    String birthDate = Formats.longDate(a.birthDate(), INDONESIAN);
    v.put("pemohon.nama", a.name());
    v.put("pemohon.nik", a.nik());
    v.put("pemohon.tempat_lahir", a.birthPlace());
    v.put("pemohon.tanggal_lahir", birthDate);
    v.put(
        "pemohon.tempat_tanggal_lahir",
        a.birthPlace() == null || a.birthPlace().isBlank()
            ? birthDate
            : a.birthPlace() + ", " + birthDate);
    v.put("pemohon.jenis_kelamin", a.sex() == null ? "" : t("letterTemplates.sex." + a.sex()));
    v.put("pemohon.alamat", a.address());
    v.put("pemohon.desa", villageName(sheet, a.villageId()));
    v.put("kantor.nama", office.displayName());
    v.put("kantor.alamat", office.address());
    v.put("kecamatan.nama", office.name());
    v.put("kabupaten.nama", sheet.regency());
    v.put("layanan.nama", sheet.service().name());
    v.put(
        "surat.nomor",
        request.draft() ? t("letterTemplates.letter.draftNumber") : request.number());
    v.put("surat.tanggal", Formats.longDate(request.date(), INDONESIAN));
    v.put("permohonan.kode", request.trackingCode());
    v.put("pejabat.nama", signature.name());
    v.put(
        "pejabat.jabatan",
        signature.signerTitle() != null && !signature.signerTitle().isBlank()
            ? signature.signerTitle()
            : signature.officeTitle());
    Map<String, List<String>> answers = request.answers() == null ? Map.of() : request.answers();
    for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
      Optional<FormField> field = sheet.form().field(answer.getKey());
      List<String> shown = new ArrayList<>();
      for (String value : answer.getValue() == null ? List.<String>of() : answer.getValue()) {
        if (value != null && !value.isBlank()) {
          shown.add(field.map(f -> answerText(sheet, f, value)).orElse(value));
        }
      }
      v.put(Placeholders.ANSWER + answer.getKey(), String.join(", ", shown));
    }
    return v;
  }

  /** An answer as the letter prints it: labels for choices, long dates, village names. */
  private String answerText(Sheet sheet, FormField field, String value) {
    return switch (field.type()) {
      case CHOICE, MULTIPLE_CHOICE -> field.option(value).map(o -> o.label("id")).orElse(value);
      case YES_NO ->
          FieldType.YES.equals(value)
              ? t("letterTemplates.yes")
              : FieldType.NO.equals(value) ? t("letterTemplates.no") : value;
      case DATE -> {
        try {
          yield Formats.longDate(LocalDate.parse(value), INDONESIAN);
        } catch (DateTimeParseException e) {
          yield value;
        }
      }
      case NUMBER -> {
        if (value.matches("-?\\d{5,15}")) {
          DecimalFormatSymbols symbols = new DecimalFormatSymbols(INDONESIAN);
          symbols.setGroupingSeparator('.');
          yield new DecimalFormat("#,##0", symbols).format(Long.parseLong(value));
        }
        yield value;
      }
      case VILLAGE -> {
        String name = villageName(sheet, uuid(value));
        yield name.isEmpty() ? value : name;
      }
      default -> value;
    };
  }

  /** The name of one of the office's villages; empty for none or another office's village. */
  private static String villageName(Sheet sheet, UUID villageId) {
    return villageId == null ? "" : sheet.villages().getOrDefault(villageId, "");
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * A draft request of sample data for previews: a sample applicant of the office's first village
   * and an answer to every question (the first option of a choice, the question's label in brackets
   * for text).
   */
  LetterRequest sample(UUID officeId, FormDefinition form) {
    List<Village> villages = offices.villages(officeId);
    UUID village = villages.isEmpty() ? null : villages.get(0).id();
    LocalDate today = LocalDate.now(clock);
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (FormField field : form.fields()) {
      String value =
          switch (field.type()) {
            case CHOICE, MULTIPLE_CHOICE ->
                field.options().isEmpty() ? "" : field.options().get(0).value();
            case YES_NO -> FieldType.YES;
            case DATE -> today.toString();
            case NUMBER ->
                String.valueOf(field.limits().minNumber() == null ? 1 : field.limits().minNumber());
            case NIK, KK -> "3516160101900001";
            case PHONE -> "081234567890";
            case EMAIL -> "contoh@example.id";
            case VILLAGE -> village == null ? "" : village.toString();
            default -> "[" + field.labelId() + "]";
          };
      answers.put(field.key(), List.of(value));
    }
    Applicant applicant =
        new Applicant(
            "3516164101900001",
            t("letterTemplates.sample.name"),
            t("letterTemplates.sample.birthPlace"),
            LocalDate.of(1990, 1, 1),
            Sex.FEMALE,
            village,
            t("letterTemplates.sample.address"),
            null,
            null,
            null);
    return new LetterRequest(
        officeId, form.serviceId(), applicant, answers, "CONTOH1", null, today, null, null);
  }

  /** The office's letterhead as its letters print it. */
  public Letterhead letterhead(UUID officeId) {
    Office office = offices.get(officeId);
    byte[] logo = logo(office);
    return letterhead(
        office,
        offices.regency(office.regencyId()).map(Regency::name).orElse(""),
        logo == null ? null : PdfA.dataUri("image/png", logo));
  }

  private Letterhead letterhead(Office office, String regency, String logoUri) {
    List<String> letterhead = office.letterheadLines();
    if (letterhead.isEmpty()) {
      letterhead =
          List.of(
              t("letterTemplates.letter.government", regency.toUpperCase(INDONESIAN)),
              office.displayName().toUpperCase(INDONESIAN),
              office.address() == null ? "" : office.address());
    }
    return new Letterhead(letterhead, logoUri);
  }

  // ---- logo -----------------------------------------------------------------------------------

  private record PreparedLogo(byte[] digest, byte[] png) {}

  /** The office logo scaled down for print (PNG), or null; prepared once per logo. */
  private byte[] logo(Office office) {
    if (!office.hasLogo()) {
      return null;
    }
    Optional<Offices.Logo> logo = offices.logo(office.id());
    if (logo.isEmpty()) {
      return null;
    }
    byte[] digest = sha256(logo.get().bytes());
    PreparedLogo prepared = logos.get(office.id());
    if (prepared == null || !Arrays.equals(prepared.digest(), digest)) {
      prepared = new PreparedLogo(digest, Letterhead.logoPng(logo.get().bytes()));
      logos.put(office.id(), prepared);
    }
    return prepared.png();
  }

  private static byte[] sha256(byte[] bytes) {
    return Sha256.of(bytes);
  }

  private String t(String key, Object... args) {
    return messages.getMessage(key, args, INDONESIAN);
  }
}
