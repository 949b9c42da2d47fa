package id.go.kecamatan.statistics.web;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.application.Channel;
import id.go.kecamatan.audit.AuditTrail;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.statistics.Statistics;
import id.go.kecamatan.statistics.internal.Registers;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registers for staff as XLSX, of the signed-in officer's office only: outgoing letters (surat
 * keluar, the applicant's name masked) and applications with their dates. Each download is audited.
 */
@Controller
class RegisterController {

  private final Registers registers;
  private final Statistics statistics;
  private final Offices offices;
  private final Catalog catalog;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final StaffAccounts accounts;
  private final String zone;

  RegisterController(
      Registers registers,
      Statistics statistics,
      Offices offices,
      Catalog catalog,
      AuditTrail audit,
      MessageSource messages,
      StaffAccounts accounts,
      java.time.Clock clock) {
    this.zone = id.go.kecamatan.shared.web.Zone.of(clock).label();
    this.registers = registers;
    this.statistics = statistics;
    this.offices = offices;
    this.catalog = catalog;
    this.audit = audit;
    this.messages = messages;
    this.accounts = accounts;
  }

  @GetMapping("/admin/statistik/register/surat-keluar.xlsx")
  void letters(
      @RequestParam(name = "dari", required = false) String from,
      @RequestParam(name = "sampai", required = false) String to,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    Officer officer = officer();
    Office office = offices.get(officer.officeId());
    DashboardFilter filter = filter(office, from, to, null, null, null);
    start(response, "surat-keluar-" + office.slug() + "-" + filter.from() + "-" + filter.to());
    int rows =
        registers.letters(
            office.id(),
            filter.from(),
            filter.to(),
            headings(Registers.LETTER_COLUMNS, locale),
            response.getOutputStream());
    audited(office, "statistics.register.letters", filter, rows);
  }

  @GetMapping("/admin/statistik/register/permohonan.xlsx")
  void applications(
      @RequestParam(name = "dari", required = false) String from,
      @RequestParam(name = "sampai", required = false) String to,
      @RequestParam(name = "layanan", required = false) String service,
      @RequestParam(name = "desa", required = false) String village,
      @RequestParam(name = "kanal", required = false) String channel,
      @RequestParam(name = "petugas", required = false) String staff,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    Officer officer = officer();
    Office office = offices.get(officer.officeId());
    // the officer filter as the dashboard's: the applications now assigned to one of the office's
    // verifiers or admins (anything else is ignored, as there)
    Set<UUID> deciders =
        accounts.staffOf(office.id()).stream()
            .filter(s -> s.roles().contains(Role.VERIFIER) || s.roles().contains(Role.OFFICE_ADMIN))
            .map(Staff::id)
            .collect(Collectors.toSet());
    DashboardFilter filter = filter(office, from, to, service, village, channel, staff, deciders);
    Map<UUID, String> services = new HashMap<>();
    catalog.allServices(office.id()).forEach(s -> services.put(s.id(), s.name()));
    Map<UUID, String> villages = new HashMap<>();
    offices.villages(office.id()).forEach(v -> villages.put(v.id(), v.name()));
    Map<String, String> texts = new LinkedHashMap<>();
    for (Channel c : Channel.values()) {
      texts.put(c.name(), t("statistics.channel." + c.name(), locale));
    }
    for (ApplicationStatus s : ApplicationStatus.values()) {
      texts.put(s.name(), t("status.name." + s.name(), locale));
    }
    texts.put("yes", t("statistics.register.yes", locale));
    texts.put("no", t("statistics.register.no", locale));
    start(response, "permohonan-" + office.slug() + "-" + filter.from() + "-" + filter.to());
    int rows =
        registers.applications(
            office.id(),
            filter.from(),
            filter.to(),
            filter.serviceId(),
            filter.villageId(),
            filter.channel(),
            filter.officerId(),
            headings(Registers.APPLICATION_COLUMNS, locale),
            services,
            villages,
            texts,
            response.getOutputStream());
    audited(office, "statistics.register.applications", filter, rows);
  }

  /**
   * The office's audit trail of a period (jejak audit), for the office administrator only: who did
   * what and when, streamed; the extract is itself audited.
   */
  @GetMapping("/admin/statistik/register/jejak-audit.xlsx")
  void auditTrail(
      @RequestParam(name = "dari", required = false) String from,
      @RequestParam(name = "sampai", required = false) String to,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    Officer officer = CurrentOfficer.inOffice();
    if (!officer.has(Role.OFFICE_ADMIN)) {
      throw new AccessDeniedException("the audit trail is the office administrator's");
    }
    Office office = offices.get(officer.officeId());
    DashboardFilter filter = filter(office, from, to, null, null, null);
    start(response, "jejak-audit-" + office.slug() + "-" + filter.from() + "-" + filter.to());
    int rows =
        registers.auditTrail(
            office.id(),
            filter.from(),
            filter.to(),
            headings(Registers.AUDIT_COLUMNS, locale),
            // what was done and by whom in the reader's language, as the audit page shows them
            action -> messages.getMessage("audit.action." + action, null, action, locale),
            messages.getMessage("audit.system", null, locale),
            response.getOutputStream());
    audited(office, "statistics.register.audit", filter, rows);
  }

  private static Officer officer() {
    Officer officer = CurrentOfficer.inOffice();
    if (!StaffStatisticsController.mayReadRegisters(officer)) {
      throw new AccessDeniedException("registers are the office admin's, verifiers' and signers'");
    }
    return officer;
  }

  private DashboardFilter filter(
      Office office, String from, String to, String service, String village, String channel) {
    return filter(office, from, to, service, village, channel, null, Set.of());
  }

  private DashboardFilter filter(
      Office office,
      String from,
      String to,
      String service,
      String village,
      String channel,
      String staff,
      Set<UUID> staffIds) {
    return DashboardFilter.of(
        from,
        to,
        service,
        village,
        channel,
        staff,
        statistics.currentMonth(),
        catalog.allServices(office.id()).stream().map(ServiceType::id).collect(Collectors.toSet()),
        offices.villages(office.id()).stream().map(Village::id).collect(Collectors.toSet()),
        staffIds);
  }

  private static void start(HttpServletResponse response, String name) {
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
  }

  private void audited(Office office, String action, DashboardFilter filter, int rows) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("period", filter.from() + ".." + filter.to());
    details.put("rows", rows);
    if (filter.officerId() != null) {
      details.put("officer", filter.officerId().toString());
    }
    audit.record(office.id(), action, "office", office.id(), details);
  }

  /** The columns' headings; a time's names the zone ({@code Waktu (WITA)}). */
  private List<String> headings(List<String> keys, Locale locale) {
    return keys.stream().map(k -> messages.getMessage(k, new Object[] {zone}, locale)).toList();
  }

  private String t(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
