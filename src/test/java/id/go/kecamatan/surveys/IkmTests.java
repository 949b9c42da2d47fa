package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The scoring rule of Permenpan RB 14/2017, on published tables and as properties. */
class IkmTests {

  /**
   * The survey columns of the published tables U1 .. U9 in the order those tables use (the legend
   * of e-smile.tubaba.go.id: U8 Sarana dan Prasarana, U9 Penanganan Pengaduan).
   */
  private static final List<Element> PUBLISHED_COLUMNS =
      List.of(
          Element.PERSYARATAN,
          Element.PROSEDUR,
          Element.WAKTU,
          Element.BIAYA,
          Element.PRODUK,
          Element.KOMPETENSI,
          Element.PERILAKU,
          Element.SARANA,
          Element.PENGADUAN);

  /**
   * Dinas Kependudukan dan Pencatatan Sipil Tulang Bawang Barat, "Laporan Survey Kepuasan
   * Masyarakat (SKM) (Online)", Tahun 2023 Semester 1,
   * https://e-smile.tubaba.go.id/main/skm/laporan/online ("PENGOLAHAN DATA SURVEI KEPUASAN
   * MASYARAKAT PER RESPONDEN DAN PER UNSUR PELAYANAN"): one respondent answering 4 to every
   * element; the page publishes NRR 4 per element and "IKM UNIT PELAYANAN 100 (Sangat Baik)". With
   * the 0.111 weight its own column would give 99.90.
   */
  @Test
  void reproducesTheIndexPublishedByTulangBawangBarat() {
    Tally tally = Tally.of(row(4, 4, 4, 4, 4, 4, 4, 4, 4));

    Ikm ikm = Ikm.of(tally).orElseThrow();

    assertThat(ikm.respondents()).isEqualTo(1);
    assertThat(ikm.nrr().values()).allMatch(v -> v.compareTo(new BigDecimal("4.00")) == 0);
    assertThat(ikm.index()).isEqualByComparingTo("100.00");
    assertThat(ikm.grade()).isEqualTo(Grade.A);
    // the common 0.111 weight would cap it
    assertThat(new BigDecimal("4").multiply(new BigDecimal("0.111")).multiply(new BigDecimal(9)))
        .isEqualByComparingTo("3.996");
  }

  /**
   * The 49 respondents of the per-respondent table published by Kabupaten Sekadau for semester I
   * 2019 (file {@code surveys/sekadau-2019-s1.txt} cites the page; the part of the page we could
   * read ends at respondent 49, so the expected figures were computed by hand from these rows with
   * exact fractions: the sums per column 138, 139, 150, 177, 159, 163, 161, 143, 159; IKM = 25 x
   * 1,389 / (9 x 49) = 78.741..., grade B).
   */
  @Test
  void scoresThePublishedRowsOfSekadau() throws IOException {
    Tally tally = Tally.EMPTY;
    for (int[] scores : sekadauRows()) {
      tally = tally.plus(Tally.of(row(scores)));
    }

    Ikm ikm = Ikm.of(tally).orElseThrow();

    assertThat(ikm.respondents()).isEqualTo(49);
    assertThat(tally.sum(Element.PERSYARATAN)).isEqualTo(138);
    assertThat(tally.sum(Element.BIAYA)).isEqualTo(177);
    assertThat(tally.sum(Element.PENGADUAN)).isEqualTo(159);
    assertThat(ikm.nrr().get(Element.PERSYARATAN)).isEqualByComparingTo("2.82");
    assertThat(ikm.nrr().get(Element.BIAYA)).isEqualByComparingTo("3.61");
    assertThat(ikm.index()).isEqualByComparingTo("78.74");
    assertThat(ikm.grade()).isEqualTo(Grade.B);
    assertThat(ikm.weakestFirst().subList(0, 2))
        .containsExactly(Element.PERSYARATAN, Element.PROSEDUR);
  }

