package id.go.kecamatan.demo;

import id.go.kecamatan.accounts.SecondFactors;
import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.StaffForm;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.FormField;
import id.go.kecamatan.catalog.FormFieldForm;
import id.go.kecamatan.catalog.FormFields;
import id.go.kecamatan.catalog.RequirementForm;
import id.go.kecamatan.catalog.ServiceForm;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.letters.SignerProfiles;
import id.go.kecamatan.letters.SigningKeys;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Official;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo offices, catalogue and accounts into an empty database at start-up ({@link
 * DemoDataAtStart}).
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
public class DemoData {

  /** The password of every demo account. Demo data only: never enable demo data in production. */
  static final String PASSWORD = "Demo-Kecamatan-2026";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** A demo office: region code, short name for user names, and profile details. */
  record DemoOffice(
      String code,
      String key,
      String address,
      String phone,
      String email,
      String whatsapp,
      String unitCode,
      String camat,
      String camatNip,
      String sekcam,
      String sekcamNip) {}

  static final List<DemoOffice> OFFICES =
      List.of(
          new DemoOffice(
              "35.16.16",
              "jetis",
              "Jl. Raya Jetis No. 58, Jetis, Kabupaten Mojokerto 61352",
              "(0321) 361234",
              "kecamatan.jetis@mojokertokab.go.id",
              "0812-3456-7801",
              "416.305",
              "Drs. Bambang Wahyudi, M.Si.",
              "197205141998031004",
              "Sri Rahayu, S.Sos.",
              "197811232005012003"),
          new DemoOffice(
              "33.02.27",
              "purwokertoutara",
              "Jl. Prof. Dr. HR. Boenyamin No. 45, Purwokerto Utara, Banyumas 53122",
              "(0281) 635210",
              "kec.purwokertoutara@banyumaskab.go.id",
              "0812-3456-7802",
              "400.3.2.27",
              "Agus Santoso, S.STP., M.Si.",
              "198003122000121001",
              "Dewi Lestari, S.H.",
              "198205172006042008"),
          new DemoOffice(
              "12.77.03",
              "batunadua",
              "Jl. Sisingamangaraja Km. 7, Batunadua Julu, Padangsidimpuan 22733",
              "(0634) 4321567",
              "kec.batunadua@padangsidimpuankota.go.id",
              "0812-3456-7803",
              "12.77.03",
              "Muhammad Yusuf Harahap, S.Sos.",
              "197601082003121002",
              "Rina Siregar, S.E.",
              "198309262009022005"));

  private final Offices offices;
  private final Catalog catalog;
  private final FormFields forms;
  private final StaffAccounts accounts;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final DemoApplications applications;
  private final DemoComplaints complaints;
  private final DemoAppointments appointments;
  private final DemoSurveys surveys;
  private final DemoOutreach outreach;
  private final DemoAnnouncements announcements;
  private final DemoFaqs faqs;
  private final DemoCounter counter;
  private final org.springframework.beans.factory.ObjectProvider<DemoHistory> history;
  private final SignerProfiles signers;
  private final SigningKeys signingKeys;
  private final SecondFactors secondFactors;

