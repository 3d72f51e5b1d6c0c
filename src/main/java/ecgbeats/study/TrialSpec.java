package ecgbeats.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.util.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial as its process runs it (trial.json): the dataset, the model, the trial's
 * hyperparameters and training budget, where to write the run and its checkpoints, and the
 * checkpoint to go on from. {@link #write} and {@link #read} are the one reader and writer.
 *
 * @param data          the dataset file
 * @param model         the architecture's name
 * @param out           the run folder to write
 * @param checkpointOut where each epoch's checkpoint goes
 * @param checkpointIn  the checkpoint to go on from, or null for a fresh start
 * @param params        the trial's hyperparameters by name (model and training settings)
 * @param epochs        the epoch limit
 * @param fraction      the share of the train split
 * @param objective     what validation maximises
 * @param seed          the trial's seed
 */
@JsonPropertyOrder({"data", "model", "out", "checkpoint_out", "checkpoint_in", "params", "epochs", "fraction",
    "objective", "seed"})
public record TrialSpec(String data, String model, String out, @JsonProperty("checkpoint_out") String checkpointOut,
                        @JsonProperty("checkpoint_in") @JsonInclude(JsonInclude.Include.NON_NULL) String checkpointIn,
                        Map<String, Object> params, int epochs, double fraction, String objective, long seed) {

    public TrialSpec {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Every setting the trial's run gets: its hyperparameters, then the study's budget and the trial's seed. */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.put(k, String.valueOf(v)));
        m.put("epochs", Integer.toString(epochs));
        m.put("fraction", Double.toString(fraction));
        m.put("objective", objective);
        m.put("seed", Long.toString(seed));
        return m;
    }

    public void write(Path file) throws IOException {
        AtomicFile.writeString(file, Json.PRETTY.writeValueAsString(this) + "\n");
    }

    public static TrialSpec read(Path file) {
        try {
            return Json.MAPPER.readValue(file.toFile(), TrialSpec.class);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "not a trial spec: " + e.getMessage());
        }
    }
}
