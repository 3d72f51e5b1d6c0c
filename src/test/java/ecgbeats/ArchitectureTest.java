package ecgbeats;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package layout of STYLE.md: dependencies point one way and nothing cycles. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ecgbeats");
    }

    @Test
    void dataDependsOnNoOtherLayerAndNotOnDjl() {
        noClasses().that().resideInAPackage("ecgbeats.data..")
                .should().dependOnClassesThat().resideInAnyPackage("ecgbeats.model..", "ecgbeats.train..",
                        "ecgbeats.tune..", "ecgbeats.cluster..", "ecgbeats.report..", "ecgbeats.cli..", "ai.djl..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void sharedUtilitiesDependOnNoLayer() {
        noClasses().that().resideInAPackage("ecgbeats.util..")
                .should().dependOnClassesThat().resideInAnyPackage("ecgbeats.data..", "ecgbeats.model..",
                        "ecgbeats.train..", "ecgbeats.tune..", "ecgbeats.cluster..", "ecgbeats.report..",
                        "ecgbeats.cli..")
                .check(classes);
    }

    @Test
    void oneJsonConfiguration() {
        noClasses().that().resideOutsideOfPackage("ecgbeats.util..")
                .should().callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class)
                .because("util.Json holds the one configuration")
                .check(classes);
    }

    @Test
    void tuningAndTheClusterKnowNoBeats() {
        noClasses().that().resideInAnyPackage("ecgbeats.tune..", "ecgbeats.cluster..")
                .should().dependOnClassesThat().resideInAPackage("ecgbeats.data..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("ecgbeats.cli..")
                .should().dependOnClassesThat().resideInAPackage("ecgbeats.cli..")
                .check(classes);
    }

    @Test
    void reportOnlyReadsAndKnowsNoCluster() {
        // a study's report reads the journal through tune's own replay (StudyHistory), never a copy of it
        noClasses().that().resideInAPackage("ecgbeats.report..")
                .should().dependOnClassesThat().resideInAnyPackage("ecgbeats.cluster..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("ecgbeats.report..")
                .should().dependOnClassesThat().haveSimpleName("Study").orShould().dependOnClassesThat()
                .haveSimpleName("Journal").orShould().dependOnClassesThat().haveSimpleName("Coordinator")
                .check(classes);
    }

    @Test
    void tuneSeesTrialsOnlyThroughItsObjectiveAndClusterKnowsNoTraining() {
        noClasses().that().resideInAnyPackage("ecgbeats.tune..", "ecgbeats.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("ecgbeats.train..", "ecgbeats.model..", "ai.djl..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void tuneKnowsNoClusterAndOnlyTheClusterKnowsHazelcast() {
        noClasses().that().resideInAPackage("ecgbeats.tune..")
                .should().dependOnClassesThat().resideInAPackage("ecgbeats.cluster..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("ecgbeats.cluster..")
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineNamesOptions() throws java.io.IOException {
        // a library error names its subject in words (BadInputException.Subject); cli names the option
        java.util.regex.Pattern optionInString = java.util.regex.Pattern.compile("\"[^\"]*--[a-z][^\"]*\"");
        java.nio.file.Path main = java.nio.file.Path.of("src/main/java/ecgbeats");
        java.util.List<String> offenders = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(main)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(main.resolve("cli"))).toList()) {
                for (String line : java.nio.file.Files.readAllLines(f)) {
                    String code = line.strip();
                    if (!code.startsWith("*") && !code.startsWith("//") && optionInString.matcher(code).find()) {
                        offenders.add(f.getFileName() + ": " + code);
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), offenders);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("ecgbeats.(*)..").should().beFreeOfCycles().check(classes);
    }
}
