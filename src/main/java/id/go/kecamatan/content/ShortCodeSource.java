package id.go.kecamatan.content;

/**
 * Where a short code is printed or shared (sumber): the tag the office reads its figures by. A
 * poster at a village names the village on its code.
 */
public enum ShortCodeSource {
  /** Poster at a village office (balai desa), noticeboard or posyandu: names the village. */
  VILLAGE_POSTER,
  /** Poster at the kecamatan office. */
  OFFICE_POSTER,
  /** Sticker or table tent at the counter. */
  COUNTER_STICKER,
  /** A WhatsApp message or group. */
  WHATSAPP,
  /** Brochure or leaflet. */
  BROCHURE,
  /** The office's social media. */
  SOCIAL_MEDIA,
  /** Anything else: a banner, a radio announcement, an event. */
  OTHER
}
