package id.go.kecamatan.letters.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Checking, compiling and filling letter templates: escaping, hostile templates, line numbers. */
class LetterTemplateTests {

  static final Predicate<String> KNOWN =
      name -> Placeholders.STANDARD.contains(name) || name.equals("jawaban.keperluan");

  static LetterTemplate.Compiled compile(String body) {
    return LetterTemplate.compile(body, KNOWN);
  }

  static LetterTemplate.Problem problem(String body) {
    LetterTemplate.Compiled compiled = compile(body);
    assertThat(compiled.ok()).as(body.length() > 200 ? "long body" : body).isFalse();
    return compiled.problems().get(0);
  }

  @Test
  void placeholdersAreFilledWithEscapedTextAndNeverEvaluatedTwice() {
    LetterTemplate template =
        compile(
                "<p class=\"x\" style=\"text-align: center\">Nama: {{ pemohon.nama }}, NIK {{pemohon.nik}}</p>")
            .template();
    Map<String, String> values = new HashMap<>();
    values.put(
        "pemohon.nama", "</p><a href=\"https://evil\">x</a><script>&amp; ]]>{{pemohon.nik}}");
    values.put("pemohon.nik", "3516164101900001");
    assertThat(template.fill(values))
        .isEqualTo(
            "<p class=\"x\" style=\"text-align: center\">Nama: &lt;/p&gt;&lt;a href=&quot;https://evil&quot;&gt;x&lt;/a&gt;"
                + "&lt;script&gt;&amp;amp; ]]&gt;{{pemohon.nik}}, NIK 3516164101900001</p>");
    assertThat(template.placeholders()).containsExactlyInAnyOrder("pemohon.nama", "pemohon.nik");
  }

  @Test
  void lineBreaksBecomeBreaksAndWhatXmlCannotCarryIsDropped() {
    LetterTemplate template = compile("<p>{{pemohon.alamat}}</p>").template();
    assertThat(template.fill(Map.of("pemohon.alamat", "Dusun\u0000 Kauman\nRT 2\uFFFF")))
        .isEqualTo("<p>Dusun Kauman<br/>RT 2</p>");
  }

  @Test
  void aTableRowWhosePlaceholdersAreAllEmptyIsLeftOut() {
    LetterTemplate template =
        compile(
                "<table class=\"data\"><tr><td>Nama</td><td>{{pemohon.nama}}</td></tr>"
                    + "<tr><td>Keperluan</td><td>{{jawaban.keperluan}}</td></tr>"
                    + "<tr><td colspan=\"2\">Tetap</td></tr></table>")
            .template();
    assertThat(template.fill(Map.of("pemohon.nama", "Siti")))
        .isEqualTo(
            "<table class=\"data\"><tr><td>Nama</td><td>Siti</td></tr>"
                + "<tr><td colspan=\"2\">Tetap</td></tr></table>");
  }

  @Test
  void scriptsLinksImagesAndStylesAreRefusedWithTheirLine() {
    assertThat(problem("<p>a</p>\n<script>alert(1)</script>"))
        .usingRecursiveComparison()
        .isEqualTo(new LetterTemplate.Problem("letterTemplates.error.element", 2, "script"));
    assertThat(problem("<p><a href=\"https://evil\">x</a></p>").key())
        .isEqualTo("letterTemplates.error.element");
    assertThat(problem("<p>\n\n<img src=\"http://evil/x.png\"/></p>"))
        .usingRecursiveComparison()
        .isEqualTo(new LetterTemplate.Problem("letterTemplates.error.element", 3, "img"));
    assertThat(problem("<p style=\"background:url(http://evil/x.png)\">x</p>"))
        .usingRecursiveComparison()
        .isEqualTo(new LetterTemplate.Problem("letterTemplates.error.attribute", 1, "style", "p"));
    assertThat(problem("<p style=\"text-align:left; color: red\">x</p>").key())
        .isEqualTo("letterTemplates.error.attribute");
    assertThat(problem("<p onclick=\"x()\">x</p>").key())
        .isEqualTo("letterTemplates.error.attribute");
    assertThat(problem("<p class=\"a{{pemohon.nama}}\">x</p>").key())
        .isEqualTo("letterTemplates.error.attribute");
    assertThat(problem("<p><link rel=\"stylesheet\" href=\"http://evil\"/></p>").key())
        .isEqualTo("letterTemplates.error.element");
    assertThat(problem("<p><?xml-stylesheet href=\"http://evil\"?>x</p>").key())
        .isEqualTo("letterTemplates.error.instruction");
  }

