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

    /**
     * The full 48-record database, found at the folder {@code -Decgbeats.mitdb=DIR} names, else at
     * {@code mitdb/} in the clone (where {@code ./ecgbeats data fetch --out mitdb} puts it), else at
     * {@code ../shared/data/mitdb} (or {@code -Decgbeats.shared=DIR}'s {@code data/mitdb}); the
     * test is skipped when none holds it.
     */
    public static Path fullDatabase() {
        java.util.List<Path> candidates = new java.util.ArrayList<>();
        String named = System.getProperty("ecgbeats.mitdb");
        if (named != null) {
            candidates.add(Path.of(named));
        }
        candidates.add(Path.of("mitdb"));
        candidates.add(Path.of(System.getProperty("ecgbeats.shared", "../shared"), "data", "mitdb"));
        for (Path c : candidates) {
            Path dir = c.toAbsolutePath().normalize();
            if (Files.exists(dir.resolve("234.atr")) && Files.exists(dir.resolve("100.dat"))) {
                return dir;
            }
        }
        Assumptions.assumeTrue(false, "full MIT-BIH database not found (tried " + candidates + ")");
        return null;
    }

    /** Copies a bundled record's three files into {@code dir}; returns the record path. */
    public static Path copyRecord(String record, Path dir) throws java.io.IOException {
        for (String ext : new String[] {".hea", ".dat", ".atr"}) {
            Files.copy(bundled().resolve(record + ext), dir.resolve(record + ext));
        }
        return dir.resolve(record);
    }
}
