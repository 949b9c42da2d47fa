package id.go.kecamatan.letters.internal;

import id.go.kecamatan.documents.BlobReferences;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The blobs that issued letters name (their signed PDFs), kept from the sweep of orphans. */
@Component
class LetterBlobReferences implements BlobReferences {

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
}
