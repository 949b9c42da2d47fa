package id.go.kecamatan.letters.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.letters.PdfChecks;
import org.junit.jupiter.api.Test;

/** The PDF/A-3 the signing tests sign is itself PDF/A-3B according to veraPDF. */
class PdfAFixtureTests {

  @Test
  void theFixtureIsPdfA3b() {
    assertThat(PdfChecks.pdfA3bFailures(SigningFixtures.pdfA("Surat"))).isEmpty();
  }
}
