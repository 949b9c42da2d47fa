package id.go.kecamatan.documents;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kecamatan.LayananKecamatanApplication;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The module's boundaries and its texts. */
class DocumentsModuleTests {

  @Test
  void documentsDependsOnSharedOnlyAndKeepsItsRules() {
    ApplicationModules modules = ApplicationModules.of(LayananKecamatanApplication.class);
    ApplicationModule documents = modules.getModuleByName("documents").orElseThrow();

    documents.verifyDependencies(modules);
    assertThat(
            documents
                .getDirectDependencies(modules)
                .uniqueModules()
                .map(m -> m.getIdentifier().toString()))
        .containsOnly("shared");
  }

  @Test
  void bothLanguagesHaveEveryMessage() {
    ResourceBundle indonesian =
        ResourceBundle.getBundle("messages/documents", java.util.Locale.ROOT);
    ResourceBundle english =
        ResourceBundle.getBundle("messages/documents", java.util.Locale.ENGLISH);

    assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(indonesian.keySet());
    assertThat(indonesian.keySet())
        .contains(
            "documents.error.noFile",
            "documents.error.empty",
            "documents.error.tooBig",
            "documents.error.type",
            "documents.error.password",
            "documents.error.unreadable",
            "documents.error.dimensions",
            "documents.error.heic",
            "documents.error.tooMany",
            "documents.error.total",
            "documents.error.failed");
  }
}
