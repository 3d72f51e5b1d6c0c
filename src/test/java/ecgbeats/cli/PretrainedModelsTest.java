package ecgbeats.cli;

import ecgbeats.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The models that ship in models/ load by their short names and classify as they did when they
 * were packed: record 232 (bundled) as their check-232.csv has it, and, where the full database
 * is, their test splits as their metrics.json has them.
 */
class PretrainedModelsTest {

    @TempDir
    Path dir;

    private static List<String> shipped() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("models"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyShippedModelClassifiesTheBundledRecordAsItDidWhenPacked() throws IOException {
        List<String> names = shipped();
        assertEquals(List.of("inter", "inter-folds", "intra"), names);
        for (String name : names) {
            Path out = dir.resolve(name + "-232.csv");
            Cli.Run r = Cli.run("predict", "--run", "pretrained:" + name, "--record",
                    TestData.bundled().resolve("232").toString(), "--af-rule=off", "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            List<String> now = Files.readAllLines(out);
            List<String> then = Files.readAllLines(Path.of("models", name, "check-232.csv"));
            assertEquals(then.size(), now.size(), name);
            int same = 0;
            double worst = 0;
            for (int i = 1; i < now.size(); i++) {
                String[] a = now.get(i).split(",");
                String[] b = then.get(i).split(",");
                assertEquals(b[0], a[0], name + " beat " + i);
                same += a[2].equals(b[2]) ? 1 : 0;
                for (int k = 3; k < 8; k++) {
                    worst = Math.max(worst, Math.abs(Double.parseDouble(a[k]) - Double.parseDouble(b[k])));
                }
            }
            // another processor's kernels may move the last digits, rarely a beat on the edge
            assertTrue(same >= (now.size() - 1) * 0.999, name + ": " + same + " of " + (now.size() - 1) + " agree");
            assertTrue(worst < 0.02, name + ": probabilities moved by " + worst);
        }
    }

    @Test
    void theShippedModelsReproduceTheirTestMetricsOnTheFullDatabase() throws IOException {
        Path mitdb = TestData.fullDatabase();
        for (String[] m : new String[][] {{"inter", "inter"}, {"intra", "intra"}}) {
            Path data = dir.resolve(m[1] + ".ecgb");
            assertEquals(0, Cli.run("data", "build", "--source", mitdb.toString(), "--protocol", m[1], "--out",
                    data.toString()).code());
            Cli.Run r = Cli.run("evaluate", "--run", "pretrained:" + m[0], "--data", data.toString(), "--json");
            assertEquals(0, r.code(), r.err());
            var now = ecgbeats.util.Json.MAPPER.readTree(r.out());
            var then = ecgbeats.util.Json.MAPPER.readTree(Path.of("models", m[0], "metrics.json").toFile());
            assertEquals(then.get("n").asInt(), now.get("n").asInt(), m[0]);
            assertEquals(then.get("accuracy").asDouble(), now.get("accuracy").asDouble(), 1e-3, m[0]);
            assertEquals(then.get("recall_macro").asDouble(), now.get("recall_macro").asDouble(), 3e-3, m[0]);
        }
    }
}
