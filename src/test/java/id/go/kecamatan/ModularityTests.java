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
