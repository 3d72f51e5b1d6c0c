package ecgbeats.cli;

import ecgbeats.util.BadInputException;
import ecgbeats.util.BadInputException.Subject;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library names a bad argument in words; the command line names the option that gave it. */
class BadInputPhrasingTest {

    private static final CommandLine ROOT = CommandLines.create();

    @Test
    void aCommandWithTheOptionNamesIt() {
        BadInputException e = BadInputException.about(Subject.RUN_FOLDER, Path.of("runs/a"), "no such folder");
        assertEquals("run folder runs/a: no such folder", e.getMessage());
        assertEquals("--run runs/a: no such folder", CommandLines.phrase(e, spec("evaluate")));
    }

    @Test
    void aCommandWithoutTheOptionKeepsTheLibrarysWords() {
        // report takes its folder as a parameter: "--run" would name an option it does not have
        BadInputException e = BadInputException.about(Subject.RUN_FOLDER, Path.of("runs/a"), "no such folder");
        assertEquals("run folder runs/a: no such folder", CommandLines.phrase(e, spec("report")));
    }

    @Test
    void errorsAboutAFileOrAboutNothingInParticularAreLeftAlone() {
        BadInputException e = BadInputException.inFile(Path.of("x.hea"), "header file not found");
        assertEquals("x.hea: header file not found", CommandLines.phrase(e, spec("evaluate")));
        assertEquals("x.hea: header file not found", e.phrasedAs("--run"));
    }

    @Test
    void aValuelessSubjectIsPhrasedWithoutOne() {
        BadInputException e = BadInputException.about(Subject.RECORDS, null, "none given");
        assertEquals("records: none given", e.getMessage());
        assertEquals("--records: none given", e.phrasedAs("--records"));
    }

    @Test
    void everySubjectIsAnOptionOfSomeCommand() {
        List<CommandLine.Model.CommandSpec> all = new ArrayList<>();
        collect(ROOT, all);
        for (Subject s : Subject.values()) {
            String option = CommandLines.option(s);
            assertTrue(all.stream().anyMatch(c -> c.findOption(option) != null), s + " -> " + option);
        }
    }

    @Test
    void theRealCommandLinePhrasesALibraryError() {
        Cli.Run r = Cli.run("tune-bench", "--function", "rosenbrock", "--search", "random");
        assertEquals(CommandLines.BAD_INPUT, r.code(), r.err());
        assertEquals("ecgbeats: --function rosenbrock: expected branin, hartmann6 or mixed", r.err().strip());
    }

    private static CommandLine.Model.CommandSpec spec(String name) {
        return ROOT.getSubcommands().get(name).getCommandSpec();
    }

    private static void collect(CommandLine cl, List<CommandLine.Model.CommandSpec> out) {
        out.add(cl.getCommandSpec());
        cl.getSubcommands().values().forEach(c -> collect(c, out));
    }
}
