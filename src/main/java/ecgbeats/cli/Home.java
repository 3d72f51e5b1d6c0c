package ecgbeats.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ecgbeats installation folder (the repository), which holds the bundled records. The
 * launcher passes it as {@code -Decgbeats.home}; otherwise it is found from the jar's place
 * ({@code target/ecgbeats.jar} or {@code target/classes}).
 */
final class Home {

    private Home() {
    }

    static Path dir() {
        String prop = System.getProperty("ecgbeats.home");
        if (prop != null) {
            return Path.of(prop);
        }
        try {
            Path code = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("data/mitdb"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    /** The records shipped with ecgbeats. */
    static Path bundledRecords() {
        return dir().resolve("data/mitdb");
    }
}
