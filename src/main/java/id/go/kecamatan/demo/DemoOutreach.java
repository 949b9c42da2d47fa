package id.go.kecamatan.demo;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import id.go.kecamatan.office.Village;
import id.go.kecamatan.shared.web.CampaignTag;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo outreach of an office: short codes for a poster at two villages, the counter sticker, a
 * WhatsApp group and a brochure, each with 30 days of scans, started and submitted applications
 * (fewer of each, as in real campaigns; the village posters bring the most), so the office
 * administrator's list at {@code /admin/sosialisasi/kode} shows which campaign works. Written
 * straight into the tables with their past days (a real scan counts today), from a fixed seed per
 * office.
 */
@Component
@ConditionalOnProperty(name = "layanan.demo.enabled", havingValue = "true")
class DemoOutreach {

  /**
   * Label, source, village index (or -1), service code (or null for the office page), scans a day.
   */
  private record Campaign(String label, String source, int village, String service, int scans) {}

  private static final List<Campaign> CAMPAIGNS =
      List.of(
          new Campaign("Poster balai desa", "VILLAGE_POSTER", 0, "DOMISILI", 6),
          new Campaign("Poster balai desa", "VILLAGE_POSTER", 1, "SKTM", 3),
          new Campaign("Stiker meja loket", "COUNTER_STICKER", -1, null, 4),
          new Campaign("Pesan grup WhatsApp PKK", "WHATSAPP", -1, "SKCK", 2),
          new Campaign("Brosur layanan daring", "BROCHURE", -1, null, 1));

  private final JdbcClient jdbc;
  private final Offices offices;
  private final Catalog catalog;
  private final Clock clock;

  DemoOutreach(JdbcClient jdbc, Offices offices, Catalog catalog, Clock clock) {
    this.jdbc = jdbc;
    this.offices = offices;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** Makes the office's demo codes and their figures, unless it has codes already. */
  void load(Office office, String key) {
    if (jdbc.sql("select count(*) from short_code where office_id = ?")
            .param(office.id())
            .query(Long.class)
            .single()
        > 0) {
      return;
    }
    Random random = new Random(("outreach" + office.code()).hashCode());
    List<Village> villages = offices.villages(office.id());
    LocalDate today = LocalDate.now(clock);
    int minute = 0;
    for (Campaign campaign : CAMPAIGNS) {
      if (campaign.village() >= villages.size()) {
        continue;
      }
      Village village = campaign.village() < 0 ? null : villages.get(campaign.village());
      UUID serviceId =
          campaign.service() == null
              ? null
              : catalog
                  .activeService(office.id(), campaign.service())
                  .map(ServiceType::id)
                  .orElse(null);
      UUID id = UUID.randomUUID();
      Timestamp created =
          Timestamp.from(
              today.minusDays(30).atTime(8, minute++).atZone(clock.getZone()).toInstant());
      String label = village == null ? campaign.label() : campaign.label() + " " + village.name();
      int inserted = 0;
      while (inserted == 0) {
        inserted =
            jdbc.sql(
                    """
                    insert into short_code (id, office_id, code, label, source, village_id,
                      service_id, created_at, created_by, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing
                    """)
                .params(
                    id,
                    office.id(),
                    code(random),
                    label,
                    campaign.source(),
                    village == null ? null : village.id(),
                    serviceId,
                    created,
                    "Admin Kecamatan (admin." + key + ")",
                    created)
                .update();
      }
      for (int back = 29; back >= 0; back--) {
        int scans = random.nextInt(2 * campaign.scans() + 1);
        int started = scans == 0 ? 0 : random.nextInt(scans / 2 + 1);
        int submitted = started == 0 ? 0 : random.nextInt(started + 1);
        if (scans > 0) {
          jdbc.sql(
                  """
                  insert into short_code_day (office_id, short_code_id, day, scans, started,
                    submitted) values (?, ?, ?, ?, ?, ?)
                  """)
              .params(
                  office.id(), id, Date.valueOf(today.minusDays(back)), scans, started, submitted)
              .update();
        }
      }
    }
  }

  private static String code(Random random) {
    StringBuilder code = new StringBuilder(CampaignTag.LENGTH);
    for (int i = 0; i < CampaignTag.LENGTH; i++) {
      code.append(CampaignTag.ALPHABET.charAt(random.nextInt(CampaignTag.ALPHABET.length())));
    }
    return code.toString();
  }
}
