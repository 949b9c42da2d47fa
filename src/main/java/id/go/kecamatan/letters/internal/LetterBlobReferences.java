package id.go.kecamatan.letters.internal;

import id.go.kecamatan.documents.BlobReferences;
import id.go.kecamatan.documents.InlineFiles;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The blobs that issued letters name (their signed PDFs), kept from the sweep of orphans; and the
 * column in which letters signed before V98 still keep theirs until they are moved.
 */
@Component
class LetterBlobReferences implements BlobReferences, InlineFiles {

  private final JdbcClient jdbc;

  LetterBlobReferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> held(Collection<String> keys) {
    return new HashSet<>(
        jdbc.sql("select pdf_key from letter where pdf_key = any(cast(:keys as text[]))")
            .param("keys", keys.toArray(String[]::new))
            .query(String.class)
            .list());
  }

  @Override
  public List<Column> inlineColumns() {
    return List.of(new Column("letter", "pdf", "pdf_key", "sha256", "signed_at"));
  }
}
