package id.go.kecamatan.portal;

import java.util.List;
import java.util.Map;

/**
 * The messages the system sent (or tried to send) to a contact, for the resident's copy of their
 * data ("Data saya"). Implemented by {@code notifications}, which depends on this module; the
 * portal only reads.
 */
public interface MessagesToResident {

  /**
   * The messages to this contact still kept (see the retention of messages), oldest first, each as
   * a map of plain values: {@code dibuat}, {@code terkirim}, {@code saluran}, {@code jenis}, {@code
   * status}, {@code subjek}, {@code isi}.
   *
   * @param contact a phone number as {@code 62812...} or an e-mail address in lower case
   */
  List<Map<String, Object>> sentTo(String contact);
}
