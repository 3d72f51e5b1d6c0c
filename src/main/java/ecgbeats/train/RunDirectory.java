package ecgbeats.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.data.beat.AamiClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run's folder (docs/reference.md §6): {@code config.json} (model, hyperparameters, seed, data file and
 * its SHA-256, the dataset's provenance, software versions), {@code history.csv},
 * {@code metrics.json}, {@code predictions.csv} and the parameters in {@code model.params};
 * while it trains, {@code state.json} ({@link RunState}) and the last epoch's checkpoint.
 */
public final class RunDirectory {

    public static final String CONFIG = "config.json";
    public static final String HISTORY = "history.csv";
    public static final String METRICS = "metrics.json";
    public static final String PREDICTIONS = "predictions.csv";
    public static final String PARAMS = "model.params";
    public static final String STATE = "state.json";
    public static final String CHECKPOINT = "checkpoint.ckpt";
    /**
     * A sample of the run's training beats (a dataset file whose train split holds them) that a
     * run shipped without its dataset carries, so that it can still be adapted to a patient.
     */
    public static final String REPLAY = "replay.ecgb";

    static final ObjectMapper JSON = ecgbeats.util.Json.PRETTY;

    private final Path dir;

    public RunDirectory(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path params() {
        return dir.resolve(PARAMS);
    }

    /**
     * The run folders that {@code folders} name: a run folder is itself; a cross-validation's
     * folder ({@code crossval --out}: runs {@code fold-1}, {@code fold-2}, ... and no model of its
     * own) is its fold runs, in fold order, to classify as one ensemble; a fold still training is
     * named with the rest, so that loading refuses it rather than leaving it out. Anything else is
     * left as it is, for {@link RunEnsemble#load} to refuse by name.
     */
    public static List<Path> expand(List<Path> folders) {
        List<Path> out = new ArrayList<>();
        for (Path f : folders) {
            List<Path> folds = Files.exists(f.resolve(PARAMS)) ? List.of() : foldRuns(f);
            if (folds.isEmpty()) {
                out.add(f);
            } else {
                out.addAll(folds);
            }
        }
        return List.copyOf(out);
    }

    private static List<Path> foldRuns(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("fold-\\d+") && Files.isDirectory(p))
                    .sorted(Comparator.comparingInt(
                            p -> Integer.parseInt(p.getFileName().toString().substring("fold-".length()))))
                    .toList();
        } catch (IOException e) {
            throw BadInputException.inFile(dir, "cannot list: " + e.getMessage());
        }
    }

    public Path checkpoint() {
        return dir.resolve(CHECKPOINT);
    }

    public void writeState(RunState state) throws IOException {
        AtomicFile.writeString(dir.resolve(STATE), JSON.writeValueAsString(state) + "\n");
    }

    /** The run's state; a folder of an older version without one is a finished run. */
    public RunState readState() {
        Path f = dir.resolve(STATE);
        if (!Files.exists(f)) {
            return new RunState(Files.exists(params()) ? RunState.Status.COMPLETE : RunState.Status.FAILED, 0,
                    Files.exists(params()) ? null : "no " + STATE + " and no " + PARAMS);
        }
        try {
            return JSON.readValue(f.toFile(), RunState.class);
        } catch (IOException e) {
            throw BadInputException.inFile(f, "not a run state: " + e.getMessage());
        }
    }

    public void writeCheckpoint(Checkpoint c) throws IOException {
        AtomicFile.write(checkpoint(), out -> out.write(c.encode()));
    }

    /** The last epoch's checkpoint, or null when the run has none (it stopped in its first epoch). */
    public Checkpoint readCheckpoint() {
        if (!Files.exists(checkpoint())) {
            return null;
        }
        try {
            return Checkpoint.decode(Files.readAllBytes(checkpoint()));
        } catch (IOException e) {
            throw BadInputException.inFile(checkpoint(), e.getMessage());
        }
    }

    /** Writes config.json. */
    public void writeRecord(RunRecord record) throws IOException {
        AtomicFile.writeString(dir.resolve(CONFIG), JSON.writeValueAsString(record) + "\n");
    }

    public void writeHistory(Iterable<EpochResult> history) throws IOException {
        StringBuilder sb = new StringBuilder("epoch,train_loss,valid_loss,valid_accuracy,valid_recall_macro,lr,seconds\n");
        for (EpochResult r : history) {
            sb.append(r.epoch()).append(',').append(r.trainLoss()).append(',').append(r.validLoss()).append(',')
                    .append(r.valid().accuracy()).append(',').append(r.valid().recallMacro()).append(',')
                    .append(r.lr()).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", r.seconds()))
                    .append('\n');
        }
        AtomicFile.writeString(dir.resolve(HISTORY), sb.toString());
    }

    public void writeMetrics(Metrics m) throws IOException {
        AtomicFile.writeString(dir.resolve(METRICS), metricsJson(m) + "\n");
    }

    /** The run's metrics.json, or null when the run was not evaluated. */
    public Metrics readMetrics() {
        Path f = dir.resolve(METRICS);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            return JSON.readerFor(Metrics.class).without(
                    com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(f.toFile());
        } catch (IOException e) {
            throw BadInputException.inFile(f, "not a run's metrics: " + e.getMessage());
        }
    }

    public static String metricsJson(Metrics m) throws IOException {
        return JSON.writeValueAsString(m);
    }

    /** predictions.csv: each beat's index in the split, record (0 when unknown), true and predicted class. */
    public void writePredictions(short[] records, int[] truth, int[] pred) throws IOException {
        StringBuilder sb = new StringBuilder("index,record,true,pred\n");
        for (int i = 0; i < truth.length; i++) {
            sb.append(i).append(',').append(Math.max(0, records[i])).append(',')
                    .append(AamiClass.ofLabel(truth[i]).name()).append(',')
                    .append(AamiClass.ofLabel(pred[i]).name()).append('\n');
        }
        AtomicFile.writeString(dir.resolve(PREDICTIONS), sb.toString());
    }

    /** The run's config.json; a folder that is not a run is a {@link BadInputException}. */
    public RunRecord readRecord() {
        Path f = dir.resolve(CONFIG);
        if (!Files.isDirectory(dir)) {
            throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, dir, "no such folder");
        }
        if (!Files.exists(f)) {
            throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, dir, "not a run (no " + CONFIG + ")");
        }
        RunRecord r;
        try {
            r = JSON.readValue(f.toFile(), RunRecord.class);
        } catch (IOException e) {
            throw BadInputException.inFile(f, "not a run's config: " + e.getMessage());
        }
        if (r.model() == null || r.hyperparameters() == null || r.training() == null) {
            throw BadInputException.inFile(f, "missing model, hyperparameters or training");
        }
        return r;
    }

    /** The model and training settings recorded in config.json. */
    public RunConfig readRunConfig() {
        return readRecord().runConfig();
    }

    /** How the run's training beats were cut (Kachuee's for a run trained on imported CSV); no beat dropped. */
    public ecgbeats.data.beat.ExtractionSettings extraction() {
        return readRecord().extraction();
    }

    /**
     * How recordings are cut for this run's model: its training data's extraction settings, refused
     * when the model's input layout is not one ecgbeats cuts recordings for.
     */
    public ecgbeats.data.beat.ExtractionSettings recordingCut() {
        RunRecord r = readRecord();
        ecgbeats.data.beat.ExtractionSettings settings = r.extraction();
        String input = r.input() == null ? "" : r.input();
        boolean known = java.util.Arrays.stream(ecgbeats.model.InputLayout.values())
                .anyMatch(l -> l.name().equalsIgnoreCase(input));
        if (!known || settings.beatLength() > ecgbeats.model.InputLayout.PADDED_LENGTH) {
            throw new BadInputException("the run's model takes beats laid out as '" + input + "' from "
                    + settings.beatLength() + " samples; ecgbeats cuts recordings for "
                    + ecgbeats.model.InputLayout.PADDED_LENGTH + "-sample sequence or grid inputs only");
        }
        return settings;
    }

    /** The recording at {@code base} cut for this run's model ({@link #recordingCut()}). */
    public Recording cut(Path base, boolean detect) {
        return Recording.cut(base, recordingCut(), detect);
    }

    /** Loads the trained network; a run without parameters is a {@link BadInputException}. */
    public Network loadNetwork() {
        RunConfig rc = readRunConfig();
        if (!Files.exists(params())) {
            throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, dir, "the run has no model parameters ("
                    + PARAMS + " missing): did its training finish?");
        }
        return Network.load(rc.model(), params());
    }
}
