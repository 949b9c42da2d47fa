package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The instrument's wording is the regulation's, element by element, whatever its position. */
class InstrumentTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "persyaratan|kesesuaian persyaratan pelayanan dengan jenis pelayanannya|Tidak sesuai|Kurang sesuai|Sesuai|Sangat sesuai",
        "prosedur|kemudahan prosedur pelayanan di unit ini|Tidak mudah|Kurang mudah|Mudah|Sangat mudah",
        "waktu|kecepatan waktu dalam memberikan pelayanan|Tidak cepat|Kurang cepat|Cepat|Sangat cepat",
        "biaya|kewajaran biaya/tarif dalam pelayanan|Sangat mahal|Cukup mahal|Murah|Gratis",
        "produk|kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan|Tidak sesuai|Kurang sesuai|Sesuai|Sangat sesuai",
        "kompetensi|kompetensi/kemampuan petugas dalam pelayanan|Tidak kompeten|Kurang kompeten|Kompeten|Sangat kompeten",
        "perilaku|perilaku petugas dalam pelayanan terkait kesopanan dan keramahan|Tidak sopan dan ramah|Kurang sopan dan ramah|Sopan dan ramah|Sangat sopan dan ramah",
        "pengaduan|penanganan pengaduan pengguna layanan|Tidak ada|Ada tetapi tidak berfungsi|Berfungsi kurang maksimal|Dikelola dengan baik",
        "sarana|kualitas sarana dan prasarana|Buruk|Cukup|Baik|Sangat baik"
      })
  void wordsEachElementAsTheRegulation(
      String key, String question, String one, String two, String three, String four)
      throws IOException {
    Properties bundle = new Properties();
    try (InputStream in =
        InstrumentTests.class.getResourceAsStream("/messages/surveys.properties")) {
      bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Instrument instrument = Instrument.CURRENT;
    Element element = Element.byKey(key).orElseThrow();

    assertThat(bundle.getProperty(instrument.questionKey(element))).isEqualTo(question);
    assertThat(bundle.getProperty(instrument.answerKey(element, 1))).isEqualTo(one);
    assertThat(bundle.getProperty(instrument.answerKey(element, 2))).isEqualTo(two);
    assertThat(bundle.getProperty(instrument.answerKey(element, 3))).isEqualTo(three);
    assertThat(bundle.getProperty(instrument.answerKey(element, 4))).isEqualTo(four);
    assertThat(bundle.getProperty("surveys.question.lead"))
        .isEqualTo("Bagaimana pendapat Saudara tentang");
    assertThat(instrument.elements()).hasSize(9).contains(element);
  }
}
