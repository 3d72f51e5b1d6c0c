package ecgbeats.cli;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.balance.BalanceMethod;
import ecgbeats.report.DatasetSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code data balance}: rebalance the train split. */
@Command(name = "balance", mixinStandardHelpOptions = true,
        description = "Balance the train split (validation and test are never changed).")
final class DataBalanceCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The dataset to balance.")
    Path in;

    @Option(names = "--method", required = true, paramLabel = "oversample|smote|undersample",
            description = "oversample (random, with replacement), smote (k = 5) or undersample (random).")
    String method;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sampling. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The balanced dataset to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        BalanceMethod m = BalanceMethod.parse(method);
        BeatDataset d = DatasetFile.read(in);
        long t0 = System.nanoTime();
        BeatDataset balanced = d.balanced(m, seed);
        double seconds = (System.nanoTime() - t0) / 1e9;
        DatasetFile.write(balanced, out);
        System.out.print(DatasetSummary.table(balanced));
        System.out.printf("%s of the train split took %.1f s -> %s%n", m.id(), seconds, out);
        return 0;
    }
}
