package id.go.kecamatan.statistics.web;

import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.security.CurrentOfficer;
import id.go.kecamatan.shared.security.Officer;
import id.go.kecamatan.shared.security.Role;
import id.go.kecamatan.shared.web.NotFoundException;
import id.go.kecamatan.statistics.Figures;
import id.go.kecamatan.statistics.Statistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff dashboard of the statistics: an office's own figures (a village operator's village
 * only), and the regency administrator's figures across the offices of their regency; counts are
 * not suppressed here, and the officers' own reasons are shown.
 */
@Controller
class StaffStatisticsController {

  private final Statistics statistics;
  private final Offices offices;
  private final Catalog catalog;
  private final StaffAccounts accounts;

  StaffStatisticsController(
      Statistics statistics, Offices offices, Catalog catalog, StaffAccounts accounts) {
    this.statistics = statistics;
    this.offices = offices;
    this.catalog = catalog;
    this.accounts = accounts;
  }

  /** A village operator sees their village only, unless another role gives them the office. */
  static boolean villageOnly(Officer officer) {
    return officer.villageId() != null
        && officer.roles().stream().allMatch(r -> r == Role.VILLAGE_OPERATOR);
  }

  /** Who may download the registers: they hold the applicants' (masked) data of the office. */
  static boolean mayReadRegisters(Officer officer) {
    return officer.has(Role.OFFICE_ADMIN) || officer.has(Role.SIGNER) || officer.has(Role.VERIFIER);
  }

  @GetMapping("/admin/statistik")
  String office(
      @RequestParam(name = "dari", required = false) String from,
      @RequestParam(name = "sampai", required = false) String to,
      @RequestParam(name = "layanan", required = false) String service,
      @RequestParam(name = "desa", required = false) String village,
      @RequestParam(name = "kanal", required = false) String channel,
      @RequestParam(name = "petugas", required = false) String staff,
      Model model) {
    Officer officer = CurrentOfficer.inOffice();
    Office office = offices.get(officer.officeId());
    boolean villageOnly = villageOnly(officer);
    model.addAttribute(
        "view",
        officeView(
            office,
            "/admin/statistik",
            null,
            from,
            to,
            service,
            villageOnly ? officer.villageId().toString() : village,
            channel,
            villageOnly ? null : staff,
            villageOnly,
            true,
            mayReadRegisters(officer),
            officer.has(Role.OFFICE_ADMIN)));
    return "statistics/dashboard";
  }

  @GetMapping("/admin/kabupaten/statistik")
  String regency(
      @RequestParam(name = "kantor", required = false) String slug,
      @RequestParam(name = "dari", required = false) String from,
      @RequestParam(name = "sampai", required = false) String to,
      @RequestParam(name = "layanan", required = false) String service,
      @RequestParam(name = "desa", required = false) String village,
      @RequestParam(name = "kanal", required = false) String channel,
      @RequestParam(name = "petugas", required = false) String staff,
      Model model) {
    Officer officer = CurrentOfficer.require();
    UUID regencyId = officer.regencyId();
    var regency = offices.regency(regencyId).orElseThrow(NotFoundException::new);
    List<Office> list = offices.officesOf(regencyId);
    if (slug != null && !slug.isBlank()) {
      Office office =
          list.stream()
              .filter(o -> o.slug().equals(slug.strip()))
              .findFirst()
              .orElseThrow(NotFoundException::new);
      model.addAttribute(
          "view",
          officeView(
              office,
              "/admin/kabupaten/statistik",
              office.slug(),
              from,
              to,
              service,
              village,
              channel,
              staff,
              false,
              false,
              false,
              false));
      return "statistics/dashboard";
    }
    DashboardFilter filter =
        DashboardFilter.of(
            from,
            to,
            null,
            null,
            channel,
            null,
            statistics.currentMonth(),
            Set.of(),
            Set.of(),
            Set.of());
    Figures figures =
        statistics.figures(
            new Statistics.Selection(
                regencyId, filter.from(), filter.to(), null, filter.channel(), null));
    Map<UUID, Figures.Row> rows =
        statistics.perScope(list.stream().map(Office::id).toList(), filter.from(), filter.to());
    List<FigureTable> perOffice =
        list.stream()
            .map(o -> FigureTable.of(o.displayName(), o.slug(), rows.get(o.id()), false))
            .toList();
    model.addAttribute(
        "view",
        new DashboardView(
            regency.name(),
            "/admin/kabupaten/statistik",
            null,
            filter,
            List.of(),
            List.of(),
            List.of(),
            months(figures),
            FigureTable.of("total", "total", figures.total(), false),
            perOffice,
            true,
            List.of(),
            false,
            false,
            false,
            figures.asOf(),
            statistics.complaintGroups(regencyId, filter.from(), filter.to())));
    return "statistics/dashboard";
  }

  private DashboardView officeView(
      Office office,
      String action,
      String officeSlug,
      String from,
      String to,
      String service,
      String village,
      String channel,
      String staff,
      boolean villageFixed,
      boolean drillDown,
      boolean registers,
      boolean auditTrail) {
    List<ServiceType> services = catalog.allServices(office.id());
    List<Village> villages = offices.villages(office.id());
    List<Staff> deciders =
        villageFixed
            ? List.of()
            : accounts.staffOf(office.id()).stream()
                .filter(
                    s -> s.roles().contains(Role.VERIFIER) || s.roles().contains(Role.OFFICE_ADMIN))
                .sorted(Comparator.comparing(Staff::fullName))
                .toList();
    DashboardFilter filter =
        DashboardFilter.of(
            from,
            to,
            service,
            village,
            channel,
            staff,
            statistics.currentMonth(),
            services.stream().map(ServiceType::id).collect(Collectors.toSet()),
            villages.stream().map(Village::id).collect(Collectors.toSet()),
            deciders.stream().map(Staff::id).collect(Collectors.toSet()));
    // an officer's own figures are kept with their staff id as the scope
    Figures figures =
        statistics.figures(
            new Statistics.Selection(
                filter.officerId() != null ? filter.officerId() : office.id(),
                filter.from(),
                filter.to(),
                filter.serviceId(),
                filter.channel(),
                filter.villageId()));
    Map<UUID, String> names = new HashMap<>();
    services.forEach(s -> names.put(s.id(), s.name()));
    List<FigureTable> perService = new ArrayList<>();
    for (Figures.Row r : figures.services()) {
      perService.add(FigureTable.of(names.getOrDefault(r.serviceId(), "?"), r.key(), r, false));
    }
    perService.sort(Comparator.comparing(FigureTable::label));
    return new DashboardView(
        office.displayName(),
        action,
        officeSlug,
        filter,
        services.stream().map(s -> new DashboardView.Option(s.id().toString(), s.name())).toList(),
        villageFixed
            ? List.of()
            : villages.stream()
                .map(v -> new DashboardView.Option(v.id().toString(), v.name()))
                .toList(),
        deciders.stream()
            .map(d -> new DashboardView.Option(d.id().toString(), d.fullName()))
            .toList(),
        months(figures),
        FigureTable.of("total", "total", figures.total(), false),
        perService,
        false,
        statistics.reasons(office.id(), filter.from(), filter.to(), true),
        drillDown,
        registers,
        auditTrail,
        figures.asOf(),
        filter.serviceId() == null
                && filter.channel() == null
                && filter.villageId() == null
                && filter.officerId() == null
            ? statistics.complaintGroups(office.id(), filter.from(), filter.to())
            : List.of());
  }

  private static List<FigureTable> months(Figures figures) {
    return figures.months().stream().map(r -> FigureTable.of(r.key(), r.key(), r, false)).toList();
  }
}
