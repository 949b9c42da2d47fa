package id.go.kecamatan.counter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ESC/POS bytes of a ticket, byte for byte, and the line widths of 58 and 80 mm paper. */
class EscPosTests {

  static final Slip SLIP =
      new Slip(
          "Kecamatan Jetis",
          "NOMOR ANTREAN",
          "A-007",
          "Umum",
          "4 Desember 2026 08.15",
          List.of("2 orang di depan Anda"),
          "http://x/t/AB");

  @Test
  void aTicketIsPrintedByteForByte() {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(new byte[] {0x1B, 0x40}); // ESC @
    expected.writeBytes(new byte[] {0x1B, 0x61, 0x01}); // ESC a 1: centre
    expected.writeBytes(ascii("Kecamatan Jetis\n"));
    expected.writeBytes(new byte[] {0x1B, 0x45, 0x01}); // ESC E 1: bold
    expected.writeBytes(ascii("NOMOR ANTREAN\n"));
    expected.writeBytes(new byte[] {0x1B, 0x45, 0x00});
    expected.writeBytes(new byte[] {0x1D, 0x21, 0x11}); // GS ! 0x11: double size
    expected.writeBytes(ascii("A-007\n"));
    expected.writeBytes(new byte[] {0x1D, 0x21, 0x00});
    expected.writeBytes(ascii("Umum\n4 Desember 2026 08.15\n2 orang di depan Anda\n"));
    expected.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 4, 0, 49, 65, 50, 0}); // QR model 2
    expected.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 49, 67, 6}); // module size 6
    expected.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 49, 69, 49}); // error level M
    expected.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 16, 0, 49, 80, 48}); // store 13 + 3
    expected.writeBytes(ascii("http://x/t/AB"));
    expected.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 49, 81, 48}); // print the QR
    expected.writeBytes(new byte[] {0x0A});
    expected.writeBytes(new byte[] {0x1B, 0x64, 0x04}); // feed 4 lines
    expected.writeBytes(new byte[] {0x1D, 0x56, 0x42, 0x00}); // partial cut

    assertThat(EscPos.ticket(SLIP, 80)).isEqualTo(expected.toByteArray());
  }

  @Test
  void linesWrapAtThirtyTwoColumnsOn58mmAndFortyEightOn80mm() {
    String office = "Kecamatan Purwokerto Utara Kabupaten Banyumas Jawa Tengah";
    assertThat(EscPos.wrap(office, EscPos.columns(58)))
        .containsExactly("Kecamatan Purwokerto Utara", "Kabupaten Banyumas Jawa Tengah");
    assertThat(EscPos.wrap(office, EscPos.columns(80)))
        .containsExactly("Kecamatan Purwokerto Utara Kabupaten Banyumas", "Jawa Tengah");
  }

  @Test
  void textIsPlainAsciiWithoutControlCharacters() {
    assertThat(EscPos.ascii("Désa – Ñgawi\u001B@\u0007 北")).isEqualTo("Desa - Ngawi@ ?");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
