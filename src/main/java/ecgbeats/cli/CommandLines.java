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
                err.println("ecgbeats: " + bad.getMessage());
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

    private static BadInputException findBadInput(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BadInputException b) {
                return b;
            }
        }
        return null;
    }
}
