package id.go.kecamatan.demo;

import id.go.kecamatan.office.Office;
import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.FollowUp;
import id.go.kecamatan.surveys.FollowUps;
import id.go.kecamatan.surveys.Instrument;
import id.go.kecamatan.surveys.Period;
import id.go.kecamatan.surveys.SurveyAnswered;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo survey responses (IKM) of an office over the last six months, so the reports, the public IKM
 * pages and their trends show real figures: 20 to 45 working-day responses a month, from every
 * channel, about the services the office's finished applications were for (each application rated
 * at most once, in its month, so a service never has more respondents than users), each office with
 * its own strengths and weaknesses (the handling of complaints and the facilities a little weaker,
 * as in most published reports) and a slow improvement month by month; a few with saran/kritik, the
 * friendly ones published; and the rencana tindak lanjut of the previous quarter for its three
 * lowest elements, one item done, one under way. Written straight into the table with their past
 * dates (the survey's own forms date a response today), from a fixed seed per office, so every demo
 * shows the same figures; each publishes {@link SurveyAnswered} as the surveys module's store does,
 * so the statistics count them too.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
    name = "layanan.demo.enabled",
    havingValue = "true")
class DemoSurveys {

  /** Per office (in the order of {@link DemoData#OFFICES}), the mean score of each element. */
  private static final double[][] MEANS = {
    {3.4, 3.3, 3.1, 3.9, 3.4, 3.4, 3.6, 2.9, 3.0},
    {3.6, 3.5, 3.5, 3.95, 3.6, 3.6, 3.7, 3.3, 3.4},
    {3.1, 3.0, 2.8, 3.8, 3.1, 3.2, 3.4, 2.6, 2.7}
  };

  private static final String[] CHANNELS = {
    "INVITATION", "INVITATION", "WALK_IN", "WALK_IN", "COUNTER", "COUNTER", "PAPER"
  };

  private static final List<String> SUGGESTIONS =
      List.of(
          "Ruang tunggu mohon ditambah kipas angin, siang hari panas.",
          "Petugas loket ramah dan menjelaskan persyaratan dengan jelas.",
          "Kotak saran di depan kantor sebaiknya dibuka dan ditanggapi.",
          "Pengajuan online sangat membantu, tidak perlu bolak-balik ke kantor.",
          "Mohon papan informasi alur pelayanan dipasang di dekat pintu masuk.",
          "Antrean pagi cukup panjang, mohon loket dibuka tepat waktu.",
          "Parkir motor sempit saat hari pasar.",
          "Terima kasih, surat selesai sehari sesuai janji.");

  /** The saran/kritik the demo office published (the others are left for moderation). */
  private static final List<String> PUBLISHED = List.of(SUGGESTIONS.get(0), SUGGESTIONS.get(1));

  /** Per element, a programme of the demo's follow-up plan. */
  private static final java.util.Map<Element, String> PROGRAMMES =
      java.util.Map.of(
          Element.PERSYARATAN, "Menempel daftar persyaratan tiap layanan di papan informasi loket.",
          Element.PROSEDUR, "Memasang bagan alur pelayanan di pintu masuk dan di laman kantor.",
          Element.WAKTU, "Membuka loket tepat pukul 08.00 dan memantau waktu tunggu harian.",
          Element.BIAYA, "Mengumumkan bahwa semua layanan kecamatan gratis di ruang tunggu.",
          Element.PRODUK, "Memeriksa ulang surat sebelum diserahkan dengan daftar periksa.",
          Element.KOMPETENSI, "Bimbingan teknis pelayanan bagi petugas loket.",
          Element.PERILAKU, "Pelatihan pelayanan prima bagi seluruh petugas.",
          Element.PENGADUAN,
              "Membuka kotak saran tiap Jumat dan menjawab pengaduan dalam lima hari kerja.",
          Element.SARANA, "Menambah kipas angin dan kursi di ruang tunggu.");

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final FollowUps followUps;
  private final Clock clock;

