package id.go.kecamatan.letters.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import id.go.kecamatan.letters.SigningKeys;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The web cannot skip the password: only the demo data (and {@link SigningKeys} itself, after the
 * password check) creates keys through {@link SigningKeys#create}, which does not ask for it.
 */
class SigningKeyWebPathTests {

  @Test
  void onlyTheDemoDataCreatesKeysWithoutThePassword() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.go.kecamatan");
    noClasses()
        .that()
        .resideOutsideOfPackage("id.go.kecamatan.demo..")
        .and()
        .doNotHaveFullyQualifiedName(SigningKeys.class.getName())
        .should()
        .callMethod(
            SigningKeys.class,
            "create",
            UUID.class,
            UUID.class,
            String.class,
            String.class,
            char[].class)
        .check(main);
  }
}
