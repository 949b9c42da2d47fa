package id.go.kecamatan.surveys;

import java.util.List;

/**
 * A version of the questionnaire: its elements in the order the form shows them, and where its
 * wording is. A response records the version it answered, so a later change of wording does not mix
 * two questionnaires in one report unnoticed. Version {@code 2017.1} is the standard wording of
 * Permenpan RB 14/2017 (the Kantor Camat Ulu Manna form and the public SKM apps agree on it).
 *
 * <p>Wording keys in {@code messages/surveys}: {@code surveys.<version>.<element>.name} (the
 * unsur's name), {@code .question} (completing <i>Bagaimana pendapat Saudara tentang ...</i>) and
 * {@code .answer.1} to {@code .answer.4}.
 */
public record Instrument(String version, List<Element> elements) {

  /** The instrument every new response answers. */
  public static final Instrument CURRENT = new Instrument("2017.1", List.of(Element.values()));

  public Instrument {
    elements = List.copyOf(elements);
  }

  public String nameKey(Element element) {
    return prefix(element) + ".name";
  }

  public String questionKey(Element element) {
    return prefix(element) + ".question";
  }

  public String answerKey(Element element, int score) {
    if (score < Element.MIN_SCORE || score > Element.MAX_SCORE) {
      throw new IllegalArgumentException("score " + score);
    }
    return prefix(element) + ".answer." + score;
  }

  private String prefix(Element element) {
    return "surveys." + version + "." + element.key();
  }
}
