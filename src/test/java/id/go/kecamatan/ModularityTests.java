package id.go.kecamatan;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module structure honest: every module reaches others only through their API (the base
 * package and named interfaces), and there are no cycles. Also writes the module documentation
 * (C4 component diagram in PlantUML, one diagram and one canvas per module) to {@code docs/modules}
 * so the committed pictures follow the code.
 */
class ModularityTests {

  static final ApplicationModules modules = ApplicationModules.of(LayananKecamatanApplication.class);

  @Test
  void modulesOnlyUseEachOthersApis() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
