package ecgbeats.tune;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The space files the README and docs use ship in examples/ and load. */
class ExampleSpacesTest {

    @Test
    void everyExampleSpaceLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            SearchSpace sp = SearchSpaces.load(f.toString());
            assertTrue(sp.domains().containsKey("hidden") || sp.domains().containsKey("lr"), f.toString());
        }
    }
}
