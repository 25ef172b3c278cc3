package dev.satchel.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's rules, checked on the compiled classes of every module. */
class ArchitectureTest {
  private static JavaClasses satchel;

  @BeforeAll
  static void importClasses() {
    satchel = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // The domain's test-jar (contract tests, fakes) is on this module's test classpath.
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("dev.satchel");
  }

  @Test
  void domainDependsOnTheJdkAndItselfOnly() {
    classes().that().resideInAPackage("dev.satchel.domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.satchel.domain..")
        .check(satchel);
  }

  @Test
  void applicationDependsOnTheJdkTheDomainAndItselfOnly() {
    classes().that().resideInAPackage("dev.satchel.application..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "dev.satchel.domain..", "dev.satchel.application..")
        .check(satchel);
  }

  @Test
  void restAdapterDependsOnNoOtherAdapter() {
    noClasses().that().resideInAPackage("dev.satchel.adapters.rest..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.satchel.adapters.persistence..", "dev.satchel.adapters.storage..",
            "dev.satchel.adapters.webhook..")
        .check(satchel);
  }

  @Test
  void webhookAdapterDependsOnNoOtherAdapter() {
    noClasses().that().resideInAPackage("dev.satchel.adapters.webhook..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.satchel.adapters.rest..", "dev.satchel.adapters.persistence..",
            "dev.satchel.adapters.storage..")
        .check(satchel);
  }

  @Test
  void persistenceAdapterDependsOnNoOtherAdapter() {
    noClasses().that().resideInAPackage("dev.satchel.adapters.persistence..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.satchel.adapters.rest..", "dev.satchel.adapters.storage..",
            "dev.satchel.adapters.webhook..")
        .check(satchel);
  }

  @Test
  void storageAdapterDependsOnNoOtherAdapter() {
    noClasses().that().resideInAPackage("dev.satchel.adapters.storage..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.satchel.adapters.rest..", "dev.satchel.adapters.persistence..",
            "dev.satchel.adapters.webhook..")
        .check(satchel);
  }

  @Test
  void nothingOutsideBootstrapDependsOnBootstrap() {
    noClasses().that().resideOutsideOfPackage("dev.satchel.bootstrap..")
        .should().dependOnClassesThat().resideInAPackage("dev.satchel.bootstrap..")
        .check(satchel);
  }

  @Test
  void theImportFoundEveryModule() {
    org.assertj.core.api.Assertions.assertThat(satchel.containPackage("dev.satchel.domain.file")).isTrue();
    org.assertj.core.api.Assertions.assertThat(satchel.containPackage("dev.satchel.application.file")).isTrue();
    org.assertj.core.api.Assertions.assertThat(satchel.containPackage("dev.satchel.adapters.rest.file")).isTrue();
    org.assertj.core.api.Assertions.assertThat(satchel.containPackage("dev.satchel.adapters.persistence.file")).isTrue();
    org.assertj.core.api.Assertions.assertThat(satchel.containPackage("dev.satchel.adapters.storage.local")).isTrue();
    org.assertj.core.api.Assertions.assertThat(satchel.containPackage("dev.satchel.adapters.webhook")).isTrue();
  }
}
