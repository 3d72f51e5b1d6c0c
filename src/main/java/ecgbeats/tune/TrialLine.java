package ecgbeats.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.util.Json;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lines a trial's worker process writes for {@link ProcessTrialRunner}, one type that both
 * writes and reads them: {@code @epoch {json}} after each epoch (the runner answers
 * {@code CONTINUE} or {@code STOP} on the worker's input), then {@code @done {json}} with the
 * final validation metrics, or {@code @failed {"reason": ...}} when the trial failed for a
 * reason of its own. Any other line is the worker's log.
 */
public sealed interface TrialLine {

    /** The line as the worker prints it. */
    String format();

    /**
     * One epoch's report.
     *
     * @param value      the objective's value on validation
     * @param checkpoint true when the worker has just written this epoch's checkpoint
     */
    record Epoch(int epoch, double value, Map<String, Double> metrics, boolean checkpoint) implements TrialLine {
        static final String TAG = "@epoch ";

        public Epoch {
            metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        @Override
        public String format() {
            ObjectNode o = Json.MAPPER.createObjectNode().put("epoch", epoch).put("value", value);
            ObjectNode m = o.putObject("metrics");
            metrics.forEach(m::put);
            return TAG + o.put("checkpoint", checkpoint);
        }
    }

    /** The trial's final validation metrics. */
    record Done(Map<String, Double> metrics) implements TrialLine {
        static final String TAG = "@done ";

        public Done {
            metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        @Override
        public String format() {
            ObjectNode o = Json.MAPPER.createObjectNode();
            metrics.forEach(o::put);
            return TAG + o;
        }
    }

    /** The trial failed (e.g. a loss that is not finite); the reason goes to the journal. */
    record Failed(String reason) implements TrialLine {
        static final String TAG = "@failed ";

        @Override
        public String format() {
            return TAG + Json.MAPPER.createObjectNode().put("reason", reason);
        }
    }

    /** The protocol line {@code line} holds, or empty for a line of the worker's log. */
    static Optional<TrialLine> parse(String line) throws IOException {
        try {
            if (line.startsWith(Epoch.TAG)) {
                JsonNode e = Json.MAPPER.readTree(line.substring(Epoch.TAG.length()));
                return Optional.of(new Epoch(e.get("epoch").asInt(), e.get("value").asDouble(),
                        numbers(e.get("metrics")), e.path("checkpoint").asBoolean(false)));
            }
            if (line.startsWith(Done.TAG)) {
                return Optional.of(new Done(numbers(Json.MAPPER.readTree(line.substring(Done.TAG.length())))));
            }
            if (line.startsWith(Failed.TAG)) {
                return Optional.of(new Failed(Json.MAPPER.readTree(line.substring(Failed.TAG.length()))
                        .path("reason").asText()));
            }
        } catch (JsonProcessingException | NullPointerException e) {
            throw new IOException("a worker line that does not parse: " + line, e);
        }
        return Optional.empty();
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asDouble()));
        }
        return m;
    }
}
