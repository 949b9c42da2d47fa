package id.go.kecamatan.letters;

import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.letters.internal.numbering.LetterNumbering;
import id.go.kecamatan.letters.internal.render.LetterRendering;
import id.go.kecamatan.office.Offices;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the letters of one signing batch share, read once, by the first letter that needs it: the
 * rendering's sheets ({@link LetterRendering#batch}), the numbering's settings ({@link
 * LetterNumbering#batch}), the services and the office's name (the place of signing in each
 * signature). A change saved meanwhile shows from the next batch on; the issuing transaction still
 * reads what the number depends on afresh. Used by the batch's thread and its letter workers.
 */
final class BatchReads {

  private final LetterRendering rendering;
  private final LetterNumbering.Claims claims;
  private final Catalog catalog;
  private final Offices offices;
  private final Map<List<UUID>, ServiceType> services = new ConcurrentHashMap<>();
  private final Map<UUID, String> places = new ConcurrentHashMap<>();

  BatchReads(
      LetterRendering rendering, LetterNumbering numbering, Catalog catalog, Offices offices) {
    this.rendering = rendering.batch();
    this.claims = numbering.batch();
    this.catalog = catalog;
    this.offices = offices;
  }

  LetterRendering rendering() {
    return rendering;
  }

  LetterNumbering.Claims claims() {
    return claims;
  }

  ServiceType service(UUID officeId, UUID serviceId) {
    return services.computeIfAbsent(
        List.of(officeId, serviceId), key -> catalog.service(officeId, serviceId));
  }

  /** The office's name, where its letters are signed. */
  String place(UUID officeId) {
    return places.computeIfAbsent(officeId, id -> offices.get(id).name());
  }
}
