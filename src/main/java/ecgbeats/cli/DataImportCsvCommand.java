package ecgbeats.cli;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.KaggleCsv;
import ecgbeats.report.DatasetSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code data import-csv}: the Kaggle CSV files as an intra-style dataset. */
@Command(name = "import-csv", mixinStandardHelpOptions = true,
        description = "Import mitbih_train.csv and mitbih_test.csv (Kaggle layout); validation is carved from train.")
final class DataImportCsvCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training beats (e.g. mitbih_train.csv).")
    Path train;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "Test beats (e.g. mitbih_test.csv).")
    Path test;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the validation split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--valid-fraction", defaultValue = "0.1", description = "Share of training beats for validation. Default: ${DEFAULT-VALUE}.")
    double validFraction;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The dataset file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw new ecgbeats.util.BadInputException("--valid-fraction must be in [0, 1): " + validFraction);
        }
        BeatDataset d = KaggleCsv.importDataset(train, test, seed, validFraction);
        DatasetFile.write(d, out);
        System.out.print(DatasetSummary.table(d));
        System.out.println("-> " + out);
        return 0;
    }
}
