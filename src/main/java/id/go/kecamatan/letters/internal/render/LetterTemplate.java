package id.go.kecamatan.letters.internal.render;

import id.go.kecamatan.shared.pdf.Xhtml;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The body of a letter template, checked and compiled once: an XHTML fragment of an allow-list of
 * elements and attributes, with named placeholders {@code {{pemohon.nama}}} in its text.
 *
 * <p>Compiling parses the fragment (no DOCTYPE, so no entities beyond XML's own and no external
 * resources), refuses anything outside the allow-list and keeps the result as literal XHTML and
 * placeholder slots. Filling puts each value in a slot as escaped text: a value can never add
 * markup, and a value that looks like a placeholder is printed as it is, never evaluated. A table
 * row whose placeholders are all empty (an answer to a question that was not asked) is left out.
 */
public final class LetterTemplate {

  /** The longest template accepted. */
  public static final int MAX_LENGTH = 20_000;

  /**
   * How deeply elements may nest: a letter needs about eight (a table, its body, a row, a cell, a
   * paragraph, bold inside italic); the layout engine recurses per level, and 2,800 nested {@code
   * <b>} overflowed its stack.
   */
  public static final int MAX_DEPTH = 20;

  /** {@code {{name}}} with a name of lower-case letters, digits, underscores and dots. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z0-9_.]+)\\s*}}");

  private static final Set<String> ELEMENTS =
      Set.of(
          "p", "br", "strong", "em", "u", "b", "i", "ol", "ul", "li", "table", "thead", "tbody",
          "tr", "th", "td", "h2", "h3", "span", "div");

  private static final Pattern CLASS = Pattern.compile("[A-Za-z0-9_\\- ]{0,80}");
  private static final Pattern SPAN = Pattern.compile("[1-9][0-9]?");
  private static final Pattern STYLE =
      Pattern.compile("\\s*text-align\\s*:\\s*(left|right|center|justify)\\s*;?\\s*");

  private static final SAXParserFactory PARSERS = parsers();

  private final List<Part> parts;
  private final Set<String> placeholders;

  private LetterTemplate(List<Part> parts, Set<String> placeholders) {
    this.parts = parts;
    this.placeholders = placeholders;
  }

  /**
   * A problem of a template, with the message key of the {@code letter-templates} bundle and its
   * arguments (the line first, where there is one).
   */
  public record Problem(String key, Object... args) {}