  DemoSurveys(JdbcClient jdbc, FollowUps followUps, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.followUps = followUps;
    this.clock = clock;
  }

  /** Makes the office's demo responses, unless it has responses already. */
  void load(Office office, int index) {
    if (jdbc.sql("select count(*) from survey_response where office_id = ?")
            .param(office.id())
            .query(Long.class)
            .single()
        > 0) {
      return;
    }
    Random random = new Random(office.code().hashCode());
    double[] means = MEANS[index % MEANS.length];
    Map<YearMonth, List<Used>> services = used(office);
    LocalDate today = LocalDate.now(clock);
    LocalDate firstMonth = today.withDayOfMonth(1).minusMonths(5);
    for (int month = 0; month < 6; month++) {
      LocalDate start = firstMonth.plusMonths(month);
      int count = 20 + random.nextInt(26);
      double lift = (month - 5) * 0.04; // a little better every month, up to today's means
      for (int i = 0; i < count; i++) {
        LocalDate day = start.plusDays(random.nextInt(start.lengthOfMonth()));
        if (day.isAfter(today)
            || day.getDayOfWeek() == DayOfWeek.SATURDAY
            || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
          continue;
        }
        insert(office.id(), services, day, means, lift, random);
      }
    }
    jdbc.sql(
            "update survey_response set suggestion_status = 'PUBLISHED' where office_id = ?"
                + " and suggestion = any(?)")
        .params(office.id(), PUBLISHED.toArray(String[]::new))
        .update();
    followUp(office, Period.of(Period.Kind.QUARTER, today).previous());
  }

  /**
   * A few of the office's paper forms of a past day keyed in late (the demo's corrected monthly
   * report), with its scores as {@link #load} makes them.
   */
  void lateResponses(Office office, int index, LocalDate day, int count) {
    Random random = new Random(office.code().hashCode() + day.hashCode());
    Map<YearMonth, List<Used>> services = used(office);
    for (int i = 0; i < count; i++) {
      insert(office.id(), services, day, MEANS[index % MEANS.length], 0, random);
    }
  }

  /** A finished application a response may name: its service and the day it was finished. */
  private record Used(LocalDate day, UUID service) {}

