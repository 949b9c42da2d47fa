package id.go.kecamatan.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.shared.web.FieldErrors;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a filled-in form: every element required, each answer one of four, nothing else. */
class AnswersTests {

  private static final UUID SERVICE = UUID.randomUUID();

  static Map<String, String> allThrees() {
    Map<String, String> form = new HashMap<>();
    for (Element element : Element.values()) {
      form.put(element.key(), "3");
    }
    return form;
  }

  @Test
  void readsACompleteFormWithItsProfile() {
    Map<String, String> form = allThrees();
    form.put(Answers.SEX, "P");
    form.put(Answers.AGE, "FROM_30");
    form.put(Answers.EDUCATION, "D1_D3");
    form.put(Answers.SERVICE, SERVICE.toString());
    form.put(Answers.SUGGESTION, "  Ruang tunggu panas.  ");
    FieldErrors errors = new FieldErrors();

    Answers answers = Answers.read(form, Set.of(SERVICE), errors).orElseThrow();

    assertThat(errors.any()).isFalse();
    assertThat(answers.scores()).hasSize(9).containsEntry(Element.SARANA, 3);
    assertThat(answers.profile().sex()).isEqualTo(Profile.Sex.P);
    assertThat(answers.profile().occupation()).isNull();
    assertThat(answers.serviceId()).isEqualTo(SERVICE);
    assertThat(answers.suggestion()).isEqualTo("Ruang tunggu panas.");
    assertThat(answers.low()).isFalse();
  }

  @Test
  void namesEveryMissingElement() {
    Map<String, String> form = allThrees();
    form.remove(Element.PENGADUAN.key());
    form.remove(Element.WAKTU.key());
    FieldErrors errors = new FieldErrors();

    assertThat(Answers.read(form, Set.of(), errors)).isEmpty();
    assertThat(errors.all().keySet()).containsExactlyInAnyOrder("pengaduan", "waktu");
    assertThat(errors.get("waktu").key()).isEqualTo("surveys.error.score");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "5", "-1", "3.5", "4 ", "1e0", "<script>", "４", "3; drop table"})
  void refusesAScoreOutsideTheFour(String score) {
    Map<String, String> form = allThrees();
    form.put(Element.BIAYA.key(), score);
    FieldErrors errors = new FieldErrors();

    var read = Answers.read(form, Set.of(), errors);

    if (score.equals("4 ")) {
      assertThat(read).isPresent();
    } else {
      assertThat(read).isEmpty();
      assertThat(errors.get("biaya").key()).isEqualTo("surveys.error.scoreRange");
    }
  }

  @Test
  void refusesMarkupControlCharactersAndTooLongText() {
    for (String hostile :
        new String[] {"<script>alert(1)</script>", "a\u0000b", "x".repeat(2001), "a\u202Eb"}) {
      Map<String, String> form = allThrees();
      form.put(Answers.SUGGESTION, hostile);
      FieldErrors errors = new FieldErrors();
      assertThat(Answers.read(form, Set.of(), errors)).as(hostile).isEmpty();
      assertThat(errors.has(Answers.SUGGESTION)).isTrue();
    }
  }

  @Test
  void refusesUnknownChoicesAndAnotherOfficesService() {
    Map<String, String> form = allThrees();
    form.put(Answers.EDUCATION, "S4");
    form.put(Answers.SERVICE, UUID.randomUUID().toString());
    form.put(Answers.SEX, "X");
    FieldErrors errors = new FieldErrors();

    assertThat(Answers.read(form, Set.of(SERVICE), errors)).isEmpty();
    assertThat(errors.all().keySet())
        .containsExactlyInAnyOrder(Answers.EDUCATION, Answers.SERVICE, Answers.SEX);
  }

  @Test
  void aLowAnswerOnComplaintsOrALowOverallRatingIsLow() {
    Map<String, String> form = allThrees();
    form.put(Element.PENGADUAN.key(), "2");
    assertThat(Answers.read(form, Set.of(), new FieldErrors()).orElseThrow().low()).isTrue();

    Map<String, String> poor = new HashMap<>();
    for (Element element : Element.values()) {
      poor.put(element.key(), element == Element.PENGADUAN ? "3" : "2");
    }
    // 25 x (8 x 2 + 3) / 9 = 52.78: grade D
    assertThat(Answers.read(poor, Set.of(), new FieldErrors()).orElseThrow().low()).isTrue();
  }
}
