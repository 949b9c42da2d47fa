package id.go.kecamatan.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description served at {@code /api/openapi.json}. */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI layananKecamatanApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Layanan Kecamatan API")
                .version("v1")
                .description(
                    "Kantor kecamatan, desa/kelurahan dan standar pelayanan (read-only). "
                        + "Offices, villages and published service standards. No authentication.")
                .license(new License().name("Open data")));
  }
}
