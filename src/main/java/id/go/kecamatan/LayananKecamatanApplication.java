package id.go.kecamatan;

import id.go.kecamatan.shared.db.EmbeddedPostgresEarlyStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Layanan Kecamatan: the integrated online service system for kecamatan offices. */
@SpringBootApplication
@EnableScheduling
public class LayananKecamatanApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(LayananKecamatanApplication.class);
    // the embedded PostgreSQL (when no external database is set) starts while the context is built
    application.addListeners(new EmbeddedPostgresEarlyStart());
    application.run(args);
  }
}
