package ecgbeats.data;

import ecgbeats.util.BadInputException;
import ecgbeats.data.beat.ExtractionSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code data build} makes.
 *
 * @param source        folder with NNN.hea, NNN.dat and NNN.atr files
 * @param protocol      intra or inter
 * @param records       records to use; empty means every record in the folder
 * @param seed          seed of the splits
 * @param testFraction  intra only: share of beats for test
 * @param validFraction share of training beats for validation
 * @param extraction    how beats are cut
 * @param validRecords  inter only: training records whose beats form the validation split, so that
 *                      selection sees patients that training did not; empty means a stratified
 *                      random share of the training beats ({@code validFraction}); null means the
 *                      protocol's default: for inter, {@link Protocol#DEFAULT_VALID_RECORDS} among
 *                      the training records (a share of the beats when none of them is used), for
 *                      intra a share of the beats
 */
public record BuildRequest(Path source, Protocol protocol, List<Integer> records, long seed,
                           double testFraction, double validFraction, ExtractionSettings extraction,
                           List<Integer> validRecords) {

    public BuildRequest {
        records = List.copyOf(records);
        validRecords = validRecords == null ? null : List.copyOf(validRecords);
        if (validRecords != null && !validRecords.isEmpty() && protocol != Protocol.INTER) {
            throw BadInputException.about(BadInputException.Subject.VALIDATION_RECORDS, validRecords,
                    "held-out validation records are for the inter protocol only");
        }
        if (validRecords != null && validRecords.stream().distinct().count() < validRecords.size()) {
            throw BadInputException.about(BadInputException.Subject.VALIDATION_RECORDS, validRecords, "names a record twice");
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw BadInputException.about(BadInputException.Subject.TEST_FRACTION, testFraction, "must be in [0, 1)");
        }
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw BadInputException.about(BadInputException.Subject.VALIDATION_FRACTION, validFraction, "must be in [0, 1)");
        }
    }

    /** A request whose validation split is a random share of the training beats. */
    public BuildRequest(Path source, Protocol protocol, List<Integer> records, long seed, double testFraction,
                        double validFraction, ExtractionSettings extraction) {
        this(source, protocol, records, seed, testFraction, validFraction, extraction, List.of());
    }

    /** Every record of {@code source}, seed 42, the protocol's default splits. */
    public static BuildRequest defaults(Path source, Protocol protocol) {
        return new BuildRequest(source, protocol, List.of(), 42, 0.2, 0.1, ExtractionSettings.KACHUEE, null);
    }
}