  @Test
  void malformedXmlEntitiesAndDoctypesAreRefusedWithTheirLine() {
    assertThat(problem("<p>a</p>\n<p>b"))
        .satisfies(p -> assertThat(p.key()).isEqualTo("letterTemplates.error.malformed"));
    LetterTemplate.Problem unclosed = problem("<p>a</p>\n<p>b <b>c</p>");
    assertThat(unclosed.key()).isEqualTo("letterTemplates.error.malformed");
    assertThat(unclosed.args()[0]).isEqualTo(2);
    assertThat(problem("<p>Tom & Jerry</p>").key()).isEqualTo("letterTemplates.error.malformed");
    assertThat(problem("<p>&nbsp;</p>").key()).isEqualTo("letterTemplates.error.malformed");
    assertThat(problem("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>&e;</p>").key())
        .isEqualTo("letterTemplates.error.malformed");
    assertThat(problem("<p>a\u0000b</p>").key()).isEqualTo("letterTemplates.error.malformed");
    assertThat(compile("<p>Tom &amp; Jerry &#160;<![CDATA[<b>]]></p>").template().fill(Map.of()))
        .isEqualTo("<p>Tom &amp; Jerry \u00A0&lt;b&gt;</p>");
  }

  @Test
  void elementsNestedTooDeeplyAreRefusedOnceWithTheirLine() {
    String deep = "<p>\n" + "<b>".repeat(2800) + "x" + "</b>".repeat(2800) + "</p>";
    assertThat(deep.length()).isLessThan(LetterTemplate.MAX_LENGTH);

    LetterTemplate.Compiled compiled = compile(deep);

    assertThat(compiled.ok()).isFalse();
    assertThat(compiled.problems()).hasSize(1);
    assertThat(compiled.problems().get(0).key()).isEqualTo("letterTemplates.error.tooDeep");
    assertThat(compiled.problems().get(0).args()).containsExactly(2, LetterTemplate.MAX_DEPTH);
    // as deep as allowed is fine
    String allowed =
        "<b>".repeat(LetterTemplate.MAX_DEPTH) + "x" + "</b>".repeat(LetterTemplate.MAX_DEPTH);
    assertThat(compile(allowed).ok()).isTrue();
    assertThat(compile("<b>" + allowed + "</b>").ok()).isFalse();
  }

  @Test
  void unknownAndBrokenPlaceholdersEmptyAndOversizedTemplatesAreRefused() {
    assertThat(problem("<p>a</p>\n<p>b</p>\n<p>{{pemohon.gaji}}</p>"))
        .usingRecursiveComparison()
        .isEqualTo(
            new LetterTemplate.Problem(
                "letterTemplates.error.unknownPlaceholder", 3, "pemohon.gaji"));
    assertThat(problem("<p>{{ pemohon.nama }</p>").key())
        .isEqualTo("letterTemplates.error.placeholderSyntax");
    assertThat(problem("<p>{{Pemohon.Nama}}</p>").key())
        .isEqualTo("letterTemplates.error.placeholderSyntax");
    assertThat(problem("  ").key()).isEqualTo("letterTemplates.error.empty");
    assertThat(problem("<p>" + "a".repeat(100_000) + "</p>"))
        .usingRecursiveComparison()
        .isEqualTo(
            new LetterTemplate.Problem("letterTemplates.error.tooLong", LetterTemplate.MAX_LENGTH));
  }

  @Test
  void theShippedDefaultsCompileAndTheBundleDescribesEveryPlaceholderPaperAndFont()
      throws Exception {
    for (String code :
        List.of(
            "SKW",
            "PINDAH-KELUAR",
            "PINDAH-DATANG",
            "DISPENSASI-NIKAH",
            "SKCK",
            "SKTM",
            "JAMPERSAL",
            "DOMISILI",
            "IZIN-KERAMAIAN",
            "REKOM-BBM",
            "LEGALISIR",
            "IZIN-JALAN",
            "SKTS",
            "EKTP",
            "GENERIC")) {
      LetterTemplate.Compiled compiled =
          LetterTemplate.compile(LetterTemplates.read(code).orElseThrow(), name -> true);
      assertThat(compiled.problems()).as(code).isEmpty();
    }
    Properties bundle = new Properties();
    try (var in = getClass().getResourceAsStream("/messages/letter-templates.properties")) {
      bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    for (String name : Placeholders.STANDARD) {
      assertThat(bundle).containsKey("letterTemplates.ph." + name);
    }
    for (PaperSize paper : PaperSize.values()) {
      assertThat(bundle).containsKey("letterTemplates.paper." + paper.name());
    }
    for (LetterFont font : LetterFont.values()) {
      assertThat(bundle).containsKey("letterTemplates.font." + font.name());
    }
    assertThat(Set.copyOf(Placeholders.STANDARD)).hasSize(Placeholders.STANDARD.size());
  }
}
