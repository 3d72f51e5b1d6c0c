package ecgbeats.cli;

import ecgbeats.util.BadInputException;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.KaggleCsv;
import ecgbeats.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code data export-csv}: one split in the Kaggle layout. */
@Command(name = "export-csv", mixinStandardHelpOptions = true,
        description = "Write one split in the Kaggle layout: 187 samples, then the label 0-4, no header.")
final class DataExportCsvCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Parameters(index = "0", paramLabel = "FILE", description = "A dataset file.")
    Path file;

    @Option(names = "--split", required = true, paramLabel = "train|valid|test", description = "The split to write.")
    String split;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
    Path out;

    @Option(names = "--rr", description = "Add the RR features after the samples, in docs/reference.md §1 order: "
            + "pre_rr, post_rr, local_rr, average_rr, each divided by the record's mean RR, then pre_rr_local, "
            + "post_rr_local, rr_irregularity (11; the first 8 for a dataset of format 2); the label stays last.")
    boolean rr;

    @Override
    public Integer call() throws Exception {
        Split s = Split.parse(split);
        BeatDataset d = DatasetFile.read(file);
        if (rr && !d.split(s).hasRr()) {
            throw new BadInputException(file + ": the dataset has no RR features (--rr); rebuild it with data build");
        }
        KaggleCsv.write(d.split(s), out, rr);
        System.out.printf("%d %s beats -> %s%n", d.split(s).size(), s.id(), out);
        return 0;
    }
}
