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
                    "Kantor kecamatan, desa/kelurahan dan standar pelayanan; permohonan daring dan"
                        + " pengaduan. Offices, villages and published service standards (read"
                        + " only); online applications and complaints: submitted, followed with the"
                        + " tracking code and the phone digits or the complaint's key. No"
                        + " authentication. Errors are application/problem+json (RFC 9457) titled"
                        + " in Indonesian, or English with Accept-Language: en; field errors (422)"
                        + " list each field with its message key (code) and message.")
                .license(new License().name("Open data")));
  }
}
