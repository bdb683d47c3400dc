package dev.ferry.launcher.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's packages form no cycle and depend one way: the CLI on the services, the services
 * on the narrow interfaces to YARN, REST and the file system, and nothing on the CLI or the
 * composition root ({@code LauncherServices}).
 */
class PackageDependenciesTest {

    private static final JavaClasses LAUNCHER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ferry.launcher");

    @Test
    void theRulesSeeTheLaunchersClasses() {
        // Rules over an empty import pass whatever the code does.
        assertThat(LAUNCHER.containPackage("dev.ferry.launcher.cli")).isTrue();
        assertThat(LAUNCHER.containPackage("dev.ferry.launcher.jobs")).isTrue();
        assertThat(LAUNCHER.contain("dev.ferry.launcher.LauncherServices")).isTrue();
    }

    @Test
    void theLaunchersPackagesFormNoCycle() {
        slices().matching("dev.ferry.launcher.(*)..").should().beFreeOfCycles().check(LAUNCHER);
    }

    @Test
    void onlyTheCliUsesTheCompositionRoot() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.ferry.launcher", "dev.ferry.launcher.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ferry.launcher")
                .check(LAUNCHER);
    }

    @Test
    void nothingButTheCliDependsOnTheCli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.ferry.launcher.cli..")
                .and()
                .resideOutsideOfPackage("dev.ferry.launcher")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.ferry.launcher.cli..")
                .check(LAUNCHER);
    }
}
