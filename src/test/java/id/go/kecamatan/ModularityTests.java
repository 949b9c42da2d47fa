package id.go.kecamatan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module structure honest: every module reaches others only through their API (the base
 * package and named interfaces), and there are no cycles. Also writes the module documentation (C4
 * component diagram in PlantUML, one diagram and one canvas per module) to {@code docs/modules} so
 * the committed pictures follow the code.
 */
class ModularityTests {

  static final ApplicationModules modules =
      ApplicationModules.of(LayananKecamatanApplication.class);

  @Test
  void modulesOnlyUseEachOthersApis() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() throws IOException {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        // The canvases quote our javadoc, which Spring Modulith reads with Boot's simple JSON
        // parser:
        // a comma inside a double-quoted phrase of a javadoc breaks it, so write such phrases
        // unquoted.
        .writeModuleCanvases();
    sortRelations(Path.of("docs/modules"));
    sortListedItems(Path.of("docs/modules"));
  }

  /**
   * The canvases list a module's events (and other one-line items) in a different order on each run
   * too; a table cell's run of one-line bullets ({@code |* a}, {@code * b}, ...) is sorted. A run
   * followed by a continuation ({@code +}) is left as it is.
   */
  private static void sortListedItems(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path adoc : files.filter(p -> p.toString().endsWith(".adoc")).toList()) {
        List<String> lines = Files.readAllLines(adoc);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
          if (!lines.get(i).startsWith("|* ")) {
            out.add(lines.get(i++));
            continue;
          }
          int end = i + 1;
          while (end < lines.size() && lines.get(end).startsWith("* ")) {
            end++;
          }
          List<String> items = new ArrayList<>(lines.subList(i, end));
          boolean continued = end < lines.size() && lines.get(end).equals("+");
          if (!continued) {
            items.set(0, items.get(0).substring(1));
            items.sort(null);
            items.set(0, "|" + items.get(0));
          }
          out.addAll(items);
          i = end;
        }
        Files.write(adoc, out);
      }
    }
  }

  /**
   * The Documenter writes the {@code Rel(...)} lines in a different order on each run; sorting them
   * keeps the committed diagrams unchanged until the modules really change.
   */
  private static void sortRelations(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path puml : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
        List<String> out = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (String line : Files.readAllLines(puml)) {
          if (line.startsWith("Rel(")) {
            relations.add(line);
            continue;
          }
          relations.sort(null);
          out.addAll(relations);
          relations.clear();
          out.add(line);
        }
        relations.sort(null);
        out.addAll(relations);
        Files.write(puml, out);
      }
    }
  }
}