  DemoData(
      Offices offices,
      Catalog catalog,
      FormFields forms,
      StaffAccounts accounts,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      DemoApplications applications,
      DemoComplaints complaints,
      DemoAppointments appointments,
      DemoSurveys surveys,
      DemoOutreach outreach,
      DemoAnnouncements announcements,
      DemoFaqs faqs,
      DemoCounter counter,
      org.springframework.beans.factory.ObjectProvider<DemoHistory> history,
      SignerProfiles signers,
      SigningKeys signingKeys,
      SecondFactors secondFactors) {
    this.secondFactors = secondFactors;
    this.applications = applications;
    this.complaints = complaints;
    this.appointments = appointments;
    this.surveys = surveys;
    this.outreach = outreach;
    this.announcements = announcements;
    this.faqs = faqs;
    this.counter = counter;
    this.history = history;
    this.signers = signers;
    this.signingKeys = signingKeys;
    this.offices = offices;
    this.catalog = catalog;
    this.forms = forms;
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** Loads everything into a database without offices ({@link DemoDataAtStart}). */
  void loadIntoEmptyDatabase() {
    long start = System.nanoTime();
    boolean past = history.getIfAvailable() != null;
    log.info(
        "Loading the demo data (3 offices, 14 services each, demo accounts{}): once, into the empty"
            + " database; this takes {}",
        past ? ", a year of past applications and their letters" : "",
        past ? "a minute or two on two cores" : "less than a minute");
    List<Runnable> letters = new ArrayList<>();
    transactions.executeWithoutResult(
        status -> {
          JsonNode services = readServices();
          for (DemoOffice demo : OFFICES) {
            load(demo, services, letters);
            log.info(
                "Demo office {} made ({} of {}, {} s so far)",
                demo.key(),
                OFFICES.indexOf(demo) + 1,
                OFFICES.size(),
                (System.nanoTime() - start) / 1_000_000_000L);
          }
        });
    log.info(
        "Signing the demo letters ({} s so far)", (System.nanoTime() - start) / 1_000_000_000L);
    issue(letters);
    log.info("Demo data loaded in {} s", (System.nanoTime() - start) / 1_000_000_000L);
  }

  /**
   * Signs the demo letters, in a transaction after the one that made the signers: signing counts a
   * signer's passphrase tries in a transaction of its own, which would wait for a signer's row not
   * committed yet once that signer signs a second batch. One transaction for them all, so each
   * letter is dated before the statistics read it (after the commit).
   */
  private void issue(List<Runnable> letters) {
    transactions.executeWithoutResult(status -> letters.forEach(Runnable::run));
  }

  /**
   * One more office with everything the demo offices have (services, staff {@code admin.<key>},
   * {@code loket.<key>}, {@code desa.<key>}, {@code verifikator.<key>}, {@code camat.<key>}, {@code
   * sekcam.<key>}, signing keys, applications): for tests that change what they touch, so that the
   * three demo offices stay as the other tests expect.
   *
   * @param code the office's district code (a kecamatan of the region directory)
   * @param key the suffix of the user names
   */
  public void loadOffice(String code, String key) {
    DemoOffice demo =
        new DemoOffice(
            code,
            key,
            "Jl. Raya No. 1",
            "(0321) 000000",
            "kecamatan." + key + "@kecamatan.example",
            "0812-0000-0000",
            code,
            "Camat " + key,
            "197001011990031001",
            "Sekcam " + key,
            "197101011991032001");
    List<Runnable> letters = new ArrayList<>();
    transactions.executeWithoutResult(status -> load(demo, readServices(), letters));
    issue(letters);
  }

  private void load(DemoOffice demo, JsonNode services, List<Runnable> letters) {
    {
      int index = Math.max(0, OFFICES.indexOf(demo));
      Regency regency = offices.ensureRegency(demo.code().substring(0, 5));
      if (accounts.byUsername(regencyUser(regency)).isEmpty()) {
        UUID admin =
            accounts.createRegencyAdmin(
                regency.id(), regencyUser(regency), "Admin " + regency.name(), PASSWORD);
        enrolIfRequired(admin, regencyUser(regency), Set.of(Role.REGENCY_ADMIN));
      }
      Outcome<Office> created = offices.createOffice(regency.id(), demo.code());
      Office office = created.value();
      offices.updateProfile(
          office.id(),
          new Offices.ProfileForm(
              demo.address(),
              demo.phone(),
              demo.email(),
              demo.whatsapp(),
              "Penutupan kantor dan cuti bersama diumumkan di halaman Pengumuman.",
              demo.unitCode(),
              "PEMERINTAH "
                  + regency.name().toUpperCase()
                  + "\nKECAMATAN "
                  + office.name().toUpperCase()
                  + "\n"
                  + demo.address(),
              office.version()));
      offices.updateOfficial(
          office.id(), Official.Position.CAMAT, demo.camat(), demo.camatNip(), "Pembina (IV/a)");
      offices.updateOfficial(
          office.id(),
          Official.Position.SEKCAM,
          demo.sekcam(),
          demo.sekcamNip(),
          "Penata Tingkat I (III/d)");
      if (offices.updateLogo(office.id(), DemoLogos.emblem(index)).any()) {
        throw new IllegalStateException("The demo logo was refused");
      }
      Office current = offices.get(office.id());
      for (JsonNode service : services) {
        addService(current, service);
      }
      addStaff(office, demo);
      addSigningKeys(office);
      for (Staff staff : accounts.staffOf(office.id())) {
        enrolIfRequired(staff.id(), staff.username(), staff.roles());
      }
      // the history first: its letters take the year's first numbers, today's the next ones
      DemoHistory past = history.getIfAvailable();
      if (past != null) {
        Office loaded = offices.get(office.id());
        past.load(loaded, demo.key(), index);
        letters.add(() -> past.signLetters(loaded, demo.key()));
      }
      letters.add(applications.load(offices.get(office.id()), demo.key()));
      complaints.load(offices.get(office.id()), demo.key());
      // after the history: the survey's respondents rate the services the office finished
      surveys.load(offices.get(office.id()), index);
      outreach.load(offices.get(office.id()), demo.key());
      announcements.load(offices.get(office.id()), demo.key(), regencyUser(regency));
      faqs.load(offices.get(office.id()), demo.key(), regencyUser(regency));
      counter.load(offices.get(office.id()));
      // after the counter: the bookings check in to its service groups
      appointments.load(offices.get(office.id()), demo.key());
    }
  }

  static String regencyUser(Regency regency) {
    return "kab." + regency.code().replace(".", "");
  }

  private void addService(Office office, JsonNode s) {
    int days = s.get("days").asInt();
    boolean online = !s.has("online") || s.get("online").asBoolean();
    String steps =
        online
            ? String.join(
                "\n",
                "Pemohon mengajukan permohonan secara daring atau di loket kecamatan/kantor desa dengan mengunggah persyaratan",
                "Petugas memeriksa kelengkapan dan keabsahan persyaratan",
                "Bila ada kekurangan, pemohon diberi tahu dan melengkapi bagian yang kurang",
                "Verifikator memproses dan menyiapkan surat",
                "Camat atau pejabat yang ditunjuk menandatangani surat secara elektronik",
                "Pemohon mengunduh surat atau mengambilnya di loket")
            : String.join(
                "\n",
                "Pemohon mengambil nomor antrean atau membuat janji temu",
                "Petugas memeriksa persyaratan",
                "Perekaman foto, sidik jari, iris mata dan tanda tangan",
                "Pemohon menerima bukti perekaman");
    ServiceForm form =
        new ServiceForm(
            s.get("code").asText(),
            s.get("name").asText(),
            s.get("category").asText(),
            s.get("description").asText(),
            steps,
            Integer.toString(days),
            "0",
            s.get("product").asText(),
            "Disampaikan langsung ke loket pengaduan "
                + office.displayName()
                + ", telepon "
                + office.phone()
                + ", WhatsApp "
                + office.whatsapp()
                + ", e-mail "
                + office.email()
                + ", secara daring di halaman Pengaduan situs ini, atau melalui SP4N-LAPOR! (lapor.go.id)."
                + " Pengaduan diverifikasi dalam 3 hari kerja dan dijawab paling lama 2, 5 atau 14 hari"
                + " kerja menurut kategorinya.",
            s.get("legal").asText(),
            "Ruang tunggu ber-AC, loket pelayanan, komputer dan pemindai, akses kursi roda, toilet, jaringan internet",
            "Memahami peraturan administrasi kependudukan dan pelayanan publik; mampu mengoperasikan komputer; ramah dan komunikatif",
            "Dilakukan oleh Sekretaris Camat dan atasan langsung secara berkala",
            "2 orang petugas loket, 1 verifikator, 1 penandatangan",
            "Pelayanan diselesaikan sesuai jangka waktu dan tanpa biaya; bila terlambat, pemohon dapat mengadu",
            "Data pribadi pemohon dijaga kerahasiaannya; dokumen hanya dapat dibuka petugas yang berwenang; surat dapat diverifikasi keasliannya melalui kode QR",
            "Survei Kepuasan Masyarakat (IKM) setiap triwulan dan evaluasi kinerja pelaksana setiap tahun",
            s.get("classification").asText(),
            online,
            true,
            online,
            s.has("secondCheck") ? s.get("secondCheck").asText() : "",
            null);
    Outcome<ServiceType> created = catalog.create(office.id(), form);
    if (!created.ok()) {
      throw new IllegalStateException(
          "Demo service " + s.get("code").asText() + " is invalid: " + created.errors().all());
    }
    for (JsonNode r : s.get("requirements")) {
      catalog.addRequirement(
          office.id(),
          created.value().id(),
          new RequirementForm(
              r.get(0).asText(),
              r.get(1).isNull() ? null : r.get(1).asText(),
              r.get(2).asBoolean()));
    }
    for (JsonNode q : s.get("form")) {
      Outcome<FormField> added = forms.add(office.id(), created.value().id(), question(q));
      if (!added.ok()) {
        throw new IllegalStateException(
            "Demo question " + q.get("key").asText() + " is invalid: " + added.errors().all());
      }
    }
  }

  /**
   * A question of services.json: key, type, id/en labels and optional help, req, limits, opts,
   * when.
   */
  private static FormFieldForm question(JsonNode q) {
    StringBuilder options = new StringBuilder();
    if (q.has("opts")) {
      for (JsonNode o : q.get("opts")) {
        options
            .append(o.get(0).asText())
            .append('|')
            .append(o.get(1).asText())
            .append('|')
            .append(o.get(2).asText())
            .append('\n');
      }
    }
    JsonNode pattern = q.get("pattern");
    return new FormFieldForm(
        q.get("key").asText(),
        q.get("type").asText(),
        q.get("id").asText(),
        q.get("en").asText(),
        q.has("help") ? q.get("help").get(0).asText() : "",
        q.has("help") ? q.get("help").get(1).asText() : "",
        !q.has("req") || q.get("req").asBoolean(),
        text(q, "minLen"),
        text(q, "maxLen"),
        text(q, "min"),
        text(q, "max"),
        pattern == null ? "" : pattern.get(0).asText(),
        pattern == null ? "" : pattern.get(1).asText(),
        pattern == null ? "" : pattern.get(2).asText(),
        text(q, "minDays"),
        text(q, "maxDays"),
        options.toString(),
        q.has("when") ? q.get("when").get(0).asText() : "",
        q.has("when") ? q.get("when").get(1).asText() : "",
        null);
  }

  private static String text(JsonNode node, String name) {
    return node.has(name) ? node.get(name).asText() : "";
  }

  private void addStaff(Office office, DemoOffice demo) {
    String key = demo.key();
    String village = offices.villages(office.id()).get(0).id().toString();
    create(
        office, "admin." + key, "Admin " + office.displayName(), Set.of(Role.OFFICE_ADMIN), null);
    create(
        office, "loket." + key, "Petugas Loket " + office.name(), Set.of(Role.FRONT_OFFICE), null);
    create(
        office,
        "desa." + key,
        "Operator Desa " + offices.villages(office.id()).get(0).name(),
        Set.of(Role.VILLAGE_OPERATOR),
        village);
    create(
        office, "verifikator." + key, "Verifikator " + office.name(), Set.of(Role.VERIFIER), null);
    // the signers carry the officials' names and NIPs: they are printed on the letters
    Staff camat =
        create(office, "camat." + key, demo.camat(), demo.camatNip(), Set.of(Role.SIGNER));
    Staff sekcam =
        create(office, "sekcam." + key, demo.sekcam(), demo.sekcamNip(), Set.of(Role.SIGNER));
    signers.set(office.id(), camat.id(), "CAMAT", "Camat " + office.name(), "Pembina (IV/a)");
    signers.set(
        office.id(), sekcam.id(), "SEKCAM", "Sekretaris Kecamatan", "Penata Tingkat I (III/d)");
  }

  /**
   * The demo address of a demo account, on the reserved {@code .example} domain (RFC 2606), so a
   * demo with a real mail server configured never writes to anyone: {@code
   * camat.jetis@jetis.kecamatan.example}.
   */
  static String email(String username) {
    String key = username.substring(username.indexOf('.') + 1);
    return username + "@" + key + ".kecamatan.example";
  }

  private Staff create(Office office, String username, String name, String nip, Set<Role> roles) {
    Outcome<Staff> created =
        accounts.create(
            office.id(),
            new StaffForm(username, name, nip, email(username), roles, null, PASSWORD));
    if (!created.ok()) {
      throw new IllegalStateException(
          "Demo account " + username + " is invalid: " + created.errors().all());
    }
    return created.value();
  }

  /**
   * The accounts that must use a second factor get an authenticator with the demo's known secret
   * ({@link DemoAuthenticator}), so the demo's codes page can show their current codes.
   */
  private void enrolIfRequired(UUID staffId, String username, Set<Role> roles) {
    if (secondFactors.required(roles)) {
      secondFactors.enrolWithSecret(staffId, DemoAuthenticator.secretOf(username));
    }
  }

  /** A signing key for every signer, under the demo password. */
  private void addSigningKeys(Office office) {
    for (Staff staff : accounts.staffOf(office.id())) {
      if (staff.roles().contains(Role.SIGNER)) {
        signingKeys.create(
            staff.id(), office.id(), staff.fullName(), staff.nip(), PASSWORD.toCharArray());
      }
    }
  }

  private void create(
      Office office, String username, String name, Set<Role> roles, String village) {
    Outcome<?> created =
        accounts.create(
            office.id(),
            new StaffForm(username, name, null, email(username), roles, village, PASSWORD));
    if (!created.ok()) {
      throw new IllegalStateException(
          "Demo account " + username + " is invalid: " + created.errors().all());
    }
  }

  private static JsonNode readServices() {
    try (InputStream in = new ClassPathResource("demo/services.json").getInputStream()) {
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
