package id.go.kecamatan.catalog;

import java.util.Map;
import java.util.UUID;

/**
 * How often an office's services were asked for (permohonan diajukan), so the public office page
 * can list the most asked-for first. Implemented by the {@code application} module, which owns the
 * applications; the catalogue only reads the figures.
 */
public interface ServiceDemand {

  /**
   * The number of applications per service id of the office submitted in the current calendar month
   * and the 11 before it (in the deployment's zone); services without applications are absent.
   * Cheap: kept in memory, read again (one query over at most 12 rows per service) after an
   * application of the office on this node or after a second; another node's applications show
   * within that second.
   */
  Map<UUID, Integer> lastTwelveMonths(UUID officeId);
}
