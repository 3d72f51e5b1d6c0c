package ecgbeats.cli;

import ecgbeats.util.BadInputException;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.BuildRequest;
import ecgbeats.data.DatasetBuilder;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.Protocol;
import ecgbeats.data.beat.ExtractionSettings;
import ecgbeats.report.DatasetSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code data build}: WFDB records to a beat dataset. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Cut the beats of WFDB records (docs/reference.md §1) and split them into train, valid and test.")
final class DataBuildCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--source", required = true, paramLabel = "DIR", description = "Folder with NNN.hea, NNN.dat, NNN.atr.")
    Path source;

    @Option(names = "--protocol", defaultValue = "intra", paramLabel = "intra|inter",
            description = "intra: pooled stratified 80/20 split; inter: de Chazal DS1 -> DS2. Default: ${DEFAULT-VALUE}.")
    String protocol;

    @Option(names = "--records", split = ",", paramLabel = "LIST",
            description = "Records to use (default all in the folder): " + RecordList.GRAMMAR + ".")
    List<String> records = List.of();

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the splits. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "intra: share of beats for test. Default: ${DEFAULT-VALUE}.")
    double testFraction;

    @Option(names = "--valid-fraction", defaultValue = "0.1", description = "Share of training beats for validation. Default: ${DEFAULT-VALUE}.")
    double validFraction;

    @Option(names = "--valid-records", paramLabel = "LIST|beats",
            description = "inter: DS1 records held out whole for validation, so that selection sees unseen "
                    + "patients (default 101,201,223, those among the records used); 'beats' for --valid-fraction "
                    + "of the training beats instead.")
    String validRecords;

    @Option(names = "--kaggle-compat", description = "Drop each record's last beat, as the Kaggle build did.")
    boolean kaggleCompat;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The dataset file to write (.ecgb).")
    Path out;

    /** null for the protocol's default, empty for a share of the beats, else the records. */
    private List<Integer> validRecords() {
        if (validRecords == null) {
            return null;
        }
        if (validRecords.trim().equalsIgnoreCase("beats")) {
            return List.of();
        }
        try {
            return RecordList.numbers(RecordList.expand(java.util.Arrays.asList(validRecords.split(",")), List::of));
        } catch (BadInputException e) {
            throw new BadInputException("--valid-records " + validRecords
                    + ": expected record numbers separated by commas (e.g. 101,201,223) or 'beats'");
        }
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        BuildRequest request = new BuildRequest(source, Protocol.parse(protocol),
                RecordList.numbers(RecordList.orEmptyForAll(records)), seed, testFraction,
                validFraction, ExtractionSettings.KACHUEE.withDropLastBeat(kaggleCompat), validRecords());
        BeatDataset dataset = DatasetBuilder.build(request);
        DatasetFile.write(dataset, out);
        System.out.print(DatasetSummary.table(dataset));
        System.out.printf("%d records -> %s (%.1f s)%n", dataset.provenance().records().size(), out,
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