  /**
   * Per month, the office's finished applications no response names yet, each as the day it was
   * first approved or rejected (as {@link id.go.kecamatan.application.ServiceUsers} counts the
   * service users): a response names one of its month, finished on or before its day, at most once,
   * so no month (and so no quarter or year) has more respondents of a service than users.
   */
  private Map<YearMonth, List<Used>> used(Office office) {
    Map<YearMonth, List<Used>> used = new HashMap<>();
    jdbc.sql(
            """
            select (min(c.changed_at) at time zone ?)::date, a.service_id
            from application_status_change c join application a on a.id = c.application_id
            where c.office_id = ? and c.to_status in ('APPROVED', 'REJECTED')
            group by a.id, a.service_id order by 1, a.id
            """)
        .param(clock.getZone().getId())
        .param(office.id())
        .query((rs, n) -> new Used(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class)))
        .list()
        .forEach(u -> used.computeIfAbsent(YearMonth.from(u.day()), m -> new ArrayList<>()).add(u));
    // the responses recorded already (a late paper form comes after the others) took theirs
    jdbc.sql(
            """
            select answered_on, service_id from survey_response
            where office_id = ? and service_id is not null order by answered_on
            """)
        .param(office.id())
        .query((rs, n) -> new Used(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class)))
        .list()
        .forEach(
            r -> {
              List<Used> month = used.getOrDefault(YearMonth.from(r.day()), new ArrayList<>());
              month.stream()
                  .filter(u -> u.service().equals(r.service()) && !u.day().isAfter(r.day()))
                  .findFirst()
                  .ifPresent(month::remove);
            });
    return used;
  }

  /** A finished application of the day's month for a response of the day, taken; or none. */
  private static UUID draw(Map<YearMonth, List<Used>> used, LocalDate day, Random random) {
    List<Used> month = used.getOrDefault(YearMonth.from(day), List.of());
    List<Used> before = month.stream().filter(u -> !u.day().isAfter(day)).toList();
    if (before.isEmpty()) {
      return null;
    }
    Used taken = before.get(random.nextInt(before.size()));
    month.remove(taken);
    return taken.service();
  }

  /** The previous quarter's plan for its lowest elements: the first done, the second under way. */
  private void followUp(Office office, Period quarter) {
    List<Element> lowest = followUps.proposal(office.id(), quarter);
    List<FollowUp.Item> items = new java.util.ArrayList<>();
    String[] responsible = {"Kasi Pelayanan Umum", "Sekretaris Kecamatan", "Kasubbag Umum"};
    FollowUp.Status[] statuses = {
      FollowUp.Status.DONE, FollowUp.Status.IN_PROGRESS, FollowUp.Status.PLANNED
    };
    String[] realisations = {
      "Sudah dilaksanakan; dipantau setiap bulan.", "Separuh kegiatan terlaksana.", null
    };
    Period next = quarter.next();
    String timeframe = "Triwulan " + next.number() + " " + next.year();
    for (int i = 0; i < lowest.size(); i++) {
      items.add(
          new FollowUp.Item(
              lowest.get(i),
              PROGRAMMES.get(lowest.get(i)),
              timeframe,
              responsible[i],
              statuses[i],
              realisations[i]));
    }
    followUps.replace(office.id(), quarter, items);
  }

  private void insert(
      UUID officeId,
      Map<YearMonth, List<Used>> services,
      LocalDate day,
      double[] means,
      double lift,
      Random random) {
    Object[] values = new Object[21];
    values[0] = UUID.randomUUID();
    values[1] = officeId;
    // about one in five names no service; the others one its resident used that month
    values[2] = random.nextInt(5) == 0 ? null : draw(services, day, random);
    values[3] = Instrument.CURRENT.version();
    values[4] = CHANNELS[random.nextInt(CHANNELS.length)];
    values[5] = day;
    Element[] elements = Element.values();
    java.util.Map<Element, Integer> scores = new java.util.EnumMap<>(Element.class);
    for (int e = 0; e < elements.length; e++) {
      double score = means[e] + lift + random.nextGaussian() * 0.55;
      values[6 + e] = (short) Math.max(1, Math.min(4, Math.round(score)));
      scores.put(elements[e], (int) (short) values[6 + e]);
    }
    values[15] = pick(random, "L", "P");
    values[16] = pick(random, "FROM_20", "FROM_30", "FROM_30", "FROM_40", "FROM_50", "FROM_60");
    values[17] = pick(random, "SD", "SMP", "SMA", "SMA", "SMA", "D1_D3", "S1", "S1", "S2");
    values[18] = pick(random, "PNS", "SWASTA", "WIRAUSAHA", "WIRAUSAHA", "LAINNYA", "LAINNYA");
    values[19] = pick(random, "PAGI", "PAGI", "SIANG");
    values[20] =
        random.nextInt(6) == 0 ? SUGGESTIONS.get(random.nextInt(SUGGESTIONS.size())) : null;
    jdbc.sql(
            """
            insert into survey_response
              (id, office_id, service_id, instrument, channel, answered_on,
               persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana,
               sex, age_band, education, occupation, time_band, suggestion)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(values)
        .update();
    // as the surveys module's own store does: the statistics count the IKM from this event
    events.publishEvent(
        new SurveyAnswered((UUID) values[0], officeId, (UUID) values[2], day, scores));
  }

  /** One of the values, or (one time in eight) none: the profile is optional. */
  private static String pick(Random random, String... values) {
    return random.nextInt(8) == 0 ? null : values[random.nextInt(values.length)];
  }
}
