package id.go.kecamatan.statistics;

import id.go.kecamatan.surveys.Element;
import id.go.kecamatan.surveys.Tally;
import java.util.EnumMap;
import java.util.Map;

/**
 * What is counted per month (the stored name of a count in {@code stat_count}). Each has its
 * definition in the bundle {@code messages/statistics} under {@code statistics.measure.<name>}. A
 * module that lands later (complaints, IKM, the counter) adds its measures here and a listener of
 * its events in {@code statistics.internal}: see ADR 0023.
 */
public enum Measure {
  /** Applications submitted in the month (by the day of submission, Western Indonesian Time). */
  RECEIVED,
  /** Applications finished in the month: the first approval or rejection. */
  FINISHED,
  /** Of those finished, finished on or before their deadline (the service standard's days). */
  FINISHED_ON_TIME,
  /** Finished by an approval. */
  APPROVED,
  /** Finished by a rejection. */
  REJECTED,
  /** Withdrawn by the resident in the month. */
  WITHDRAWN,
  /** Requests for completion (kelengkapan) sent in the month. */
  COMPLETION_REQUESTED,
  /** Residents' online drafts started in the month (the identity step saved). */
  DRAFTS_STARTED,
  /** Of the drafts started in the month, those submitted (whenever). */
  DRAFTS_SUBMITTED,
  /** Letters signed and issued in the month. */
  LETTERS_SIGNED,
  /** Openings of letters' verification pages (QR scans) in the month. */
  LETTERS_VERIFIED,
  /** Letters revoked in the month. */
  LETTERS_REVOKED,
  /** Complaints (and aspirations, requests for information) received in the month. */
  COMPLAINTS_RECEIVED,
  /** Complaints first answered in the month. */
  COMPLAINTS_ANSWERED,
  /** Of those answered, answered on or before the deadline of their category's tier. */
  COMPLAINTS_ANSWERED_ON_TIME,
  /**
   * Survey responses given in the month (by the day answered). With the nine sums below it is the
   * IKM's tally (statistics.ikm.* in the bundle define the index and its grade, shown instead of
   * these parts); every response answers all nine elements.
   */
  IKM_RESPONDENTS,
  /** The sum of the month's scores (1-4) of the element persyaratan. */
  IKM_PERSYARATAN,
  IKM_PROSEDUR,
  IKM_WAKTU,
  IKM_BIAYA,
  IKM_PRODUK,
  IKM_KOMPETENSI,
  IKM_PERILAKU,
  IKM_PENGADUAN,
  IKM_SARANA;

  /** The measure keeping the sum of an element's scores. */
  public static Measure ikm(Element element) {
    return valueOf("IKM_" + element.name());
  }

  /** The IKM's tally from counts of the IKM measures ({@link Tally#EMPTY} without respondents). */
  public static Tally tally(Map<Measure, Long> counts) {
    long respondents = counts.getOrDefault(IKM_RESPONDENTS, 0L);
    if (respondents == 0) {
      return Tally.EMPTY;
    }
    Map<Element, Long> sums = new EnumMap<>(Element.class);
    Map<Element, Long> answers = new EnumMap<>(Element.class);
    for (Element element : Element.values()) {
      sums.put(element, counts.getOrDefault(ikm(element), 0L));
      answers.put(element, respondents);
    }
    return new Tally(respondents, sums, answers);
  }
}
