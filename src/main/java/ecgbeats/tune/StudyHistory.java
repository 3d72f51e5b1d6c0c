package ecgbeats.tune;

import com.fasterxml.jackson.databind.JsonNode;
import ecgbeats.util.BadInputException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a study's journal says happened, replayed: every trial as it stands, and the epochs that
 * still count. An epoch reported by an attempt that a later {@code started} or {@code resumed}
 * event went back behind (a trial moved to another worker, or resumed from an earlier
 * checkpoint) no longer counts. The one replay of the journal: {@link Study#resume} and the
 * study report both read through it, so they cannot disagree.
 *
 * @param header       the journal's first event (fingerprint, seed, objective, time)
 * @param trials       every trial, in creation order
 * @param epochs       per trial, the epoch events that count, in journal order
 * @param checkpointed per trial, the last epoch that reported a checkpoint and still counts
 * @param finished     per finished trial, when it finished
 */
public record StudyHistory(JsonNode header, List<Trial> trials, Map<Integer, List<JsonNode>> epochs,
                           Map<Integer, Integer> checkpointed, Map<Integer, Instant> finished) {

    /** Reads and replays the journal file; one that is not a study's is a {@link BadInputException}. */
    public static StudyHistory read(Path journal) {
        List<JsonNode> events = Journal.read(journal);
        if (events.isEmpty() || !"study".equals(events.get(0).path("event").asText())) {
            throw BadInputException.inFile(journal, "does not start with a study event");
        }
        return replay(events);
    }

    static StudyHistory replay(List<JsonNode> events) {
        List<Trial> trials = new ArrayList<>();
        Map<Integer, List<JsonNode>> epochs = new LinkedHashMap<>();
        Map<Integer, Integer> checkpointed = new HashMap<>();
        Map<Integer, Instant> finished = new LinkedHashMap<>();
        for (JsonNode e : events) {
            int n = e.path("trial").asInt(-1);
            switch (e.path("event").asText()) {
                case "created" -> {
                    Map<String, Object> params = new LinkedHashMap<>();
                    e.get("params").fields().forEachRemaining(f -> params.put(f.getKey(),
                            SearchSpaces.value(f.getValue())));
                    trials.add(new Trial(n, params, e.get("seed").asLong(), TrialState.RUNNING, List.of(), Map.of(),
                            "", 0));
                    epochs.put(n, new ArrayList<>());
                }
                case "started", "resumed" -> {
                    int from = e.path("epoch").asInt(0);
                    Trial t = trials.get(n).resumedAt(from);
                    trials.set(n, e.has("worker") ? t.onWorker(e.get("worker").asText()) : t);
                    epochs.get(n).removeIf(x -> x.get("epoch").asInt() > from);
                    checkpointed.computeIfPresent(n, (k, v) -> Math.min(v, from));
                }
                case "epoch" -> {
                    trials.set(n, trials.get(n).withEpoch(e.get("value").asDouble(), e.path("seconds").asDouble()));
                    epochs.get(n).add(e);
                    if (e.path("checkpoint").asBoolean(false)) {
                        checkpointed.put(n, e.get("epoch").asInt());
                    }
                }
                case "completed", "pruned", "failed" -> {
                    Map<String, Double> metrics = new LinkedHashMap<>();
                    e.path("metrics").fields().forEachRemaining(f -> metrics.put(f.getKey(), f.getValue().asDouble()));
                    TrialState state = switch (e.get("event").asText()) {
                        case "completed" -> TrialState.COMPLETE;
                        case "pruned" -> TrialState.PRUNED;
                        default -> TrialState.FAILED;
                    };
                    trials.set(n, trials.get(n).finished(state, metrics, e.path("seconds").asDouble()));
                    if (e.hasNonNull("time")) {
                        finished.put(n, Instant.parse(e.get("time").asText()));
                    }
                }
                default -> { }
            }
        }
        return new StudyHistory(events.get(0), trials, epochs, checkpointed, finished);
    }

    /** When the study began. */
    public Instant started() {
        return Instant.parse(header.get("time").asText());
    }

    /** The name of the objective the study maximised. */
    public String objective() {
        return header.path("objective").asText("objective");
    }
}
