package ecgbeats.cli;

import ecgbeats.adapt.RunPacking;
import ecgbeats.util.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pack}: a finished run made ready to travel without its dataset. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "Copy a finished run with a sample of its training beats (replay.ecgb), so that it can be "
                + "adapted to a patient (adapt, evaluate --adapt) on a machine without its dataset.")
final class PackCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--run", required = true, paramLabel = "DIR", converter = RunFolder.class,
            description = "The run to pack.")
    Path run;

    @Option(names = "--replay", defaultValue = "2000", paramLabel = "N",
            description = "Training beats to carry (0: none). Default: ${DEFAULT-VALUE}.")
    int replay;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to create.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (replay < 0) {
            throw new BadInputException("--replay " + replay + ": must be 0 or more");
        }
        RunPacking.pack(run, replay, seed, out);
        System.out.println(run + " -> " + out + (replay > 0 ? " (with " + replay + " training beats to replay)" : ""));
        return 0;
    }
}
