package ecgbeats;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layout the README draws: dependencies point one way (each layer uses only the
 * layers below it) and nothing cycles.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ecgbeats");
    }

    @Test
    void layersUseOnlyTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("util").definedBy("ecgbeats.util..")
                .layer("data").definedBy("ecgbeats.data..")
                .layer("model").definedBy("ecgbeats.model..")
                .layer("train").definedBy("ecgbeats.train..")
                .layer("adapt").definedBy("ecgbeats.adapt..")
                .layer("tune").definedBy("ecgbeats.tune..")
                .layer("cluster").definedBy("ecgbeats.cluster..")
                .layer("study").definedBy("ecgbeats.study..")
                .layer("report").definedBy("ecgbeats.report..")
                .layer("api").definedBy("ecgbeats.api..")
                .layer("cli").definedBy("ecgbeats.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("study").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("cluster").mayOnlyBeAccessedByLayers("study", "cli")
                .whereLayer("tune").mayOnlyBeAccessedByLayers("cluster", "study", "report", "cli")
                .whereLayer("adapt").mayOnlyBeAccessedByLayers("report", "cli")
                .whereLayer("train").mayOnlyBeAccessedByLayers("adapt", "study", "report", "api", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("train", "adapt", "study", "report", "api", "cli")
                .whereLayer("data").mayOnlyBeAccessedByLayers("model", "train", "adapt", "study", "report", "api",
                        "cli")
                .check(classes);
    }

    @Test
    void dataKnowsNoDjl() {
        noClasses().that().resideInAPackage("ecgbeats.data..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
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
    void reportOnlyReadsAndKnowsNoCluster() {
        // a study's report reads the journal through tune's own replay (StudyHistory), never a copy of it
        noClasses().that().resideInAPackage("ecgbeats.report..")
                .should().dependOnClassesThat().haveSimpleName("Study").orShould().dependOnClassesThat()
                .haveSimpleName("Journal").orShould().dependOnClassesThat().haveSimpleName("Coordinator")
                .check(classes);
    }

    @Test
    void tuneSeesTrialsOnlyThroughItsObjective() {
        noClasses().that().resideInAnyPackage("ecgbeats.tune..", "ecgbeats.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .check(classes);
    }

    @Test
    void onlyTheClusterKnowsHazelcast() {
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

    /**
     * The command line only wires: its classes are commands, their options (mixins, converters) and
     * the few helpers that print or start ecgbeats processes; the work is in the packages below.
     */
    @Test
    void theCommandLineHoldsCommandsAndTheirOptions() {
        java.util.Set<String> helpers = java.util.Set.of("CommandLines", "Home", "RecordList", "ClassCounts",
                "StudyProcesses");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("ecgbeats.cli")
                .and().areTopLevelClasses()
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
                        "be a command, its options or a printing helper") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass c,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        boolean ok = c.isAnnotatedWith(picocli.CommandLine.Command.class)
                                || c.isAssignableTo(picocli.CommandLine.ITypeConverter.class)
                                || c.isAssignableTo(picocli.CommandLine.IVersionProvider.class)
                                || c.getFields().stream().anyMatch(f -> f.isAnnotatedWith(picocli.CommandLine.Option.class))
                                || helpers.contains(c.getSimpleName());
                        if (!ok) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(c, c.getName()
                                    + " is neither a command nor its options: its work belongs below cli"));
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("ecgbeats.(*)..").should().beFreeOfCycles().check(classes);
    }
}
