package id.go.kecamatan.letters.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.StaffForm;
import id.go.kecamatan.shared.security.Role;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** A PDF/A-3 to sign, fresh signers, and the outside checks: poppler's pdfsig and veraPDF. */
final class SigningFixtures {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private SigningFixtures() {}

  /** A one-page PDF/A-3b letter made with openhtmltopdf, fonts embedded, sRGB output intent. */
  static byte[] pdfA(String text) {
    String html =
        """
        <html><head><style>body { font-family: 'Liberation Sans'; font-size: 12pt; }
        @page { size: A4; margin: 2cm; }</style><title>Surat</title></head>
        <body><h1>Surat Keterangan</h1><p>%s</p></body></html>
        """
            .formatted(text);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_B);
      builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
      builder.useFont(
          () -> SigningFixtures.class.getResourceAsStream("/fonts/LiberationSans-Regular.ttf"),
          "Liberation Sans");
      builder.useFont(
          () -> SigningFixtures.class.getResourceAsStream("/fonts/LiberationSans-Bold.ttf"),
          "Liberation Sans",
          700,
          com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
          true);
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** poppler's {@code pdfsig} report of the file. */
  static String pdfsig(byte[] pdf) {
    try {
      Path file = Files.createTempFile("signed", ".pdf");
      try {
        Files.write(file, pdf);
        Process process =
            new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The PDF/A-3B rules the file breaks (empty when compliant), by veraPDF. */
  static List<String> pdfA3bFailures(byte[] pdf) {
    try (PDFAParser parser =
            Foundries.defaultInstance()
                .createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
        PDFAValidator validator =
            Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
      ValidationResult result = validator.validate(parser);
      return result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
          .distinct()
          .toList();
    } catch (ValidationException | IOException e) {
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new signer of the office, without a key. */
  static Staff newSigner(StaffAccounts accounts, UUID officeId) {
    String username = "ttd" + UUID.randomUUID().toString().substring(0, 8);
    return accounts
        .create(
            officeId,
            new StaffForm(
                username,
                "Penanda Tangan " + username,
                null,
                Set.of(Role.SIGNER),
                null,
                WebClient.PASSWORD))
        .value();
  }
}
