package ecgbeats.cli;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.Split;
import ecgbeats.train.Evaluation;
import ecgbeats.train.Metrics;
import ecgbeats.train.Network;
import ecgbeats.train.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code evaluate}: a trained run's metrics on a split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Reload a run and compute its metrics on a split of a dataset.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "A run folder (train --out).")
    Path run;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A dataset file.")
    Path data;

    @Option(names = "--split", defaultValue = "test", paramLabel = "test|valid|train", description = "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--json", description = "Print metrics.json's format.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Split s = Split.parse(split);
        RunDirectory dir = new RunDirectory(run);
        try (Network net = dir.loadNetwork()) {
            BeatDataset d = DatasetFile.read(data);
            Metrics m = Evaluation.metrics(net, d.split(s), s.id());
            System.out.print(json ? RunDirectory.metricsJson(m) + System.lineSeparator() : m.table());
        }
        return 0;
    }
}