  @Test
  void gradesAtTheBoundariesOfTheRegulation() {
    assertThat(Grade.of(new BigDecimal("100.00"))).isEqualTo(Grade.A);
    assertThat(Grade.of(new BigDecimal("88.31"))).isEqualTo(Grade.A);
    assertThat(Grade.of(new BigDecimal("88.30"))).isEqualTo(Grade.B);
    assertThat(Grade.of(new BigDecimal("76.61"))).isEqualTo(Grade.B);
    assertThat(Grade.of(new BigDecimal("76.60"))).isEqualTo(Grade.C);
    assertThat(Grade.of(new BigDecimal("65.00"))).isEqualTo(Grade.C);
    assertThat(Grade.of(new BigDecimal("64.99"))).isEqualTo(Grade.D);
    assertThat(Grade.of(new BigDecimal("25.00"))).isEqualTo(Grade.D);
    assertThatThrownBy(() -> Grade.of(new BigDecimal("24.99")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Grade.of(new BigDecimal("100.01")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundsTheExactIndexHalfUpOnce() {
    // 2 respondents: sums 7 for one element, 8 for the others -> 25 x (3.5 + 8 x 4) / 9 = 98.6111
    Map<Element, Integer> first = row(4, 4, 4, 4, 4, 4, 4, 4, 4);
    Map<Element, Integer> second = row(3, 4, 4, 4, 4, 4, 4, 4, 4);
    Ikm ikm = Ikm.of(Tally.of(first).plus(Tally.of(second))).orElseThrow();
    assertThat(ikm.index()).isEqualByComparingTo("98.61");
    // 9 respondents, one 3 each on a different element: 25 x (9 x 35/9) / 9 = 97.2222
    Tally tally = Tally.EMPTY;
    for (Element low : Element.values()) {
      Map<Element, Integer> answers = new EnumMap<>(Element.class);
      for (Element e : Element.values()) {
        answers.put(e, e == low ? 3 : 4);
      }
      tally = tally.plus(Tally.of(answers));
    }
    assertThat(Ikm.of(tally).orElseThrow().index()).isEqualByComparingTo("97.22");
  }

  @Test
  void hasNoIndexWithoutAnAnswerToEveryElement() {
    assertThat(Ikm.of(Tally.EMPTY)).isEmpty();
    Map<Element, Integer> eight = row(3, 3, 3, 3, 3, 3, 3, 3, 3);
    eight.remove(Element.SARANA);
    assertThat(Ikm.of(Tally.of(eight))).isEmpty();
  }

  @Test
  void refusesATallyNoAnswersCouldMake() {
    assertThatThrownBy(() -> new Tally(1, Map.of(Element.WAKTU, 5L), Map.of(Element.WAKTU, 1L)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Tally(1, Map.of(Element.WAKTU, 0L), Map.of(Element.WAKTU, 1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- properties ------------------------------------------------------------------------------

  @Property
  void theIndexLiesBetween25And100(@ForAll("responses") List<Map<Element, Integer>> responses) {
    Ikm ikm = Ikm.of(tally(responses)).orElseThrow();
    assertThat(ikm.index()).isBetween(new BigDecimal("25.00"), new BigDecimal("100.00"));
    assertThat(ikm.respondents()).isEqualTo(responses.size());
  }

  @Property
  void theGradeFollowsTheBoundaries(@ForAll("responses") List<Map<Element, Integer>> responses) {
    Ikm ikm = Ikm.of(tally(responses)).orElseThrow();
    BigDecimal index = ikm.index();
    Grade expected =
        index.compareTo(new BigDecimal("88.31")) >= 0
            ? Grade.A
            : index.compareTo(new BigDecimal("76.61")) >= 0
                ? Grade.B
                : index.compareTo(new BigDecimal("65.00")) >= 0 ? Grade.C : Grade.D;
    assertThat(ikm.grade()).isEqualTo(expected);
  }

  /** Each element weighs exactly 1/9: the index is 25 x the mean of all scores, exactly. */
  @Property
  void everyElementWeighsOneNinth(@ForAll("responses") List<Map<Element, Integer>> responses) {
    long total = responses.stream().flatMap(r -> r.values().stream()).mapToLong(i -> i).sum();
    BigDecimal expected =
        new BigDecimal(BigInteger.valueOf(total * 25))
            .divide(BigDecimal.valueOf(9L * responses.size()), 2, RoundingMode.HALF_UP);
    assertThat(Ikm.of(tally(responses)).orElseThrow().index()).isEqualByComparingTo(expected);
  }

  /** Raising one answer by one point never lowers the index; all answers 4 give exactly 100. */
  @Property
  void aBetterAnswerNeverLowersTheIndex(
      @ForAll("responses") List<Map<Element, Integer>> responses,
      @ForAll @IntRange(min = 0, max = 8) int element) {
    Element raised = Element.values()[element];
    Map<Element, Integer> first = new EnumMap<>(responses.get(0));
    if (first.get(raised) == 4) {
      return;
    }
    List<Map<Element, Integer>> better = new ArrayList<>(responses);
    first.put(raised, first.get(raised) + 1);
    better.set(0, first);
    assertThat(Ikm.of(tally(better)).orElseThrow().index())
        .isGreaterThanOrEqualTo(Ikm.of(tally(responses)).orElseThrow().index());
  }

  /** The regency's index: the offices' indexes weighted by their respondents (before rounding). */
  @Property
  void poolingIsWeightingByRespondents(
      @ForAll("responses") List<Map<Element, Integer>> office,
      @ForAll("responses") List<Map<Element, Integer>> other) {
    Tally a = tally(office);
    Tally b = tally(other);
    // n_a x IKM_a + n_b x IKM_b over n_a + n_b, IKM_x = 25 T_x / (9 n_x), as one exact fraction
    BigInteger na = BigInteger.valueOf(a.respondents());
    BigInteger nb = BigInteger.valueOf(b.respondents());
    BigInteger nine = BigInteger.valueOf(9);
    BigInteger numerator =
        na.multiply(total(a))
            .multiply(nine.multiply(nb))
            .add(nb.multiply(total(b)).multiply(nine.multiply(na)))
            .multiply(BigInteger.valueOf(25));
    BigInteger denominator = nine.multiply(na).multiply(nine).multiply(nb).multiply(na.add(nb));
    BigDecimal weighted =
        new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
    assertThat(Ikm.of(a.plus(b)).orElseThrow().index()).isEqualByComparingTo(weighted);
  }

  @Provide
  Arbitrary<List<Map<Element, Integer>>> responses() {
    Arbitrary<Integer> score = Arbitraries.integers().between(1, 4);
    return score
        .list()
        .ofSize(9)
        .map(
            scores -> {
              Map<Element, Integer> answers = new EnumMap<>(Element.class);
              for (int i = 0; i < 9; i++) {
                answers.put(Element.values()[i], scores.get(i));
              }
              return answers;
            })
        .list()
        .ofMinSize(1)
        .ofMaxSize(60);
  }

  private static BigInteger total(Tally tally) {
    long total = 0;
    for (Element e : Element.values()) {
      total += tally.sum(e);
    }
    return BigInteger.valueOf(total);
  }

  private static Tally tally(List<Map<Element, Integer>> responses) {
    Tally tally = Tally.EMPTY;
    for (Map<Element, Integer> response : responses) {
      tally = tally.plus(Tally.of(response));
    }
    return tally;
  }

  private static Map<Element, Integer> row(int... scores) {
    Map<Element, Integer> answers = new EnumMap<>(Element.class);
    for (int i = 0; i < scores.length; i++) {
      answers.put(PUBLISHED_COLUMNS.get(i), scores[i]);
    }
    return answers;
  }

  private static List<int[]> sekadauRows() throws IOException {
    try (InputStream in = IkmTests.class.getResourceAsStream("/surveys/sekadau-2019-s1.txt")) {
      List<int[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        int[] scores = new int[9];
        for (int i = 0; i < 9; i++) {
          scores[i] = Integer.parseInt(parts[i + 1]);
        }
        rows.add(scores);
      }
      return rows;
    }
  }
}
