package ecgbeats.cli;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.BuildRequest;
import ecgbeats.data.DatasetBuilder;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.Protocol;
import ecgbeats.report.DatasetSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code quickstart}: the main job on the bundled records. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Build the intra-patient beat dataset of the bundled MIT-BIH records and summarise it.")
final class QuickstartCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--source", paramLabel = "DIR", description = "Records to use (default: the bundled records).")
    Path source;

    @Option(names = "--out", defaultValue = "quickstart", paramLabel = "DIR", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path records = source != null ? source : Home.bundledRecords();
        long t0 = System.nanoTime();
        BuildRequest request = new BuildRequest(records, Protocol.INTRA, java.util.List.of(), seed, 0.2, 0.1,
                ecgbeats.data.beat.ExtractionSettings.KACHUEE);
        BeatDataset dataset = DatasetBuilder.build(request);
        Path file = out.resolve("dataset.ecgb");
        DatasetFile.write(dataset, file);
        System.out.printf("Beats of records %s (%s), intra-patient protocol, seed %d:%n",
                dataset.provenance().records(), records, seed);
        System.out.print(DatasetSummary.table(dataset));
        System.out.printf("Dataset written to %s in %.1f s.%n", file, (System.nanoTime() - t0) / 1e9);
        System.out.println("Next: ./ecgbeats data stats " + file + " --json");
        return 0;
    }
}
