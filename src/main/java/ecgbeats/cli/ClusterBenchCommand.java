package ecgbeats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.cluster.ClusterBenchmark;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cluster-bench}: the cost of handing out trials and reporting epochs, without training. */
@Command(name = "cluster-bench", mixinStandardHelpOptions = true,
        description = "Run a study whose trials do no training on workers over loopback; print the dispatch and "
                + "per-epoch report overheads (median and 95th percentile, ms).")
final class ClusterBenchCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--trials", defaultValue = "200", description = "Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--epochs", defaultValue = "10", description = "Epoch reports per trial. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--checkpoint-bytes", defaultValue = "0", paramLabel = "BYTES",
            description = "Checkpoint sent with each epoch (the study's cnn2d's is about 17.6 MB: its weights, the best epoch's and Adam's two moments). Default: ${DEFAULT-VALUE}.")
    int checkpointBytes;

    @Option(names = "--workers", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (trials < 1 || epochs < 1 || workers < 1 || checkpointBytes < 0) {
            throw new BadInputException("--trials, --epochs and --workers must be at least 1");
        }
        Path dir = Files.createTempDirectory("ecgbeats-cluster-bench-");
        try {
            ClusterBenchmark.Result r = ClusterBenchmark.run(dir, trials, epochs, checkpointBytes, workers,
                    new PrintStream(java.io.OutputStream.nullOutputStream()));
            if (json) {
                System.out.println(ecgbeats.util.Json.MAPPER.writeValueAsString(r));
            } else {
                System.out.printf("%d trials x %d epochs, %d workers, checkpoint %,d bytes, %.1f s:%n"
                                + "  dispatch: median %.1f ms, p95 %.1f ms%n  epoch report: median %.1f ms, p95 %.1f ms%n",
                        r.trials(), r.epochs(), r.workers(), r.checkpointBytes(), r.seconds(), r.dispatchMedianMs(),
                        r.dispatchP95Ms(), r.reportMedianMs(), r.reportP95Ms());
            }
        } finally {
            AtomicFile.deleteTree(dir);
        }
        return 0;
    }
}
