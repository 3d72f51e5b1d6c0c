package ecgbeats.cli;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.report.DatasetSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code data stats}: beats per split and class. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Print beats per split and class.")
final class DataStatsCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "FILE", description = "A dataset file.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object (docs/reference.md §6).")
    boolean json;

    @Override
    public Integer call() {
        BeatDataset d = DatasetFile.read(file);
        System.out.print(json ? DatasetSummary.json(d) + System.lineSeparator() : DatasetSummary.table(d));
        return 0;
    }
}
