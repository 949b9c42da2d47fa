package id.go.kecamatan.documents.internal;

import id.go.kecamatan.documents.BlobReferences;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The blobs the {@code document} rows name: the stored files and the photos' thumbnails. */
@Component
class DocumentBlobReferences implements BlobReferences {

  private final JdbcClient jdbc;

  DocumentBlobReferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Set<String> held(Collection<String> keys) {
    return new HashSet<>(
        jdbc.sql(
                """
                select k from unnest(cast(:keys as text[])) as k
                where exists (select 1 from document d where d.blob_key = k)
                   or exists (select 1 from document d where d.thumbnail_key = k)
                """)
            .param("keys", keys.toArray(String[]::new))
            .query(String.class)
            .list());
  }
}
