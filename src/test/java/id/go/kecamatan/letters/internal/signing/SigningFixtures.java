package id.go.kecamatan.letters.internal.signing;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import id.go.kecamatan.WebClient;
import id.go.kecamatan.accounts.Staff;
import id.go.kecamatan.accounts.StaffAccounts;
import id.go.kecamatan.accounts.StaffForm;
import id.go.kecamatan.shared.security.Role;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;

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
                null,
                Set.of(Role.SIGNER),
                null,
                WebClient.PASSWORD))
        .value();
  }
}