  /** The outcome of compiling: the template, or the problems found. */
  public record Compiled(LetterTemplate template, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Checks and compiles a template body.
   *
   * @param known which placeholder names exist (for this service)
   */
  public static Compiled compile(String body, Predicate<String> known) {
    if (body == null || body.isBlank()) {
      return failed(new Problem("letterTemplates.error.empty"));
    }
    if (body.length() > MAX_LENGTH) {
      return failed(new Problem("letterTemplates.error.tooLong", MAX_LENGTH));
    }
    Builder builder = new Builder(known);
    try {
      SAXParser parser = PARSERS.newSAXParser();
      // the fragment lies in a root element of its own, on the same line as its first line
      parser.parse(new InputSource(new StringReader("<template>" + body + "</template>")), builder);
    } catch (SAXParseException e) {
      return failed(
          builder.problems.isEmpty()
              ? new Problem(
                  "letterTemplates.error.malformed", e.getLineNumber(), e.getColumnNumber())
              : builder.problems.get(0));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      return failed(new Problem("letterTemplates.error.malformed", 1, 1));
    }
    if (!builder.problems.isEmpty()) {
      return new Compiled(null, List.copyOf(builder.problems));
    }
    return new Compiled(new LetterTemplate(builder.root(), Set.copyOf(builder.names)), List.of());
  }

  private static Compiled failed(Problem problem) {
    return new Compiled(null, List.of(problem));
  }

  /** The placeholder names this template uses. */
  public Set<String> placeholders() {
    return placeholders;
  }

  /**
   * The XHTML with every placeholder replaced by its value as escaped text; a line break in a value
   * becomes {@code <br/>}. A placeholder without a value is left empty.
   */
  public String fill(Function<String, String> values) {
    StringBuilder out = new StringBuilder(4096);
    for (Part part : parts) {
      part.write(values, out);
    }
    return out.toString();
  }

  /** Fills from a map of values. */
  public String fill(Map<String, String> values) {
    return fill(values::get);
  }

  // ---- compiled parts -------------------------------------------------------------------------

  private sealed interface Part permits Literal, Slot, Row {
    /** Writes this part; whether a placeholder in it had a value. */
    boolean write(Function<String, String> values, StringBuilder out);
  }

  private record Literal(String xhtml) implements Part {
    @Override
    public boolean write(Function<String, String> values, StringBuilder out) {
      out.append(xhtml);
      return false;
    }
  }

  private record Slot(String name) implements Part {
    @Override
    public boolean write(Function<String, String> values, StringBuilder out) {
      String value = values.apply(name);
      if (value == null || value.isEmpty()) {
        return false;
      }
      String[] lines = value.split("\\R", -1);
      for (int i = 0; i < lines.length; i++) {
        if (i > 0) {
          out.append("<br/>");
        }
        Xhtml.escape(lines[i], out);
      }
      return !value.isBlank();
    }
  }

  /** A table row with placeholders, left out when none of them has a value. */
  private record Row(List<Part> parts) implements Part {
    @Override
    public boolean write(Function<String, String> values, StringBuilder out) {
      int start = out.length();
      boolean any = false;
      for (Part part : parts) {
        any |= part.write(values, out);
      }
      if (!any) {
        out.setLength(start);
      }
      return any;
    }
  }

  // ---- parsing --------------------------------------------------------------------------------

  private static final class Builder extends DefaultHandler {

    private final Predicate<String> known;
    final List<Problem> problems = new ArrayList<>();
    final Set<String> names = new LinkedHashSet<>();
    private final List<List<Part>> stack = new ArrayList<>();
    private final List<Boolean> rowHasSlot = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private Locator locator;
    private int textLine;
    private int depth;
    private boolean tooDeep;

    Builder(Predicate<String> known) {
      this.known = known;
      stack.add(new ArrayList<>());
    }

    List<Part> root() {
      flushLiteral();
      return List.copyOf(stack.get(0));
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    private int line() {
      return locator == null ? 1 : locator.getLineNumber();
    }

    private void problem(String key, Object... args) {
      if (problems.size() < 20) {
        problems.add(new Problem(key, args));
      }
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes attributes) {
      flushText();
      if (depth++ == 0) {
        return; // the wrapping root
      }
      if (depth - 1 > MAX_DEPTH) {
        if (!tooDeep) {
          tooDeep = true;
          problem("letterTemplates.error.tooDeep", line(), MAX_DEPTH);
        }
        return;
      }
      if (!ELEMENTS.contains(name)) {
        problem("letterTemplates.error.element", line(), name);
        return;
      }
      if (name.equals("tr")) {
        // a row is a group of its own, from its start tag to its end tag
        flushLiteral();
        stack.add(new ArrayList<>());
        rowHasSlot.add(false);
      }
      literal.append('<').append(name);
      for (int i = 0; i < attributes.getLength(); i++) {
        String attribute = attributes.getQName(i);
        String value = attributes.getValue(i);
        boolean allowed =
            switch (attribute) {
              case "class" -> CLASS.matcher(value).matches();
              case "colspan", "rowspan" -> SPAN.matcher(value).matches();
              case "style" -> STYLE.matcher(value).matches();
              default -> false;
            };
        if (!allowed) {
          problem("letterTemplates.error.attribute", line(), attribute, name);
        } else {
          literal.append(' ').append(attribute).append("=\"");
          Xhtml.escape(value, literal);
          literal.append('"');
        }
      }
      literal.append(name.equals("br") ? "/>" : ">");
    }

    @Override
    public void endElement(String uri, String localName, String name) {
      flushText();
      if (--depth == 0 || depth > MAX_DEPTH || !ELEMENTS.contains(name)) {
        return;
      }
      if (!name.equals("br")) {
        literal.append("</").append(name).append('>');
      }
      if (name.equals("tr")) {
        flushLiteral();
        List<Part> row = stack.remove(stack.size() - 1);
        boolean withSlot = rowHasSlot.remove(rowHasSlot.size() - 1);
        List<Part> parent = stack.get(stack.size() - 1);
        if (withSlot) {
          parent.add(new Row(List.copyOf(row)));
        } else {
          parent.addAll(row);
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (text.isEmpty()) {
        // the locator stands at the end of the chunk: count back its line breaks
        int breaks = 0;
        for (int i = start; i < start + length; i++) {
          breaks += ch[i] == '\n' ? 1 : 0;
        }
        textLine = Math.max(1, line() - breaks);
      }
      text.append(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) {
      problem("letterTemplates.error.instruction", line());
    }

    private void flushText() {
      if (text.isEmpty()) {
        return;
      }
      String value = text.toString();
      text.setLength(0);
      Matcher matcher = PLACEHOLDER.matcher(value);
      int at = 0;
      while (matcher.find()) {
        String before = value.substring(at, matcher.start());
        checkStray(before);
        Xhtml.escape(before, literal);
        String name = matcher.group(1);
        if (!known.test(name)) {
          problem("letterTemplates.error.unknownPlaceholder", lineOf(value, matcher.start()), name);
        }
        names.add(name);
        flushLiteral();
        current().add(new Slot(name));
        if (!rowHasSlot.isEmpty()) {
          rowHasSlot.set(rowHasSlot.size() - 1, true);
        }
        at = matcher.end();
      }
      String rest = value.substring(at);
      checkStray(rest);
      Xhtml.escape(rest, literal);
    }

    /** Braces that do not make a placeholder: a typing mistake the admin should see. */
    private void checkStray(String text) {
      int index = text.indexOf("{{");
      if (index < 0) {
        index = text.indexOf("}}");
      }
      if (index >= 0) {
        problem("letterTemplates.error.placeholderSyntax", textLine);
      }
    }

    private int lineOf(String value, int index) {
      int line = textLine;
      for (int i = 0; i < index; i++) {
        if (value.charAt(i) == '\n') {
          line++;
        }
      }
      return line;
    }

    private List<Part> current() {
      return stack.get(stack.size() - 1);
    }

    private void flushLiteral() {
      if (!literal.isEmpty()) {
        current().add(new Literal(literal.toString()));
        literal.setLength(0);
      }
    }
  }

  private static SAXParserFactory parsers() {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setValidating(false);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException(e);
    }
  }
}
