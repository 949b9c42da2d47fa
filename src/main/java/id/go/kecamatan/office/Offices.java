package id.go.kecamatan.office;

import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.documents.Documents;
import id.go.kecamatan.documents.Picture;
import id.go.kecamatan.shared.db.TableChanges;
import id.go.kecamatan.shared.web.FieldErrors;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.shared.web.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Regencies, offices, their villages and officials. */
@Service
public class Offices {

  private static final String OFFICE_COLUMNS =
      """
      id, regency_id, code, slug, name, address, phone, email, whatsapp, office_hours, unit_code,
      letterhead_lines, logo is not null as has_logo, active, version
      """;

  /** The tables the public site keeps in memory ({@link TableChanges}). */
  private static final String[] PLACES = {"regency", "office"};

  private final JdbcClient jdbc;
  private final RegionDirectory regions;
  private final IdentityNumbers identityNumbers;
  private final AuditTrail audit;
  private final Documents documents;
  private final TableChanges changes;

  Offices(
      JdbcClient jdbc,
      RegionDirectory regions,
      IdentityNumbers identityNumbers,
      AuditTrail audit,
      Documents documents,
      TableChanges changes) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.identityNumbers = identityNumbers;
    this.audit = audit;
    this.documents = documents;
    this.changes = changes;
  }

  // ---- regencies ------------------------------------------------------------------------------

  public List<Regency> regencies() {
    return jdbc.sql("select id, code, name from regency order by name")
        .query(
            (rs, i) -> new Regency(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
        .list();
  }

  public Optional<Regency> regency(UUID id) {
    return jdbc.sql("select id, code, name from regency where id = ?")
        .param(id)
        .query(
            (rs, i) -> new Regency(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
        .optional();
  }

  public Optional<Regency> regencyByCode(String code) {
    return jdbc.sql("select id, code, name from regency where code = ?")
        .param(code)
        .query(
            (rs, i) -> new Regency(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
        .optional();
  }

  /** The regency of a region code, created from the region dataset when it is not there yet. */
  @Transactional
  public Regency ensureRegency(String code) {
    return regencyByCode(code)
        .orElseGet(
            () -> {
              Region region =
                  regions
                      .find(code)
                      .filter(r -> r.level() == Region.Level.REGENCY)
                      .orElseThrow(() -> new IllegalArgumentException("Unknown regency " + code));
              UUID id = UUID.randomUUID();
              jdbc.sql("insert into regency (id, code, name) values (?, ?, ?)")
                  .params(id, code, region.name())
                  .update();
              changes.changed(PLACES);
              return new Regency(id, code, region.name());
            });
  }

  // ---- offices --------------------------------------------------------------------------------

  public List<Office> officesOf(UUID regencyId) {
    return jdbc.sql("select " + OFFICE_COLUMNS + " from office where regency_id = ? order by name")
        .param(regencyId)
        .query(Offices::office)
        .list();
  }

  public List<Office> activeOffices() {
    return jdbc.sql("select " + OFFICE_COLUMNS + " from office where active order by name")
        .query(Offices::office)
        .list();
  }

  public Optional<Office> bySlug(String slug) {
    return jdbc.sql("select " + OFFICE_COLUMNS + " from office where slug = ? and active")
        .param(slug)
        .query(Offices::office)
        .optional();
  }

  public Office get(UUID officeId) {
    return jdbc.sql("select " + OFFICE_COLUMNS + " from office where id = ?")
        .param(officeId)
        .query(Offices::office)
        .optional()
        .orElseThrow(NotFoundException::new);
  }

  /**
   * Creates an office of a regency from a kecamatan region code, with all its villages from the
   * region dataset.
   */
  @Transactional
  public Outcome<Office> createOffice(UUID regencyId, String rawCode) {
    FieldErrors errors = new FieldErrors();
    String code = FieldErrors.clean(rawCode);
    Regency regency = regency(regencyId).orElseThrow(NotFoundException::new);
    Optional<Region> region = regions.find(code);
    if (code == null) {
      errors.reject("code", "error.required");
    } else if (!code.matches("\\d{2}\\.\\d{2}\\.\\d{2}")) {
      errors.reject("code", "office.error.codeFormat");
    } else if (region.isEmpty() || region.get().level() != Region.Level.KECAMATAN) {
      errors.reject("code", "office.error.unknownRegion");
    } else if (!code.startsWith(regency.code() + ".")) {
      errors.reject("code", "office.error.otherRegency", regency.name());
    } else if (jdbc.sql("select count(*) from office where code = ?")
            .param(code)
            .query(Long.class)
            .single()
        > 0) {
      errors.reject("code", "office.error.exists");
    }
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    UUID id = UUID.randomUUID();
    String name = region.get().name();
    jdbc.sql(
            """
            insert into office (id, regency_id, code, slug, name, letterhead_lines, office_hours)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            regencyId,
            code,
            uniqueSlug(name, regency.name()),
            name,
            regency.name().toUpperCase(Locale.ROOT)
                + "\nKECAMATAN "
                + name.toUpperCase(Locale.ROOT),
            "Senin–Kamis 08.00–15.00\nJumat 08.00–11.00")
        .update();
    for (Region village : regions.childrenOf(code)) {
      jdbc.sql("insert into village (id, office_id, code, name, kind) values (?, ?, ?, ?, ?)")
          .params(
              UUID.randomUUID(), id, village.code(), village.name(), Village.kindOf(village.code()))
          .update();
    }
    changes.changed(PLACES);
    audit.record(id, "office.created", "office", id, Map.of("code", code, "name", name));
    return Outcome.done(get(id));
  }

  private String uniqueSlug(String name, String regencyName) {
    String slug = slugify(name);
    if (jdbc.sql("select count(*) from office where slug = ?")
            .param(slug)
            .query(Long.class)
            .single()
        == 0) {
      return slug;
    }
    String withRegency = slugify(name + " " + regencyName.replaceFirst("^(Kabupaten|Kota) ", ""));
    String candidate = withRegency;
    for (int i = 2;
        jdbc.sql("select count(*) from office where slug = ?")
                .param(candidate)
                .query(Long.class)
                .single()
            > 0;
        i++) {
      candidate = withRegency + "-" + i;
    }
    return candidate;
  }

  static String slugify(String text) {
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  /** The office profile as edited by its administrator. */
  public record ProfileForm(
      String address,
      String phone,
      String email,
      String whatsapp,
      String officeHours,
      String unitCode,
      String letterheadText,
      Integer version) {

    FieldErrors validate() {
      FieldErrors errors = new FieldErrors();
      errors.text("address", address, 300);
      errors.optionalText("phone", phone, 30).phone("phone", phone);
      errors.email("email", email);
      errors.optionalText("whatsapp", whatsapp, 30).phone("whatsapp", whatsapp);
      errors.optionalText("officeHours", officeHours, 500);
      if (!errors.has("officeHours") && Office.statesTime(officeHours)) {
        errors.reject("officeHours", "profile.officeHours.noTimes");
      }
      errors.text("unitCode", unitCode, 40);
      if (unitCode != null
          && !errors.has("unitCode")
          && !unitCode.strip().matches("[0-9A-Za-z.\\-]+")) {
        errors.reject("unitCode", "office.error.unitCode");
      }
      errors.text("letterheadText", letterheadText, 1000);
      if (letterheadText != null
          && !errors.has("letterheadText")
          && letterheadText.strip().split("\\R").length > 6) {
        errors.reject("letterheadText", "office.error.letterheadLines", 6);
      }
      return errors;
    }

    Map<String, Object> values() {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("address", FieldErrors.clean(address));
      values.put("phone", FieldErrors.clean(phone));
      values.put("email", FieldErrors.clean(email));
      values.put("whatsapp", FieldErrors.clean(whatsapp));
      values.put("officeHours", FieldErrors.clean(officeHours));
      values.put("unitCode", FieldErrors.clean(unitCode));
      values.put("letterheadText", FieldErrors.clean(letterheadText));
      return values;
    }

    public static ProfileForm of(Office office) {
      return new ProfileForm(
          office.address(),
          office.phone(),
          office.email(),
          office.whatsapp(),
          office.officeHours(),
          office.unitCode(),
          office.letterheadText(),
          office.version());
    }
  }

  /** Saves the profile; a form based on an older version is refused as a conflict. */
  @Transactional
  public Outcome<Office> updateProfile(UUID officeId, ProfileForm form) {
    FieldErrors errors = form.validate();
    if (errors.any()) {
      return Outcome.failed(errors);
    }
    Office before = get(officeId);
    Map<String, Object> after = form.values();
    int updated =
        jdbc.sql(
                """
                update office set address = ?, phone = ?, email = ?, whatsapp = ?, office_hours = ?,
                  unit_code = ?, letterhead_lines = ?, version = version + 1, updated_at = now()
                where id = ? and version = ?
                """)
            .params(
                after.get("address"),
                after.get("phone"),
                after.get("email"),
                after.get("whatsapp"),
                after.get("officeHours"),
                after.get("unitCode"),
                after.get("letterheadText"),
                officeId,
                form.version() == null ? before.version() : form.version())
            .update();
    if (updated == 0) {
      return Outcome.failed(new FieldErrors().reject("version", "error.conflict"));
    }
    changes.changed(PLACES);
    audit.record(
        officeId,
        "office.profile.updated",
        "office",
        officeId,
        AuditTrail.changes(ProfileForm.of(before).values(), after));
    return Outcome.done(get(officeId));
  }

  /** The office logo: a PNG redrawn from the upload (older logos may still be JPEG). */
  public record Logo(byte[] bytes, String contentType) {}

  public static final int MAX_LOGO_BYTES = 200 * 1024;

  /** The longest side of a stored logo: 22 mm on a letter at well over 600 dpi. */
  public static final int LOGO_SIDE = 1000;

  /**
   * The longest side of the logo the public site shows: 48 CSS pixels on a phone at twice the
   * density, 64 on a wider screen at one and a half.
   */
  public static final int WEB_LOGO_SIDE = 96;

  /**
   * Replaces the logo after checking its real type (magic bytes) and size, then has the documents
   * module redraw it as a PNG (header dimensions checked before decoding, so a decompression bomb
   * is refused): what is stored and served is made of the pixels only, never the uploaded bytes.
   */
  @Transactional
  public FieldErrors updateLogo(UUID officeId, byte[] bytes) {
    FieldErrors errors = new FieldErrors();
    if (bytes == null || bytes.length == 0) {
      return errors.reject("logo", "office.error.logoMissing");
    } else if (bytes.length > MAX_LOGO_BYTES) {
      return errors.reject("logo", "office.error.logoTooLarge", MAX_LOGO_BYTES / 1024);
    } else if (LogoCheck.contentType(bytes) == null) {
      return errors.reject("logo", "office.error.logoType");
    }
    Outcome<Picture> redrawn = documents.picture("logo", bytes, LOGO_SIDE);
    if (!redrawn.ok()) {
      FieldErrors.Error error = redrawn.errors().get("logo");
      return switch (error.key()) {
        case "documents.error.type", "documents.error.unreadable" ->
            errors.reject("logo", "office.error.logoUnreadable");
        case "documents.error.dimensions", "documents.error.depth" ->
            errors.reject("logo", "office.error.logoDimensions");
        default -> errors.reject("logo", error.key(), error.args());
      };
    }
    Picture logo = redrawn.value();
    // drawn from the redrawn logo, which the documents module has just read
    Outcome<Picture> small = documents.picture("logo", logo.png(), WEB_LOGO_SIDE);
    byte[] web = small.ok() ? small.value().png() : logo.png();
    jdbc.sql(
            """
            update office set logo = ?, logo_content_type = ?, logo_web = ?, updated_at = now()
            where id = ?
            """)
        .params(logo.png(), logo.contentType(), web, officeId)
        .update();
    changes.changed(PLACES);
    audit.record(
        officeId,
        "office.logo.updated",
        "office",
        officeId,
        Map.of(
            "bytes", bytes.length,
            "type", logo.contentType(),
            "width", logo.width(),
            "height", logo.height()));
    return errors;
  }

  /** The logo as the public site shows it: the small rendition, or the full logo of older rows. */
  public Optional<Logo> webLogo(UUID officeId) {
    return jdbc.sql(
            """
            select coalesce(logo_web, logo),
              case when logo_web is not null then 'image/png' else logo_content_type end
            from office where id = ? and logo is not null
            """)
        .param(officeId)
        .query((rs, i) -> new Logo(rs.getBytes(1), rs.getString(2)))
        .optional();
  }

  public Optional<Logo> logo(UUID officeId) {
    return jdbc.sql("select logo, logo_content_type from office where id = ? and logo is not null")
        .param(officeId)
        .query((rs, i) -> new Logo(rs.getBytes(1), rs.getString(2)))
        .optional();
  }

  // ---- villages -------------------------------------------------------------------------------

  public List<Village> villages(UUID officeId) {
    return jdbc.sql(
            "select id, office_id, code, name, kind from village where office_id = ? order by name")
        .param(officeId)
        .query((rs, i) -> village(rs))
        .list();
  }

  /** A village of this office, empty for a village of another office. */
  public Optional<Village> village(UUID officeId, UUID villageId) {
    return jdbc.sql(
            "select id, office_id, code, name, kind from village where office_id = ? and id = ?")
        .params(officeId, villageId)
        .query((rs, i) -> village(rs))
        .optional();
  }

  /**
   * A village of this office by its published (Kemendagri) code, {@code 35.16.16.2009} or without
   * the dots {@code 3516162009}; empty for another office's village or no village.
   */
  public Optional<Village> villageByCode(UUID officeId, String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip();
    if (c.matches("[0-9]{10}")) {
      c =
          c.substring(0, 2)
              + "."
              + c.substring(2, 4)
              + "."
              + c.substring(4, 6)
              + "."
              + c.substring(6);
    }
    if (!c.matches("[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}")) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select id, office_id, code, name, kind from village where office_id = ? and code = ?")
        .params(officeId, c)
        .query((rs, i) -> village(rs))
        .optional();
  }

  private static Village village(ResultSet rs) throws SQLException {
    return new Village(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5));
  }

  // ---- officials ------------------------------------------------------------------------------

  public List<Official> officials(UUID officeId) {
    return jdbc.sql(
            "select office_id, position, name, nip, rank from official where office_id = ? order by position")
        .param(officeId)
        .query(
            (rs, i) ->
                new Official(
                    rs.getObject(1, UUID.class),
                    Official.Position.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  public Optional<Official> official(UUID officeId, Official.Position position) {
    return officials(officeId).stream().filter(o -> o.position() == position).findFirst();
  }

  /** Sets the Camat or Sekcam of an office. */
  @Transactional
  public FieldErrors updateOfficial(
      UUID officeId, Official.Position position, String name, String nip, String rank) {
    FieldErrors errors = new FieldErrors();
    errors.text("name", name, 120);
    String cleanNip = IdentityNumbers.normalise(nip);
    if (cleanNip.isEmpty()) {
      errors.reject("nip", "error.required");
    } else {
      identityNumbers.checkNip(cleanNip).stream()
          .findFirst()
          .ifPresent(problem -> errors.reject("nip", "office.error.nip", problem));
    }
    errors.text("rank", rank, 80);
    if (errors.any()) {
      return errors;
    }
    Optional<Official> before = official(officeId, position);
    jdbc.sql(
            """
            insert into official (office_id, position, name, nip, rank) values (?, ?, ?, ?, ?)
            on conflict (office_id, position)
            do update set name = excluded.name, nip = excluded.nip, rank = excluded.rank, updated_at = now()
            """)
        .params(officeId, position.name(), name.strip(), cleanNip, rank.strip())
        .update();
    Map<String, Object> old = new LinkedHashMap<>();
    before.ifPresent(
        o -> {
          old.put("name", o.name());
          old.put("nip", o.nip());
          old.put("rank", o.rank());
        });
    Map<String, Object> now = new LinkedHashMap<>();
    now.put("name", name.strip());
    now.put("nip", cleanNip);
    now.put("rank", rank.strip());
    audit.record(
        officeId, "official.updated", "official", position.name(), AuditTrail.changes(old, now));
    return errors;
  }

  private static Office office(ResultSet rs, int row) throws SQLException {
    return new Office(
        rs.getObject("id", UUID.class),
        rs.getObject("regency_id", UUID.class),
        rs.getString("code"),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getString("address"),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getString("whatsapp"),
        rs.getString("office_hours"),
        rs.getString("unit_code"),
        rs.getString("letterhead_lines"),
        rs.getBoolean("has_logo"),
        rs.getBoolean("active"),
        rs.getInt("version"));
  }
}
