package ecgbeats;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find records: the bundled ones always, the full database when it is present. */
public final class TestData {

    private TestData() {
    }

    /** The four records shipped in the repository (208, 213, 217, 232). */
    public static Path bundled() {
        return Path.of("data/mitdb").toAbsolutePath();
    }

    /** The full 48-record database in ../shared/data/mitdb; skips the test when it is absent. */
    public static Path fullDatabase() {
        String shared = System.getProperty("ecgbeats.shared", "../shared");
        Path dir = Path.of(shared, "data", "mitdb").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.exists(dir.resolve("234.atr")), "full MIT-BIH database not at " + dir);
        return dir;
    }

    /** Copies a bundled record's three files into {@code dir}; returns the record path. */
    public static Path copyRecord(String record, Path dir) throws java.io.IOException {
        for (String ext : new String[] {".hea", ".dat", ".atr"}) {
            Files.copy(bundled().resolve(record + ext), dir.resolve(record + ext));
        }
        return dir.resolve(record);
    }
}
