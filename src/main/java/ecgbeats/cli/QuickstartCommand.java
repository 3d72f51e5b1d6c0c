package ecgbeats.cli;

import ecgbeats.util.AtomicFile;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.BuildRequest;
import ecgbeats.data.DatasetBuilder;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.Protocol;
import ecgbeats.data.beat.ExtractionSettings;
import ecgbeats.model.Architecture;
import ecgbeats.report.DatasetSummary;
import ecgbeats.train.ProgressPrinter;
import ecgbeats.train.RunConfig;
import ecgbeats.train.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code quickstart}: the main job on the bundled records. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "On the bundled MIT-BIH records: build the intra-patient dataset, train a small cnn2d "
                + "(about a minute on 2 cores), evaluate it once on test and print the metrics.")
final class QuickstartCommand implements Callable<Integer> {

    /** A cnn2d sized for a couple of minutes on two cores; class weights instead of oversampling keep epochs short. */
    static final Map<String, String> QUICK = Map.of("hidden", "64", "batch", "32", "class_weights", "true");

    @Mixin
    DebugOption debug;

    @Option(names = "--source", paramLabel = "DIR", description = "Records to use (default: the bundled records).")
    Path source;

    @Option(names = "--out", defaultValue = "quickstart", paramLabel = "DIR", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--epochs", defaultValue = "10", description = "Epoch limit. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path records = source != null ? source : Home.bundledRecords();
        BuildRequest request = new BuildRequest(records, Protocol.INTRA, List.of(), seed, 0.2, 0.1,
                ExtractionSettings.KACHUEE);
        BeatDataset dataset = DatasetBuilder.build(request);
        Path file = out.resolve("dataset.ecgb");
        DatasetFile.write(dataset, file);
        System.out.printf("1. Dataset: beats of records %s, intra-patient protocol, seed %d -> %s%n",
                dataset.provenance().records(), seed, file);
        System.out.print(DatasetSummary.table(dataset));

        Path runDir = out.resolve("run");
        // a new run trains beside the last one and replaces it only once complete: cut short, it leaves the last
        Path partial = out.resolve("run.partial");
        AtomicFile.deleteTree(partial);
        RunConfig rc = RunConfig.defaults(Architecture.CNN2D).with(QUICK)
                .with(Map.of("epochs", Integer.toString(epochs), "seed", Long.toString(seed)));
        System.out.println();
        System.out.println("2. Training a small cnn2d (hidden 64, batch 32, class weights: a quick look; train --recipe "
                + "fast is the strong one) - validation picks the epoch, test is not looked at:");
        TrainJob.Outcome o = new TrainJob(file, rc, partial, true).run(new ProgressPrinter(System.out), System.out);
        replace(runDir, partial);
        System.out.println();
        System.out.printf("3. The best epoch (%d) evaluated once on the test split:%n", o.training().bestEpoch());
        System.out.print(o.test().table());
        System.out.println();
        Path report = out.resolve("report.html");
        AtomicFile.writeString(report, ecgbeats.report.Reports.render(runDir));
        System.out.println("4. Report (learning curves, confusion matrix, per-class figures, provenance): " + report);
        System.out.println();
        System.out.println("Run folder: " + runDir + " (config.json, history.csv, metrics.json, predictions.csv, model.params)");
        System.out.println("Next: ./ecgbeats evaluate --run " + runDir + " --data " + file + " --split valid");
        System.out.println("      ./ecgbeats predict --run " + runDir + " --record data/mitdb/232 --detect --out 232.csv "
                + "--report 232.html");
        return 0;
    }

    /** Puts the complete run in {@code partial} where {@code run} was, then deletes the one it replaced. */
    private static void replace(Path run, Path partial) throws java.io.IOException {
        Path old = run.resolveSibling("run.old");
        AtomicFile.deleteTree(old);
        if (java.nio.file.Files.exists(run)) {
            java.nio.file.Files.move(run, old, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        java.nio.file.Files.move(partial, run, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        AtomicFile.deleteTree(old);
    }
}
