package id.go.kecamatan.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the receipt's XHTML carries of a typed value. */
class ReceiptsTests {

  @Test
  void markupIsEscaped() {
    assertThat(Receipts.e("<b>Siti</b> & \"Budi\""))
        .isEqualTo("&lt;b&gt;Siti&lt;/b&gt; &amp; &quot;Budi&quot;");
  }

  @Test
  void charactersXmlCannotCarryAreDropped() {
    assertThat(Receipts.e("Si\u0000ti\uFFFF \uFFFEAm\uD800inah\uDC00")).isEqualTo("Siti Aminah");
  }

  @Test
  void lettersBeyondTheBasicPlaneAreKept() {
    assertThat(Receipts.e("Siti \uD835\uDC00")).isEqualTo("Siti \uD835\uDC00");
  }
}
