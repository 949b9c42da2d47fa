package id.go.kecamatan.catalog.web;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.OfficeAnnouncements;
import id.go.kecamatan.catalog.OfficeAppointments;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.catalog.web.PublicSite.RegencyOffices;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.OpeningHours;
import id.go.kecamatan.office.Regency;
import id.go.kecamatan.shared.db.Memo;
import id.go.kecamatan.shared.db.TableChanges;
import id.go.kecamatan.shared.web.Formats;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the public site shows of offices, regencies, the catalogue and the office's banner, kept in
 * memory until an administrator (or anyone) changes it on any node ({@link TableChanges}): a
 * service page then reads nothing from the database, an office page only its demand figures (they
 * change with every application). Searches are not kept: their words are anyone's.
 */
@Component
class SiteData {

  /** Entries per memo before it starts over; the keys come from addresses anyone can type. */
  static final int LIMIT = 2_000;

  record ServiceKey(UUID officeId, String code) {}

  record BannerKey(Office office, LocalDate day) {}

  record HoursKey(UUID officeId, Locale locale) {}

  private final Offices offices;
  private final OpeningHours openingHours;
  private final Catalog catalog;
  private final ObjectProvider<OfficeAnnouncements> announcements;
  private final ObjectProvider<OfficeAppointments> appointments;
  private final Clock clock;
  private final Memo<String, List<RegencyOffices>> home;
  private final Memo<String, Optional<RegencyOffices>> regencies;
  private final Memo<String, Optional<Office>> officesBySlug;
  private final Memo<UUID, Optional<Regency>> regencyOfOffice;
  private final Memo<UUID, List<ServiceType>> services;
  private final Memo<ServiceKey, Optional<ServiceType>> service;
  private final Memo<BannerKey, Optional<OfficeAnnouncements.Banner>> banners;
  private final Memo<HoursKey, List<String>> hours;
  private final Memo<Office, Optional<String>> bookings;

  SiteData(
      Offices offices,
      OpeningHours openingHours,
      Catalog catalog,
      ObjectProvider<OfficeAnnouncements> announcements,
      ObjectProvider<OfficeAppointments> appointments,
      Clock clock,
      TableChanges changes) {
    this.offices = offices;
    this.openingHours = openingHours;
    this.catalog = catalog;
    this.announcements = announcements;
    this.appointments = appointments;
    this.clock = clock;
    Set<String> places = Set.of("regency", "office");
    Set<String> catalogue = Set.of("service_type", "requirement");
    this.home = changes.memo("site.home", places, LIMIT);
    this.regencies = changes.memo("site.regencies", places, LIMIT);
    this.officesBySlug = changes.memo("site.offices", places, LIMIT);
    this.regencyOfOffice = changes.memo("site.officeRegency", places, LIMIT);
    this.services = changes.memo("site.services", catalogue, LIMIT);
    this.service = changes.memo("site.service", catalogue, LIMIT);
    this.banners = changes.memo("site.banners", Set.of("announcement", "office"), LIMIT);
    this.hours = changes.memo("site.hours", Set.of("opening_hours"), LIMIT);
    this.bookings = changes.memo("site.bookings", Set.of("appointment_type", "office"), LIMIT);
  }

  /**
   * The office's opening hours as its page lists them, in a language: the hours the counter's kiosk
   * and the appointments go by ({@link OpeningHours}), never a text that could say other hours.
   */
  List<String> hours(Office office, Locale locale) {
    Locale language = Formats.language(locale);
    return hours.get(
        new HoursKey(office.id(), language), key -> openingHours.lines(key.officeId(), language));
  }

  /** The regencies with their active offices, those without any left out. */
  List<RegencyOffices> regenciesWithOffices() {
    return home.get(
        "all",
        k ->
            offices.regencies().stream()
                .map(this::withActiveOffices)
                .filter(r -> !r.offices().isEmpty())
                .toList());
  }

  /** A regency by its code with its active offices. */
  Optional<RegencyOffices> regency(String code) {
    return regencies.get(code, c -> offices.regencyByCode(c).map(this::withActiveOffices));
  }

  private RegencyOffices withActiveOffices(Regency regency) {
    return new RegencyOffices(
        regency, offices.officesOf(regency.id()).stream().filter(Office::active).toList());
  }

  /** An active office by its slug. */
  Optional<Office> office(String slug) {
    return officesBySlug.get(slug, offices::bySlug);
  }

  /** The office's regency. */
  Regency regencyOf(Office office) {
    return regencyOfOffice.get(office.regencyId(), offices::regency).orElseThrow();
  }

  /** The office's active services, or those matching a search (read each time). */
  List<ServiceType> activeServices(UUID officeId, String query) {
    if (!query.isEmpty()) {
      return catalog.activeServices(officeId, query);
    }
    return services.get(officeId, id -> catalog.activeServices(id, ""));
  }

  /** An active service of the office by its code (any case). */
  Optional<ServiceType> activeService(UUID officeId, String code) {
    return service.get(
        new ServiceKey(officeId, code.toLowerCase(Locale.ROOT)),
        key -> catalog.activeService(key.officeId(), key.code()));
  }

  /** The banner on the office's page today, if any (none without the content module). */
  Optional<OfficeAnnouncements.Banner> banner(Office office) {
    OfficeAnnouncements news = announcements.getIfAvailable();
    if (news == null) {
      return Optional.empty();
    }
    return banners.get(
        new BannerKey(office, LocalDate.now(clock)), key -> news.banner(key.office()));
  }

  /**
   * The office's booking page, when it takes appointments (none without the appointments module).
   */
  Optional<String> bookingPath(Office office) {
    OfficeAppointments booking = appointments.getIfAvailable();
    if (booking == null) {
      return Optional.empty();
    }
    return bookings.get(office, booking::bookingPath);
  }
}
