package ecgbeats.train;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.data.BeatDataset;
import ecgbeats.util.Version;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.model.Architecture;
import ecgbeats.model.ModelSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's folder (docs/reference.md §5): {@code config.json} (model, hyperparameters, seed, data file and
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

    /** The full record of how a run was made. */
    public static ObjectNode config(RunConfig rc, long parameters, Path dataFile, String dataSha256, BeatDataset data,
                                    int[] trainCounts, double[] classWeights) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", rc.model().architecture().id());
        root.put("input", rc.model().architecture().input().name().toLowerCase(java.util.Locale.ROOT));
        root.set("hyperparameters", JSON.valueToTree(rc.model().asMap()));
        root.set("training", JSON.valueToTree(rc.training().asMap()));
        root.put("seed", rc.training().seed());
        root.put("parameters", parameters);
        ObjectNode d = root.putObject("data");
        d.put("file", dataFile.toAbsolutePath().toString());
        d.put("sha256", dataSha256);
        d.put("protocol", data.provenance().protocol().id());
        d.set("provenance", JSON.valueToTree(data.provenance()));
        ObjectNode counts = root.putObject("train_beats_per_class");
        for (AamiClass c : AamiClass.values()) {
            counts.put(c.name(), trainCounts[c.label()]);
        }
        root.set("class_weights", JSON.valueToTree(classWeights));
        ObjectNode sw = root.putObject("software");
        sw.put("ecgbeats", Version.get());
        sw.put("djl", ai.djl.engine.Engine.getDjlVersion());
        sw.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        sw.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        sw.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        sw.put("cpus", Runtime.getRuntime().availableProcessors());
        // the convolutions' channel padding (docs/avx512-nan.md): the same numbers, another code path
        sw.put("channel_alignment", ecgbeats.model.ChannelAlignment.forThisProcessor().multiple());
        sw.put("conv_layout", ecgbeats.model.ConvolutionLayout.chosen().id());
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            // results differ in the last digits with the thread count (summation order), so it is part of the setup
            sw.put("torch_threads", ai.djl.pytorch.jni.JniUtils.getNumThreads());
        }
        root.put("created", Instant.now().toString());
        return root;
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

    public void writeConfig(ObjectNode config) throws IOException {
        AtomicFile.writeString(dir.resolve(CONFIG), JSON.writeValueAsString(config) + "\n");
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
    public JsonNode readConfig() {
        Path f = dir.resolve(CONFIG);
        if (!Files.isDirectory(dir)) {
            throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, dir, "no such folder");
        }
        if (!Files.exists(f)) {
            throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, dir, "not a run (no " + CONFIG + ")");
        }
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw BadInputException.inFile(f, "not valid JSON: " + e.getMessage());
        }
    }

    /** The model and training settings recorded in config.json. */
    public RunConfig readRunConfig() {
        return runConfigOf(readConfig(), dir.resolve(CONFIG));
    }

    /**
     * The model and training settings of a JSON object with {@code model}, {@code hyperparameters}
     * and {@code training}, as config.json ({@link #config}) writes them; {@code f} names the file.
     */
    static RunConfig runConfigOf(JsonNode c, Path f) {
        if (!c.hasNonNull("model") || !c.has("hyperparameters") || !c.has("training")) {
            throw BadInputException.inFile(f, "missing model, hyperparameters or training");
        }
        Architecture a = Architecture.parse(c.get("model").asText());
        ModelSpec spec = ModelSpec.fromMap(a, toMap(c.get("hyperparameters")));
        TrainSettings t = TrainSettings.defaults();
        for (Map.Entry<String, Object> e : toMap(c.get("training")).entrySet()) {
            t = t.with(e.getKey(), String.valueOf(e.getValue()));
        }
        return new RunConfig(spec, t);
    }

    private static Map<String, Object> toMap(JsonNode node) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    /** How the run's training beats were cut (Kachuee's for a run trained on imported CSV); no beat dropped. */
    public ecgbeats.data.beat.ExtractionSettings extraction() {
        JsonNode e = readConfig().path("data").path("provenance").path("extraction");
        if (e.isMissingNode() || e.isNull()) {
            return ecgbeats.data.beat.ExtractionSettings.KACHUEE;
        }
        return new ecgbeats.data.beat.ExtractionSettings(e.get("frequency").asInt(), e.get("windowSeconds").asDouble(),
                e.get("beatLength").asInt(), e.get("rrFactor").asDouble(), false);
    }

    /**
     * How recordings are cut for this run's model: its training data's extraction settings, refused
     * when the model's input layout is not one ecgbeats cuts recordings for.
     */
    public ecgbeats.data.beat.ExtractionSettings recordingCut() {
        ecgbeats.data.beat.ExtractionSettings settings = extraction();
        String input = readConfig().path("input").asText("");
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
