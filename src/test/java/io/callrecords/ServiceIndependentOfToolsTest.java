package io.callrecords;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The simulator, the benchmarks and the demo are tools over the service, shipped in its jar (ADR 0015): the service's
 * own code never depends on them, so they can leave the jar without touching it. The one exception is the launcher's
 * main class, which dispatches the command line to them by name; the dependency runs one way, from it to them.
 */
class ServiceIndependentOfToolsTest {

    private static final String[] TOOLS = {"io.callrecords.simulator..", "io.callrecords.bench..", "io.callrecords.demo.."};

    private static final JavaClasses MAIN_CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.callrecords");

    @Test
    void onlyTheLauncherDependsOnTheTools() {
        noClasses().that().resideOutsideOfPackages(TOOLS)
                .and(DescribedPredicate.not(belongToAnyOf(CallrecordsApplication.class)).as("are not the launcher's main class"))
                .should().dependOnClassesThat().resideInAnyPackage(TOOLS)
                .because("the service must build and run without the simulator, the benchmarks and the demo (ADR 0015)")
                .check(MAIN_CODE);
    }

    @Test
    void theRuleSeesTheToolsAndTheService() {
        // A renamed tool package would make the rule above pass by checking nothing.
        assertThat(MAIN_CODE.containPackage("io.callrecords.simulator")).isTrue();
        assertThat(MAIN_CODE.containPackage("io.callrecords.bench")).isTrue();
        assertThat(MAIN_CODE.containPackage("io.callrecords.demo")).isTrue();
        assertThat(MAIN_CODE.containPackage("io.callrecords.calls")).isTrue();
    }
}
