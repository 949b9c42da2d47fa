package id.go.kecamatan.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.application.ApplicationStatus;
import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.office.Holiday;
import id.go.kecamatan.office.Official;
import id.go.kecamatan.shared.security.Role;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the message bundles complete and the templates free of hard-coded text (as spring-petclinic
 * does).
 *
 * <ul>
 *   <li>The Indonesian bundles ({@code messages.properties}, {@code forms.properties}, ...) and
 *       their English twins ({@code messages_en.properties}, ...) have exactly the same keys, no
 *       key stands in two bundles, and each message uses the same argument indices ({@code {0}}) in
 *       both languages.
 *   <li>Every key used in a template ({@code page.t("key"}, not followed by {@code +}) and every
 *       key passed to {@code reject(field, "key"} in main code is in both bundles. Keys built at
 *       run time ({@code "role." + role.name()}) are checked through their known prefixes: one key
 *       per enum constant or per error page kind.
 *   <li>No template shows hard-coded text. The heuristic: remove everything that is jte code
 *       ({@code @import}/{@code @param} lines, {@code !{...}}, {@code ${...}}, {@code
 *       $unsafe{...}}, {@code @if(...)}, {@code @for(...)}, {@code @else}, {@code @endif}, ...; the
 *       arguments of {@code @template.x(...)} calls, except the HTML inside their {@code @`...`}
 *       content blocks) and HTML comments; then every text node (between {@code >} and {@code <})
 *       and every {@code alt}, {@code title}, {@code placeholder} and {@code aria-label} attribute
 *       must contain no letter, apart from the words in {@link #ALLOWED_WORDS} (brand names that
 *       are the same in both languages). Symbols such as {@code ·}, {@code ›}, {@code ←} and {@code
 *       :} are fine.
 * </ul>
 */
class MessageBundleTests {

  static final Path MAIN_JAVA = Path.of("src/main/java");
  static final Path TEMPLATES = Path.of("src/main/jte");
  static final Path BUNDLES = Path.of("src/main/resources/messages");

  /** Words a template may show as they are. */
  static final Set<String> ALLOWED_WORDS = Set.of("WhatsApp");

  /** Every bundle of the application (messages, documents, forms, ...) merged, per language. */
  static final Properties INDONESIAN = loadAll(false);

  static final Properties ENGLISH = loadAll(true);

  // --- (a) the bundles match -----------------------------------------------------------------

  @Test
  void bothLanguagesHaveTheSameKeys() {
    assertThat(ENGLISH.stringPropertyNames())
        .as("keys of messages_en.properties")
        .containsExactlyInAnyOrderElementsOf(INDONESIAN.stringPropertyNames());
  }

  @Test
  void bothLanguagesUseTheSameArguments() {
    Map<String, String> different = new TreeMap<>();
    for (String key : INDONESIAN.stringPropertyNames()) {
      Set<String> id = arguments(INDONESIAN.getProperty(key));
      Set<String> en = arguments(ENGLISH.getProperty(key, ""));
      if (!id.equals(en)) {
        different.put(key, id + " vs " + en);
      }
    }
    assertThat(different).as("message arguments, Indonesian vs English").isEmpty();
  }

  @Test
  void noMessageIsEmpty() {
    for (Properties bundle : List.of(INDONESIAN, ENGLISH)) {
      bundle.forEach((key, value) -> assertThat(value.toString()).as("%s", key).isNotBlank());
    }
  }

  /** English nouns counted in messages: "1 working days" must read "1 working day". */
  private static final Pattern ONE_WITH_PLURAL =
      Pattern.compile(
          "\\b1 (more |working |finished )?(days|files|seconds|times|letters|requirements|services"
              + "|characters|questions|options|villages|steps|lines|megapixels|hours|minutes"
              + "|applications|messages|documents)\\b");

  @Test
  void englishCountsOfOneAreSingular() {
    Map<String, String> wrong = new TreeMap<>();
    for (String key : ENGLISH.stringPropertyNames()) {
      String one = everyArgument(ENGLISH.getProperty(key), 1);
      if (one != null && ONE_WITH_PLURAL.matcher(one).find()) {
        wrong.put(key, one);
      }
    }
    assertThat(wrong).as("English messages with a count of 1 and a plural noun").isEmpty();
  }

  /**
   * A service finished the same day is not "done in 0 working days": every message that counts
   * working days says what a person would for zero (a choice format), in both languages.
   */
  @Test
  void zeroWorkingDaysReadAsTheSameDay() {
    Map<String, String> wrong = new TreeMap<>();
    for (Properties bundle : List.of(INDONESIAN, ENGLISH)) {
      for (String key : bundle.stringPropertyNames()) {
        String message = bundle.getProperty(key);
        String zero =
            message.matches("(?s).*(hari kerja|working day).*") ? everyArgument(message, 0) : null;
        if (zero != null && zero.matches("(?s).*\\b0 (hari kerja|working days?)\\b.*")) {
          wrong.put((bundle == ENGLISH ? "en " : "id ") + key, zero);
        }
      }
    }
    assertThat(wrong).as("messages that would say 0 working days").isEmpty();
  }

  /**
   * A message with arguments is formatted by {@link java.text.MessageFormat}, where a single
   * apostrophe starts a quoted part: "type your account's code ... in {0,choice,...}" showed
   * "type your accounts code ... in {0,choice,0#{0} seconds|...}" on the demo's code page. Such a
   * message writes an apostrophe as two ({@code ''}) and quotes nothing but braces ({@code '{'});
   * a message without arguments is shown as written, so there one apostrophe is one.
   */
  @Test
  void apostrophesSurviveMessageFormat() {
    Map<String, String> wrong = new TreeMap<>();
    for (Properties bundle : List.of(INDONESIAN, ENGLISH)) {
      for (String key : bundle.stringPropertyNames()) {
        String message = bundle.getProperty(key);
        boolean formatted = !arguments(message).isEmpty();
        String unquoted = message.replace("''", "").replaceAll("'[{}]+'", "");
        if (formatted ? unquoted.contains("'") : message.contains("''")) {
          wrong.put((bundle == ENGLISH ? "en " : "id ") + key, message);
        }
      }
    }
    assertThat(wrong)
        .as("messages whose apostrophes MessageFormat would swallow or double")
        .isEmpty();
  }

  /**
   * The messages that name an identity number before its problem ({@code IdentityProblem}, a
   * predicate: "has no valid date in digits 7 to 12") read as an English sentence: "The NIK ...".
   */
  @Test
  void identityProblemsFollowTheNumbersNameInEnglish() {
    for (String key :
        List.of(
            "application.error.nik", "forms.answer.nik", "forms.answer.kk", "office.error.nip")) {
      assertThat(ENGLISH.getProperty(key)).as(key).matches("The [^{]+ \\{0\\}\\.");
    }
  }

  /** A clock time as Indonesian writes it (08.00), not a region code (35.16.16) or a decimal. */
  private static final Pattern INDONESIAN_TIME =
      Pattern.compile("(?<![\\d.,])(?:[01]\\d|2[0-3])\\.[0-5]\\d(?![\\d.,])");

  /**
   * English pages write times as 08:00 (as {@code Formats} does for every time of the data); the
   * IKM survey's time bands read "08.00-12.00" on the English form.
   */
  @Test
  void englishMessagesWriteTimesWithAColon() {
    Map<String, String> wrong = new TreeMap<>();
    for (String key : ENGLISH.stringPropertyNames()) {
      if (INDONESIAN_TIME.matcher(ENGLISH.getProperty(key)).find()) {
        wrong.put(key, ENGLISH.getProperty(key));
      }
    }
    assertThat(INDONESIAN_TIME.matcher("pukul 08.00-12.00").find()).isTrue();
    assertThat(INDONESIAN_TIME.matcher("format 00.00.00, 35.16.16, 79.63").find()).isFalse();
    assertThat(wrong).as("English messages with a time written 08.00").isEmpty();
  }

  /**
   * The message with {@code n} for each of its arguments; null when it has none or one that is not
   * a number (a name, a date).
   */
  private static String everyArgument(String message, int n) {
    Set<String> indices = arguments(message);
    if (indices.isEmpty()) {
      return null;
    }
    Object[] values = new Object[indices.stream().mapToInt(Integer::parseInt).max().getAsInt() + 1];
    Arrays.fill(values, n);
    try {
      return new java.text.MessageFormat(message, java.util.Locale.ENGLISH).format(values);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Set<String> arguments(String message) {
    Set<String> indices = new TreeSet<>();
    Matcher m = Pattern.compile("\\{(\\d+)").matcher(message);
    while (m.find()) {
      indices.add(m.group(1));
    }
    return indices;
  }

  // --- (b) every key used exists -------------------------------------------------------------

  private static final Pattern TEMPLATE_KEY = Pattern.compile("page\\.t\\(\"([^\"]+)\"(\\s*\\+)?");
  private static final Pattern REJECT_KEY =
      Pattern.compile("reject\\(\\s*[^,()]+(?:\\([^()]*\\))?\\s*,\\s*\"([^\"]+)\"");

  /** Message keys a controller hands to a template as data ({@code page.t(message)}). */
  private static final Pattern LOGIN_KEY = Pattern.compile("\"(login\\.[A-Za-z]+)\"");

  @Test
  void everyKeyUsedInATemplateExists() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Path template : files(TEMPLATES, ".jte")) {
      Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
      while (m.find()) {
        if (m.group(2) == null) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).as("keys used in templates").hasSizeGreaterThan(50);
    assertThat(missing(used)).as("template keys missing from the bundles").isEmpty();
  }

  @Test
  void everyKeyRejectedInJavaExists() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Path source : files(MAIN_JAVA, ".java")) {
      String java = Files.readString(source);
      for (Pattern pattern : List.of(REJECT_KEY, LOGIN_KEY)) {
        Matcher m = pattern.matcher(java);
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used)
        .as("keys used in Java")
        .contains("error.required", "login.failed", "office.error.nip");
    assertThat(missing(used)).as("Java keys missing from the bundles").isEmpty();
  }

  @Test
  void everyKeyBuiltAtRunTimeExists() throws IOException {
    Set<String> keys = new TreeSet<>();
    Arrays.stream(Role.values()).forEach(role -> keys.add("role." + role.name()));
    Arrays.stream(Holiday.Kind.values()).forEach(kind -> keys.add("calendar.kind." + kind.name()));
    Arrays.stream(Official.Position.values()).forEach(p -> keys.add("officials." + p.name()));
    Arrays.stream(ServiceType.Category.values())
        .forEach(c -> keys.add("services.field.category." + c.name()));
    List.of("DESA", "KELURAHAN").forEach(kind -> keys.add("villages." + kind));
    for (ApplicationStatus status : ApplicationStatus.values()) {
      keys.add("status.name." + status.name());
      keys.add("status.explain." + status.name());
    }
    // the error page kinds are the string cases of ErrorPageController's switch
    Matcher kinds =
        Pattern.compile("(?:->|\\?|:)\\s*\"(\\w+)\"")
            .matcher(
                Files.readString(
                    MAIN_JAVA.resolve("id/go/kecamatan/shared/web/ErrorPageController.java")));
    int found = 0;
    while (kinds.find()) {
      keys.add("errorPage." + kinds.group(1) + ".title");
      keys.add("errorPage." + kinds.group(1) + ".body");
      found++;
    }
    assertThat(found).as("error page kinds").isGreaterThanOrEqualTo(5);
    assertThat(missing(keys)).as("run-time keys missing from the bundles").isEmpty();
  }

  /**
   * The audit trail's page shows each event's action as {@code audit.action.<action>}: every action
   * main code records ({@code audit.record(office, "letter.signed", ...)}, the string literals of
   * the second argument; {@code "application." + status} for each application status; a device's
   * {@code purpose.audit + ".added"} for each purpose of its file; an action handed over in a
   * variable, each literal of its file that starts with the entity type and a dot, {@code
   * "complaint.verified"} for {@code audit.record(office, action, "complaint", ...)}) has a label.
   * The page showed "audit.action.application.submitted" and 85 more such keys.
   */
  @Test
  void everyAuditedActionHasALabel() throws IOException {
    Set<String> keys = new TreeSet<>();
    Pattern call = Pattern.compile("\\baudit\\.record\\(");
    Pattern literal = Pattern.compile("\"([^\"]*)\"");
    Pattern purpose = Pattern.compile("\\b[A-Z_]+\\(\"([a-z.]+)\"\\)");
    for (Path source : files(MAIN_JAVA, ".java")) {
      String java = Files.readString(source);
      Matcher m = call.matcher(java);
      while (m.find()) {
        List<String> arguments = arguments(java, m.end());
        Matcher action = literal.matcher(arguments.get(1));
        if (!literal.matcher(arguments.get(1)).find()) {
          Set<String> handed = handedOver(java, arguments.get(1), arguments.get(2));
          assertThat(handed).as("actions of %s in %s", arguments.get(1), source).isNotEmpty();
          handed.forEach(a -> keys.add("audit.action." + a));
        }
        while (action.find()) {
          String a = action.group(1);
          if (a.startsWith(".")) {
            Matcher p = purpose.matcher(java);
            int purposes = 0;
            while (p.find()) {
              keys.add("audit.action." + p.group(1) + a);
              purposes++;
            }
            assertThat(purposes).as("purposes beside %s in %s", a, source).isPositive();
          } else if (a.endsWith(".")) {
            assertThat(a)
                .as("an action built from a status, in %s", source)
                .isEqualTo("application.");
            for (ApplicationStatus status : ApplicationStatus.values()) {
              keys.add("audit.action." + a + status.name().toLowerCase(Locale.ROOT));
            }
          } else {
            keys.add("audit.action." + a);
          }
        }
      }
    }
    assertThat(keys).as("audited actions").hasSizeGreaterThan(100);
    assertThat(missing(keys)).as("audited actions without a label").isEmpty();
  }

  /**
   * The actions a variable of a file's {@code audit.record} call holds: when it is a parameter of a
   * method of the file, the literals its calls there pass in its place ({@code audited(office,
   * "statistics.register.audit", ...)}); else the file's literals that start with the event's
   * entity type and a dot ({@code "complaint.verified"} for entity {@code "complaint"}).
   */
  private static Set<String> handedOver(String java, String variable, String entityArgument) {
    Set<String> actions = new TreeSet<>();
    Matcher method =
        Pattern.compile(
                "(\\w+)\\(([^()]*\\bString " + Pattern.quote(variable) + "\\b[^()]*)\\)\\s*\\{")
            .matcher(java);
    if (method.find()) {
      int position =
          List.of(method.group(2).split(",")).stream()
              .map(String::strip)
              .toList()
              .indexOf("String " + variable);
      Matcher call = Pattern.compile("\\b" + Pattern.quote(method.group(1)) + "\\(").matcher(java);
      while (call.find()) {
        List<String> arguments = arguments(java, call.end());
        Matcher action = Pattern.compile("^\"([^\"]+)\"$").matcher(arguments.get(position));
        if (action.find()) {
          actions.add(action.group(1));
        }
      }
      return actions;
    }
    Matcher entity = Pattern.compile("\"([^\"]*)\"").matcher(entityArgument);
    if (entity.find()) {
      Matcher named =
          Pattern.compile("\"(" + Pattern.quote(entity.group(1)) + "\\.[a-zA-Z.-]+)\"")
              .matcher(java);
      while (named.find()) {
        actions.add(named.group(1));
      }
    }
    return actions;
  }

  /** The top-level arguments of the call whose opening bracket ends at {@code from}, as text. */
  private static List<String> arguments(String java, int from) {
    List<String> arguments = new ArrayList<>();
    StringBuilder argument = new StringBuilder();
    int depth = 1;
    for (int i = from; i < java.length() && depth > 0; i++) {
      char c = java.charAt(i);
      if (c == '"') {
        int end = i + 1;
        while (java.charAt(end) != '"') {
          end += java.charAt(end) == '\\' ? 2 : 1;
        }
        argument.append(java, i, end + 1);
        i = end;
        continue;
      }
      if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      }
      if (depth == 0 || (c == ',' && depth == 1)) {
        arguments.add(argument.toString().strip());
        argument.setLength(0);
      } else {
        argument.append(c);
      }
    }
    return arguments;
  }

  private static Set<String> missing(Set<String> keys) {
    Set<String> missing = new TreeSet<>();
    for (String key : keys) {
      if (!INDONESIAN.containsKey(key)) {
        missing.add(key + " (messages.properties)");
      }
      if (!ENGLISH.containsKey(key)) {
        missing.add(key + " (messages_en.properties)");
      }
    }
    return missing;
  }

  // --- (c) no hard-coded text in templates ---------------------------------------------------

  @Test
  void templatesHaveNoHardCodedText() throws IOException {
    Map<String, List<String>> found = new TreeMap<>();
    for (Path template : files(TEMPLATES, ".jte")) {
      List<String> texts = hardCodedTexts(Files.readString(template));
      if (!texts.isEmpty()) {
        found.put(TEMPLATES.relativize(template).toString(), texts);
      }
    }
    assertThat(found).as("hard-coded text in templates (use page.t(...))").isEmpty();
  }

  @Test
  void theHeuristicFindsTextAndIgnoresCode() {
    assertThat(hardCodedTexts("<p>Selamat datang</p>")).containsExactly("Selamat datang");
    assertThat(hardCodedTexts("<img src=\"/x.png\" alt=\"Logo kecamatan\">"))
        .containsExactly("Logo kecamatan");
    assertThat(hardCodedTexts("@template.layout(page = page, content = @`<h1>Judul</h1>`)"))
        .containsExactly("Judul");
    assertThat(hardCodedTexts("@if(x)<b>Tidak</b>@else<b>${page.t(\"admin.no\")}</b>@endif"))
        .containsExactly("Tidak");
    assertThat(
            hardCodedTexts(
                """
                @import id.go.kecamatan.shared.web.Page
                @param Page page
                !{String name = "Budi";}
                <!-- a comment with words -->
                <p class="meta">${page.t("x", "a > b")} · ${page.rupiah(5)} › ←</p>
                @for(var x : List.of("a<b>c"))<li>${x}</li>@endfor
                @template.layout(page = page, title = page.t("y") + " – " + "z", content = @`
                  <a href="/kecamatan/${slug}" aria-label="${page.t("z")}">${page.t("z")}</a>
                  <dt>WhatsApp</dt> <dd>WhatsApp: ${phone}</dd>
                `)
                """))
        .isEmpty();
  }

  /** The visible texts with letters that are not jte code, in order. */
  static List<String> hardCodedTexts(String template) {
    String html = new JteStripper(template).html();
    html = html.replaceAll("(?s)<!--.*?-->", "");
    List<String> texts = new ArrayList<>();
    Matcher text = Pattern.compile(">([^<>]*)<").matcher(">" + html + "<");
    while (text.find()) {
      addIfWords(text.group(1), texts);
    }
    Matcher attribute =
        Pattern.compile("\\s(?:alt|title|placeholder|aria-label)=\"([^\"]*)\"").matcher(html);
    while (attribute.find()) {
      addIfWords(attribute.group(1), texts);
    }
    return texts;
  }

  private static void addIfWords(String text, List<String> texts) {
    String rest = text.replaceAll("&[a-zA-Z]+;|&#\\d+;", " ");
    for (String word : ALLOWED_WORDS) {
      rest = rest.replace(word, " ");
    }
    if (rest.codePoints().anyMatch(Character::isLetter)) {
      texts.add(text.replace(JteStripper.CODE, '…').strip());
    }
  }

  /**
   * Turns a jte template into its HTML with the code left out: each piece of code becomes one
   * {@code \u0000} (a non-letter), the HTML of content blocks stays.
   */
  static final class JteStripper {
    private static final char CODE = '\u0000';
    private final String s;
    private int i;

    JteStripper(String template) {
      this.s = template;
    }

    String html() {
      StringBuilder out = new StringBuilder();
      markup(out, false);
      return out.toString();
    }

    /** Copies HTML until the end, or until the closing backtick of a content block. */
    private void markup(StringBuilder out, boolean inContentBlock) {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (inContentBlock && c == '`') {
          i++;
          return;
        }
        if (startsWith("${") || startsWith("!{")) {
          i += 1;
          skipBalanced('{', '}');
          out.append(CODE);
        } else if (startsWith("$unsafe{")) {
          i += "$unsafe".length();
          skipBalanced('{', '}');
          out.append(CODE);
        } else if (c == '@' && (startsWith("@import ") || startsWith("@param "))) {
          while (i < s.length() && s.charAt(i) != '\n') {
            i++;
          }
        } else if (c == '@' && startsWith("@template.")) {
          while (i < s.length() && s.charAt(i) != '(') {
            i++;
          }
          templateArguments(out);
          out.append(CODE);
        } else if (c == '@' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
          // @if(..) @elseif(..) @for(..) @else @endif @endfor @raw @endraw
          i++;
          while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
          }
          if (i < s.length() && s.charAt(i) == '(') {
            skipBalanced('(', ')');
          }
          out.append(CODE);
        } else {
          out.append(c);
          i++;
        }
      }
    }

    /** Skips the arguments of a template call, keeping the HTML of its content blocks. */
    private void templateArguments(StringBuilder out) {
      int depth = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '"') {
          skipString();
          continue;
        }
        if (c == '@' && i + 1 < s.length() && s.charAt(i + 1) == '`') {
          i += 2;
          markup(out, true);
          continue;
        }
        i++;
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          return;
        }
      }
    }

    /** Skips from an opening bracket at {@code i} to after its closing one, minding strings. */
    private void skipBalanced(char open, char close) {
      int depth = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '"') {
          skipString();
          continue;
        }
        i++;
        if (c == open) {
          depth++;
        } else if (c == close && --depth == 0) {
          return;
        }
      }
    }

    private void skipString() {
      i++;
      while (i < s.length() && s.charAt(i) != '"') {
        i += s.charAt(i) == '\\' ? 2 : 1;
      }
      i++;
    }

    private boolean startsWith(String prefix) {
      return s.startsWith(prefix, i);
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private static Properties loadAll(boolean english) {
    Properties all = new Properties();
    try {
      for (Path bundle : files(BUNDLES, ".properties")) {
        String name = bundle.getFileName().toString();
        if (name.endsWith("_en.properties") == english) {
          Properties one = load(name);
          for (String key : one.stringPropertyNames()) {
            if (all.containsKey(key)) {
              throw new IllegalStateException(
                  "Key " + key + " stands in two bundles, one is " + name);
            }
          }
          all.putAll(one);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return all;
  }

  private static Properties load(String name) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return properties;
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
