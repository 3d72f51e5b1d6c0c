package ecgbeats.cli;

import ecgbeats.util.BadInputException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Builds the {@link CommandLine} used by {@code main} and by tests: bad usage and bad input
 * print one line on stderr and exit 2; other failures exit 1; a stack trace only with --debug.
 */
public final class CommandLines {

    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;

    private CommandLines() {
    }

    public static CommandLine create() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.getSubcommands().get("train").getCommandSpec().usageMessage().footer(TrainCommand.footer());
        cl.getSubcommands().get("crossval").getCommandSpec().usageMessage().footer(TrainCommand.footer());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("ecgbeats: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debug = Arrays.asList(parseResult.originalArgs().toArray()).contains("--debug");
            BadInputException bad = findBadInput(ex);
            if (bad != null) {
                err.println("ecgbeats: " + phrase(bad, commandLine.getCommandSpec()));
            } else {
                err.println("ecgbeats: error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            }
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return bad != null ? BAD_INPUT : FAILURE;
        });
        return cl;
    }

    /**
     * The message of a bad input, with the argument it is about named as the option that gave
     * it when the command has that option (the library names it in words).
     */
    static String phrase(BadInputException bad, CommandLine.Model.CommandSpec command) {
        return bad.subject().map(CommandLines::option)
                .filter(name -> command.findOption(name) != null)
                .map(bad::phrasedAs)
                .orElse(bad.getMessage());
    }

    /** The option through which each command supplies a subject. */
    static String option(BadInputException.Subject subject) {
        return switch (subject) {
            case SOURCE_FOLDER -> "--source";
            case RECORDS -> "--records";
            case PROTOCOL -> "--protocol";
            case VALIDATION_RECORDS -> "--valid-records";
            case TEST_FRACTION -> "--test-fraction";
            case VALIDATION_FRACTION -> "--valid-fraction";
            case SETTING -> "--set";
            case RUN_FOLDER -> "--run";
            case NEW_STUDY_FOLDER -> "--out";
            case STUDY_TO_RESUME -> "--resume";
            case SEARCH -> "--search";
            case SCHEDULER -> "--scheduler";
            case SEARCH_SPACE -> "--space";
            case TEST_FUNCTION -> "--function";
            case FOLDS -> "--folds";
            case RECORDS_APART -> "--apart";
            case FOLD -> "--fold";
            case RECIPE -> "--recipe";
            case ADAPTATION -> "--adapt";
        };
    }

    private static BadInputException findBadInput(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BadInputException b) {
                return b;
            }
        }
        return null;
    }
}
