package ecgbeats.cli;

import ecgbeats.data.fetch.Fetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code data fetch}: download and verify the MIT-BIH records. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download MIT-BIH records from PhysioNet, check each file's SHA-256, resume partial downloads.")
final class DataFetchCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to download into.")
    Path out;

    @Option(names = "--records", split = ",", paramLabel = "LIST", description = "Records to fetch (default all 48): " + RecordList.GRAMMAR + ".")
    List<String> records = List.of();

    @Option(names = "--base-url", paramLabel = "URL", description = "Database folder. Default: ${DEFAULT-VALUE}.",
            defaultValue = Fetcher.MITDB_URL)
    URI baseUrl;

    @Override
    public Integer call() throws Exception {
        Fetcher.Result r = new Fetcher(baseUrl, line -> System.out.println("  " + line)).fetch(out,
                RecordList.orEmptyForAll(records));
        System.out.printf("%d files downloaded (%d resumed, %.1f MB), %d already present and verified -> %s%n",
                r.downloaded(), r.resumed(), r.bytes() / 1e6, r.alreadyPresent(), out);
        return 0;
    }
}
