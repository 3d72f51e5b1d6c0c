package ecgbeats.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import ecgbeats.data.balance.Balancing;
import ecgbeats.data.beat.ExtractionSettings;

import java.util.List;
import java.util.Map;

/**
 * Where a dataset came from: enough to rebuild it and to tell two datasets apart.
 *
 * @param protocol      intra or inter
 * @param seed          the seed of the splits
 * @param testFraction  share of beats held out for test (intra); 0 when the source fixes the test set
 * @param validFraction share of the training beats held out for validation
 * @param source        the source folder or CSV files, as given
 * @param sourceFiles   every file read, with its SHA-256
 * @param records       the records used, in order (empty for CSV imports)
 * @param leads         per record, the signal used, and why when it is not MLII
 * @param extraction    how beats were cut (null for CSV imports)
 * @param balancing     how the train split was balanced, null when it was not
 * @param software      the ecgbeats version that wrote the file
 * @param validRecords  the records that form the validation split; null when it is a random
 *                      share of the training beats
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(Protocol protocol, long seed, double testFraction, double validFraction, String source,
                         List<SourceFile> sourceFiles, List<Integer> records, Map<String, String> leads,
                         ExtractionSettings extraction, Balancing balancing, String software,
                         List<Integer> validRecords) {

    public Provenance {
        sourceFiles = List.copyOf(sourceFiles);
        records = List.copyOf(records);
        leads = Map.copyOf(leads);
        validRecords = validRecords == null ? null : List.copyOf(validRecords);
    }

    /** A provenance whose validation split is a random share of the training beats. */
    public Provenance(Protocol protocol, long seed, double testFraction, double validFraction, String source,
                      List<SourceFile> sourceFiles, List<Integer> records, Map<String, String> leads,
                      ExtractionSettings extraction, Balancing balancing, String software) {
        this(protocol, seed, testFraction, validFraction, source, sourceFiles, records, leads, extraction, balancing,
                software, null);
    }

    public Provenance withBalancing(Balancing b) {
        return new Provenance(protocol, seed, testFraction, validFraction, source, sourceFiles, records, leads,
                extraction, b, software, validRecords);
    }
}
