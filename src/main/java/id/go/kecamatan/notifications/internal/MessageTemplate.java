package id.go.kecamatan.notifications.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text templates with placeholders in double braces ({@code {{pemohon.nama}}}, blanks inside
 * the braces allowed). Rendering puts each value in as it is, in one pass: a value is never read as
 * a template (a resident named {@code {{alasan}}} stays so), and nothing is escaped, because every
 * message is plain text (e-mail bodies are {@code text/plain}).
 */
public final class MessageTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private MessageTemplate() {}

  /** A problem of a template: the bundle key and its argument. */
  public record Problem(String key, String argument) {}

  /**
   * What is wrong with a template: each placeholder not among {@code allowed} (first occurrence
   * only), and double braces that open no placeholder.
   */
  public static List<Problem> problems(String text, Collection<String> allowed) {
    List<Problem> problems = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (!allowed.contains(name) && !seen.contains(name)) {
        seen.add(name);
        problems.add(
            new Problem(
                "notificationTemplates.error.unknownPlaceholder",
                name.length() > 40 ? name.substring(0, 40) + "…" : name));
      }
    }
    String rest = m.reset().replaceAll("");
    if (rest.contains("{{") || rest.contains("}}")) {
      problems.add(new Problem("notificationTemplates.error.braces", null));
    }
    return problems;
  }

  /** The text with each placeholder replaced by its value (a missing value by nothing). */
  public static String render(String text, Map<String, String> values) {
    if (text == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 64);
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
