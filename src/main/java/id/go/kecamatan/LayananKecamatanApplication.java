package id.go.kecamatan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Layanan Kecamatan: the integrated online service system for kecamatan offices. */
@SpringBootApplication
@EnableScheduling
public class LayananKecamatanApplication {

  public static void main(String[] args) {
    SpringApplication.run(LayananKecamatanApplication.class, args);
  }
}
