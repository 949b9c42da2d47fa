package id.go.kecamatan.content;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.IntegrationTest;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.catalog.Catalog;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.letters.PdfChecks;
import id.go.kecamatan.office.Office;
import id.go.kecamatan.office.Offices;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guide of a service, generated from its standard: who it is for, what to bring, the steps, the
 * time in working days, Rp0, where and when, how to complain; in Indonesian and English; its A4
 * PDF/A says the same; every active demo service of every office has one; a service that is not
 * offered has none.
 */
@IntegrationTest
class GuidesIntegrationTests {

  @LocalServerPort int port;
  @Autowired Offices offices;
  @Autowired Catalog catalog;

  @Test
  void aServicesGuideTellsWhoWhatHowLongHowMuchWhereAndHowToComplain() {
    WebClient resident = new WebClient(port);
    String page = resident.get("/kecamatan/jetis/layanan/SKW/panduan").body();
    assertThat(page)
        .contains("<h1>Panduan: Surat Keterangan Waris</h1>")
        .contains("Untuk siapa")
        .contains("Yang perlu disiapkan")
        .contains("Surat pernyataan ahli waris")
        .contains("Cara mengajukan")
        .contains("Secara daring dari ponsel")
        .contains("Berapa lama")
        .contains("Paling lama 3 hari kerja")
        .contains("Tidak dipungut biaya (Rp0)")
        .contains("Di mana dan kapan")
        .contains("Jl. Raya Jetis No. 58")
        .contains("Jika ada masalah")
        .contains("http://localhost:" + port + "/kecamatan/jetis/pengaduan")
        .contains("href=\"/kecamatan/jetis/layanan/SKW/panduan.pdf\"")
        .contains("href=\"/kecamatan/jetis/layanan/SKW/ajukan\"");
    // the steps in the office's order, numbered
    assertThat(page).containsPattern("(?s)<h2 id=\"cara-mengajukan\">.*<ol>\\s*<li>");
    assertThat(page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .as("a light page")
        .isLessThan(12 * 1024);
    // the service page links to it
    assertThat(resident.get("/kecamatan/jetis/layanan/SKW").body())
        .contains("href=\"/kecamatan/jetis/layanan/SKW/panduan\"");

    String english = resident.get("/kecamatan/jetis/layanan/SKW/panduan?lang=en").body();
    assertThat(english)
        .contains("<h1>Guide: Surat Keterangan Waris</h1>")
        .contains("Who it is for")
        .contains("What to prepare")
        .contains("If something goes wrong");
  }

  @Test
  void theGuidePdfIsA4PdfAAndSaysTheSame() throws Exception {
    HttpResponse<byte[]> response =
        new WebClient(port).getBytes("/kecamatan/jetis/layanan/SKW/panduan.pdf");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("panduan-jetis-SKW.pdf");
    byte[] pdf = response.body();
    assertThat(PdfChecks.pdfA3bFailures(pdf)).isEmpty();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getPage(0).getMediaBox().getWidth())
          .isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(2f));
    }
    assertThat(PdfChecks.text(pdf).replaceAll("\\s+", " "))
        .contains("Panduan: Surat Keterangan Waris")
        .contains("Yang perlu disiapkan")
        .contains("Paling lama 3 hari kerja")
        .contains("Rp0")
        .contains("Jl. Raya Jetis No. 58");
    assertThat(PdfChecks.text(pdf).replaceAll("\\s+", ""))
        .as("the addresses, however the lines break")
        .contains("localhost:" + port + "/kecamatan/jetis/pengaduan")
        .contains("localhost:" + port + "/kecamatan/jetis/layanan/SKW");
    assertThat(
            PdfChecks.text(
                    new WebClient(port)
                        .getBytes("/kecamatan/jetis/layanan/SKW/panduan.pdf?lang=en")
                        .body())
                .replaceAll("\\s+", " "))
        .contains("Guide: Surat Keterangan Waris");
  }

  @Test
  void everyActiveServiceOfEveryOfficeHasAGuideAndNothingElseHasOne() {
    WebClient resident = new WebClient(port);
    int checked = 0;
    List<Office> all =
        offices.regencies().stream()
            .flatMap(r -> offices.officesOf(r.id()).stream())
            .filter(Office::active)
            .toList();
    for (Office office : all) {
      for (ServiceType service : catalog.activeServices(office.id(), "")) {
        HttpResponse<String> guide =
            resident.get("/kecamatan/" + office.slug() + "/layanan/" + service.code() + "/panduan");
        assertThat(guide.statusCode()).as(office.slug() + " " + service.code()).isEqualTo(200);
        assertThat(guide.body()).contains(service.name());
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3 * 14);
    assertThat(resident.get("/kecamatan/jetis/layanan/TIDAKADA/panduan").statusCode())
        .isEqualTo(404);
    assertThat(resident.get("/kecamatan/tidak-ada/layanan/SKW/panduan.pdf").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theOnlineGuideShowsEveryStepWithItsScreenshot() {
    WebClient resident = new WebClient(port);
    String page = resident.get("/panduan/cara-mengajukan").body();
    assertThat(page).contains("<h1>Cara mengajukan secara daring</h1>");
    for (String step :
        List.of("kantor", "layanan", "identitas", "pertanyaan", "berkas", "periksa", "selesai")) {
      assertThat(page).contains("src=\"/img/panduan/" + step + ".png\"");
      HttpResponse<byte[]> image = resident.getBytes("/img/panduan/" + step + ".png");
      assertThat(image.statusCode()).as(step).isEqualTo(200);
      assertThat(image.body().length).as(step + ": small").isLessThan(20 * 1024);
    }
  }
}
