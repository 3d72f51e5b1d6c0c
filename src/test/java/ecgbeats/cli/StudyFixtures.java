package ecgbeats.cli;

import com.fasterxml.jackson.databind.JsonNode;
import ecgbeats.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the command-line study tests share: a one-record dataset, a tiny space, the journal, a real JVM. */
final class StudyFixtures {

    private StudyFixtures() {
    }

    /** Builds a dataset of bundled record 232 into {@code dir}. */
    static Path dataset(Path dir) {
        Path data = dir.resolve("d.ecgb");
        Cli.buildBundled("232", data);
        return data;
    }

    /** A two-parameter space file: {@code hidden} from {@code hiddens}, a log-uniform {@code lr}. */
    static Path space(Path dir, int... hiddens) throws IOException {
        Path space = dir.resolve("space.yaml");
        StringBuilder choice = new StringBuilder();
        for (int h : hiddens) {
            choice.append(choice.isEmpty() ? "" : ", ").append(h);
        }
        Files.writeString(space, "hidden: {choice: [" + choice + "]}\nlr: {loguniform: [0.001, 0.01]}\n");
        return space;
    }

    /** The study's journal events of one type, in order (none while there is no journal yet). */
    static List<JsonNode> events(Path study, String type) {
        if (!Files.exists(study.resolve("journal.jsonl"))) {
            return List.of();
        }
        return ecgbeats.tune.JournalLines.read(study.resolve("journal.jsonl")).stream()
                .filter(e -> e.get("event").asText().equals(type)).toList();
    }

    /** Starts {@code ecgbeats ARGS} in its own JVM, its output to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
