package ecgbeats.tune;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import ecgbeats.util.Decision;

import java.util.Map;

/**
 * One line of a study's journal ({@link Journal}): what happened, when. The journal's one format,
 * written and read by Jackson through these records; the {@code event} field names the kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JournalEvent.StudyBegan.class, name = "study"),
    @JsonSubTypes.Type(value = JournalEvent.Created.class, name = "created"),
    @JsonSubTypes.Type(value = JournalEvent.Started.class, name = "started"),
    @JsonSubTypes.Type(value = JournalEvent.Resumed.class, name = "resumed"),
    @JsonSubTypes.Type(value = JournalEvent.Epoch.class, name = "epoch"),
    @JsonSubTypes.Type(value = JournalEvent.Completed.class, name = "completed"),
    @JsonSubTypes.Type(value = JournalEvent.Pruned.class, name = "pruned"),
    @JsonSubTypes.Type(value = JournalEvent.Failed.class, name = "failed")
})
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface JournalEvent {

    /** When it was written (ISO-8601). */
    String time();

    /** The trial it is about, or −1 for the study's own first event. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    default int trialNumber() {
        return -1;
    }

    /** The study's first event: what it is (a resume must match) and how it maximises. */
    record StudyBegan(String time, Map<String, String> identity, String fingerprint, long seed, String objective)
            implements JournalEvent {
    }

    /** A trial suggested, with its hyperparameters (as spaces hold them, {@link SearchSpaces#value}) and seed. */
    record Created(String time, int trial, long seed, JsonNode params) implements JournalEvent {
        @Override
        @com.fasterxml.jackson.annotation.JsonIgnore
        public int trialNumber() {
            return trial;
        }
    }

    /** A trial handed to a worker, going on from {@code epoch} (0: from the start). */
    record Started(String time, int trial, String worker, int epoch) implements JournalEvent {
        @Override
        @com.fasterxml.jackson.annotation.JsonIgnore
        public int trialNumber() {
            return trial;
        }
    }

    /** A cut-off trial queued again by a resumed study, from {@code epoch}. */
    record Resumed(String time, int trial, int epoch) implements JournalEvent {
        @Override
        @com.fasterxml.jackson.annotation.JsonIgnore
        public int trialNumber() {
            return trial;
        }
    }

    /** One epoch's objective value and the scheduler's answer; {@code checkpoint}: its checkpoint is on disk. */
    record Epoch(String time, int trial, int epoch, double value, double seconds, Decision decision,
                 boolean checkpoint, Map<String, Double> metrics) implements JournalEvent {
        @Override
        @com.fasterxml.jackson.annotation.JsonIgnore
        public int trialNumber() {
            return trial;
        }
    }

    /** How a trial ended: its epochs, seconds and final metrics. */
    sealed interface Finished extends JournalEvent {
        int trial();

        double seconds();

        int epochs();

        Map<String, Double> metrics();

        @Override
        @com.fasterxml.jackson.annotation.JsonIgnore
        default int trialNumber() {
            return trial();
        }

        /** The trial's state after it. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        TrialState state();

        /** The event that says a trial ended in {@code state}. */
        static Finished of(TrialState state, String time, int trial, double seconds, int epochs,
                           Map<String, Double> metrics, String error) {
            return switch (state) {
                case COMPLETE -> new Completed(time, trial, seconds, epochs, metrics);
                case PRUNED -> new Pruned(time, trial, seconds, epochs, metrics);
                default -> new Failed(time, trial, seconds, epochs, metrics, error);
            };
        }
    }

    record Completed(String time, int trial, double seconds, int epochs, Map<String, Double> metrics)
            implements Finished {
        @Override
        @com.fasterxml.jackson.annotation.JsonIgnore
        public TrialState state() {
            return TrialState.COMPLETE;
        }
    }

    record Pruned(String time, int trial, double seconds, int epochs, Map<String, Double> metrics)
            implements Finished {
        @Override
        @com.fasterxml.jackson.annotation.JsonIgnore
        public TrialState state() {
            return TrialState.PRUNED;
        }
    }

    record Failed(String time, int trial, double seconds, int epochs, Map<String, Double> metrics,
                  @JsonProperty("error") String error) implements Finished {
        @Override
        @com.fasterxml.jackson.annotation.JsonIgnore
        public TrialState state() {
            return TrialState.FAILED;
        }
    }

    /** Now, as events write it. */
    static String now() {
        return java.time.Instant.now().toString();
    }
}
