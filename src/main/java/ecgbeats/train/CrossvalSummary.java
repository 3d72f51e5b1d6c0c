package ecgbeats.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cross-validation's {@value CrossValidation#SUMMARY}, the one class that writes and reads it: the plan (the
 * dataset with its SHA-256, the model's configuration, the records kept apart, the folds), each finished fold's
 * metrics on its held-out records, and, once every fold is done, the pooled metrics.
 *
 * @param status      how far it got
 * @param data        the dataset the folds were cut from
 * @param apart       records kept in different folds (empty in a file from before they could be)
 * @param folds       each fold's held-out records
 * @param foldResults the folds finished, in order
 * @param pooled      the held-out predictions of every fold as one set of metrics; null until complete
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "data", "model", "hyperparameters", "training", "apart", "folds", "fold_results", "pooled"})
public record CrossvalSummary(Status status, DataFile data, String model, Map<String, Object> hyperparameters,
                              Map<String, Object> training, List<Integer> apart, List<List<Integer>> folds,
                              @JsonProperty("fold_results") List<FoldResult> foldResults, Metrics pooled) {

    /** How far a cross-validation got. */
    public enum Status { RUNNING, PAUSED, COMPLETE }

    /** The dataset file and its SHA-256. */
    public record DataFile(String file, String sha256) {
    }

    /** A finished fold: its held-out records, its run folder (relative), and the run's metrics on those records. */
    @JsonPropertyOrder({"fold", "records", "run", "valid"})
    public record FoldResult(int fold, List<Integer> records, String run, Metrics valid) {
    }

    public CrossvalSummary {
        apart = apart == null ? List.of() : List.copyOf(apart);
        foldResults = foldResults == null ? List.of() : List.copyOf(foldResults);
    }

    /** A new plan: running, no fold finished. */
    static CrossvalSummary plan(DataFile data, RunConfig config, List<Integer> apart, List<List<Integer>> folds) {
        return new CrossvalSummary(Status.RUNNING, data, config.model().architecture().id(), config.model().asMap(),
                config.training().asMap(), apart, folds, List.of(), null);
    }

    /** The configuration the folds are trained with. */
    public RunConfig runConfig() {
        if (model == null || hyperparameters == null || training == null) {
            throw new IllegalStateException("missing model, hyperparameters or training");
        }
        return RunRecord.configOf(model, hyperparameters, training);
    }

    CrossvalSummary with(Status s) {
        return new CrossvalSummary(s, data, model, hyperparameters, training, apart, folds, foldResults, pooled);
    }

    CrossvalSummary withFold(FoldResult f) {
        List<FoldResult> all = new ArrayList<>(foldResults);
        all.add(f);
        return new CrossvalSummary(status, data, model, hyperparameters, training, apart, folds, all, pooled);
    }

    CrossvalSummary complete(Metrics pooledMetrics) {
        return new CrossvalSummary(Status.COMPLETE, data, model, hyperparameters, training, apart, folds, foldResults,
                pooledMetrics);
    }

    /** Written to {@code file} whole or not at all. */
    void write(Path file) throws IOException {
        AtomicFile.writeString(file, RunDirectory.JSON.writeValueAsString(this));
    }

    /** The summary in {@code file}; a file that is not one is a {@link BadInputException} naming it. */
    static CrossvalSummary read(Path file) {
        CrossvalSummary s;
        try {
            s = RunDirectory.JSON.readerFor(CrossvalSummary.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file.toFile());
        } catch (IOException e) {
            throw BadInputException.inFile(file, "not a cross-validation's summary: " + e.getMessage());
        }
        if (s == null || s.model == null || s.hyperparameters == null || s.training == null || s.data == null
                || s.folds == null) {
            throw BadInputException.inFile(file, "not a cross-validation's summary: missing data, model, "
                    + "hyperparameters, training or folds");
        }
        return s;
    }
}
