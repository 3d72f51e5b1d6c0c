package ecgbeats.cli;

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

    @Override
    public Integer call() throws Exception {
        Split s = Split.parse(split);
        BeatDataset d = DatasetFile.read(file);
        KaggleCsv.write(d.split(s), out);
        System.out.printf("%d %s beats -> %s%n", d.split(s).size(), s.id(), out);
        return 0;
    }
}
