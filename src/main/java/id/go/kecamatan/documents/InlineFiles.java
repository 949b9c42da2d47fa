package id.go.kecamatan.documents;

import java.util.List;

/**
 * A module whose rows kept the files it made in a {@code bytea} column before those moved to the
 * blob store (signed letters, published monthly reports) names those columns, so that the move of
 * the files still in rows finds them: every implementation is a bean, and one job moves what is
 * left in all of them.
 */
public interface InlineFiles {

  /**
   * A column of file bytes, the column naming its blob instead, the column with the file's SHA-256
   * in lowercase hex, and the column ordering the moves (oldest first). Names of the module's own
   * table, never input. Exactly one of {@code bytes} and {@code key} is set in a row.
   */
  record Column(String table, String bytes, String key, String sha256, String order) {}

  /** The columns of this module whose rows may still hold files. */
  List<Column> inlineColumns();
}
