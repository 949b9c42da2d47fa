package id.go.kecamatan;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.documents.internal.DocumentsProperties;
import id.go.kecamatan.documents.internal.S3Properties;
import id.go.kecamatan.notifications.internal.NotificationsProperties;
import java.io.IOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.FileSystemResource;

/**
 * The README's "Configuration" table is what a regency's IT person sets a node by: every {@code
 * layanan.*} setting it names is read by the code under that name with that default, and every
 * {@code layanan.*} setting the code reads is named in the README. Read from the sources (the
 * {@code ${...}} placeholders of {@code @Value} and {@code @Scheduled}), the settings records and
 * application.yml, so a renamed setting or a changed default fails here.
 */
class ReadmeSettingsTests {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{(layanan\\.[a-z0-9.-]+)(?::([^}]*))?}");

  /** {@code environment.getProperty("layanan.x", Boolean.class, false)} and the like. */
  private static final Pattern LOOKUP =
      Pattern.compile(
          "getProperty\\(\\s*\"(layanan\\.[a-z0-9.-]+)\"(?:,\\s*(?:[A-Za-z]+\\.class,\\s*)?\"?([^\")]*)\"?)?\\)");

  /** A cell's items: a backticked value (with what follows it up to a comma) or a plain word. */
  private static final Pattern ITEM = Pattern.compile("\\s*(?:`([^`]*)`[^,]*|([^,]+))");

  /** Every setting the code reads, with its default ("" when it has none). */
  private static final Map<String, String> code = new LinkedHashMap<>();

  private static String readme;

  @BeforeAll
  static void read() throws IOException {
    readme = Files.readString(Path.of("README.md"));
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        for (Pattern pattern : List.of(PLACEHOLDER, LOOKUP)) {
          Matcher m = pattern.matcher(source);
          while (m.find()) {
            // a default built from a constant ("" + ITERATIONS + "") is not compared
            String value = m.group(2) == null ? "" : m.group(2);
            code.merge(m.group(1), value.contains("\"") ? "?" : value, (a, b) -> a);
          }
        }
      }
    }
    record(DocumentsProperties.class, "layanan.documents");
    record(S3Properties.class, "layanan.documents.s3");
    record(NotificationsProperties.class, "layanan.notifications");
    record(NotificationsProperties.Email.class, "layanan.notifications.email");
    record(NotificationsProperties.HttpChannel.class, "layanan.notifications.whatsapp");
    record(NotificationsProperties.HttpChannel.class, "layanan.notifications.sms");
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new FileSystemResource("src/main/resources/application.yml"));
    Properties shipped = yaml.getObject();
    for (Object key : shipped.keySet()) {
      String name = key.toString();
      if (name.startsWith("layanan.")) {
        // ${LAYANAN_METRICS_TOKEN:} is the default after the colon
        String value = String.valueOf(shipped.get(key)).replaceAll("^\\$\\{[A-Z_]+:(.*)}$", "$1");
        code.put(name, value);
      }
    }
  }

  private static void record(Class<?> type, String prefix) {
    RecordComponent[] components = type.getRecordComponents();
    Parameter[] parameters;
    try {
      parameters =
          type.getDeclaredConstructor(
                  Stream.of(components).map(RecordComponent::getType).toArray(Class[]::new))
              .getParameters();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < components.length; i++) {
      if (components[i].getType().isRecord()) {
        continue;
      }
      String name =
          prefix + "." + components[i].getName().replaceAll("([A-Z])", "-$1").toLowerCase();
      DefaultValue value = parameters[i].getAnnotation(DefaultValue.class);
      code.put(name, value == null || value.value().length == 0 ? "" : value.value()[0]);
    }
  }

  /** The table's settings with the default it gives each (null where it gives words). */
  private static Map<String, String> table() {
    int start = readme.indexOf("## Configuration");
    int end = readme.indexOf("### First start of a real deployment", start);
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : readme.substring(start, end).split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split(" \\| ");
      List<String> names = new ArrayList<>();
      String parent = null;
      for (String item : items(cells[0].substring(2))) {
        if (item == null || !item.matches("[a-z.][a-z0-9.<>|\\\\-]*")) {
          names.add(null);
          continue;
        }
        String name;
        if (item.startsWith("layanan.")) {
          name = item;
        } else if (item.startsWith(".") && parent != null) {
          name = parent + item;
        } else if (parent != null && !item.contains(".")) {
          name = parent + "." + item;
        } else {
          names.add(null);
          continue;
        }
        parent = name.substring(0, name.lastIndexOf('.'));
        names.add(name);
      }
      List<String> defaults = items(cells[1]);
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (name == null) {
          continue;
        }
        String value = names.size() == defaults.size() ? defaults.get(i) : null;
        for (String expanded : expand(name)) {
          rows.put(expanded, value);
        }
      }
    }
    return rows;
  }

  private static List<String> items(String cell) {
    List<String> items = new ArrayList<>();
    Matcher m = ITEM.matcher(cell);
    while (m.find()) {
      items.add(m.group(1));
    }
    return items;
  }

  private static List<String> expand(String name) {
    Matcher m = Pattern.compile("<([a-z]+)\\\\?\\|([a-z]+)>").matcher(name);
    if (!m.find()) {
      return List.of(name);
    }
    return List.of(
        name.substring(0, m.start()) + m.group(1) + name.substring(m.end()),
        name.substring(0, m.start()) + m.group(2) + name.substring(m.end()));
  }

  @Test
  void everySettingOfTheTableIsReadByTheCodeWithTheDefaultTheTableGives() {
    Map<String, String> table = table();
    assertThat(table).hasSizeGreaterThan(50);
    List<String> problems = new ArrayList<>();
    table.forEach(
        (name, readmeDefault) -> {
          if (!code.containsKey(name)) {
            problems.add(name + ": the code reads no such setting");
          } else if (readmeDefault != null
              && !code.get(name).equals("?")
              && !readmeDefault.equals(code.get(name).strip())) {
            problems.add(
                name + ": README " + readmeDefault + ", the code " + code.get(name).strip());
          }
        });
    assertThat(problems).isEmpty();
  }

  @Test
  void everySettingTheCodeReadsIsInTheTable() {
    TreeSet<String> missing = new TreeSet<>(code.keySet());
    missing.removeAll(table().keySet());
    assertThat(missing).isEmpty();
  }
}
