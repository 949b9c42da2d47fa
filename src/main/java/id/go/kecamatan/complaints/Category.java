package id.go.kecamatan.complaints;

import java.util.UUID;

/**
 * A complaint category (kategori pengaduan) of an office, in a two-level tree: a top category
 * ({@code parentId} null) or one of its subcategories.
 *
 * @param expectation what the reporter can expect, shown on filing
 * @param responsibleRole the staff role that handles it ({@code VERIFIER}, ...), or null
 * @param responsibleStaffId the officer who handles it, or null; new complaints are assigned to
 *     them
 * @param tierDays the handling tier: working days from verification to the answer
 */
public record Category(
    UUID id,
    UUID officeId,
    UUID parentId,
    String name,
    String expectation,
    String responsibleRole,
    UUID responsibleStaffId,
    int tierDays,
    boolean active,
    int position) {

  /** The handling tiers of Permenpan RB 62/2018, in working days, offered as defaults. */
  public static final int[] DEFAULT_TIERS = {2, 5, 14, 60};

  public boolean top() {
    return parentId == null;
  }
}
