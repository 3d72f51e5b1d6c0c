package ecgbeats.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RecordTemplates;
import ecgbeats.model.Features;
import ecgbeats.model.InputLayout;
import ecgbeats.model.ModelSpec;
import ecgbeats.model.Models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model's DJL block with its parameters, ready to train or to classify beats. Owns native
 * memory: close it (try-with-resources).
 */
public final class Network implements AutoCloseable {

    static {
        // the native library comes from the pytorch-native-cpu jar; never reach for the network
        System.setProperty("ai.djl.offline", "true");
    }

    private final ModelSpec spec;
    private final Model model;
    private final Block block;

    private Network(ModelSpec spec, Model model) {
        this.spec = spec;
        this.model = model;
        this.block = model.getBlock();
    }

    /** A new network with parameters initialised from {@code seed} (which also seeds PyTorch's generator). */
    public static Network create(ModelSpec spec, long seed) {
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
        return build(spec);
    }

    /** The network of {@code spec} with freshly initialised parameters; frees what it made if building fails. */
    private static Network build(ModelSpec spec) {
        Model model = Model.newInstance("ecgbeats-" + spec.architecture().id());
        try {
            model.setBlock(Models.build(spec));
            Network n = new Network(spec, model);
            n.block.initialize(model.getNDManager(), DataType.FLOAT32, n.inputShapes(1));
            return n;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * A network with the parameters saved in {@code file} by {@link #save}. Loading does not
     * reseed PyTorch's random generator (the parameters drawn before the file's replace them).
     */
    public static Network load(ModelSpec spec, Path file) {
        if (!Files.exists(file)) {
            throw BadInputException.inFile(file, "model parameters not found");
        }
        Network n = build(spec);
        Map<String, Shape> built = n.parameterShapes();
        try (InputStream in = Files.newInputStream(file)) {
            n.block.loadParameters(n.model.getNDManager(), new DataInputStream(new java.io.BufferedInputStream(in)));
        } catch (IOException | ai.djl.MalformedModelException | RuntimeException e) {
            n.close();
            throw BadInputException.inFile(file, "cannot load model parameters (" + e.getMessage()
                    + "): saved by another model or configuration?");
        }
        // DJL takes a saved array of another shape without a word; the model would fail on its first beat
        Map<String, Shape> loaded = n.parameterShapes();
        for (Map.Entry<String, Shape> e : built.entrySet()) {
            if (!e.getValue().equals(loaded.get(e.getKey()))) {
                n.close();
                throw BadInputException.inFile(file, "cannot load model parameters (" + e.getKey() + " is "
                        + loaded.get(e.getKey()) + " there, " + e.getValue() + " in this model): saved by another "
                        + "model or configuration?");
            }
        }
        return n;
    }

    /** Every parameter's shape, by name. */
    private Map<String, Shape> parameterShapes() {
        Map<String, Shape> m = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            m.put(p.getKey(), p.getValue().getArray().getShape());
        }
        return m;
    }

    public ModelSpec spec() {
        return spec;
    }

    Model model() {
        return model;
    }

    Block block() {
        return block;
    }

    Shape batchShape(int n) {
        return new Shape(spec.architecture().input().batchShape(n, channels()));
    }

    /** Input channels per beat: the beat, and the beat minus its record's median beat with a template. */
    int channels() {
        return spec.template().channels();
    }

    /**
     * The median beat of each record of {@code beats}, as this model reads them beside each beat,
     * or null for a model without a template. {@code beats} must be real beats, not a balanced
     * split's copies: duplicates would pull a record's median toward its rare classes.
     */
    public RecordTemplates templatesOf(BeatTable beats) {
        return spec.template().usesRecord() ? RecordTemplates.median(beats) : null;
    }

    /**
     * The batch that classifies fastest on the processors measured (docs/performance.md): small
     * enough for cnn2d's activations to stay in cache, large for the others.
     */
    public int inferenceBatch() {
        return spec.architecture() == ecgbeats.model.Architecture.CNN2D ? 32 : 256;
    }

    /** Whether the model reads RR features beside the samples. */
    public boolean usesRr() {
        return spec.features().usesRr();
    }

    /** How many RR features, the first ones, the model takes in per beat (0 without). */
    public int rrWidth() {
        return spec.features().inputWidth();
    }

    private Shape[] inputShapes(int n) {
        return usesRr() ? new Shape[] {batchShape(n), new Shape(n, rrWidth())} : new Shape[] {batchShape(n)};
    }

    /**
     * The model's inputs for {@code n} beats: samples (n × {@link #channels()} × 192) and, if it
     * reads them, RR features (n × {@link #rrWidth()}).
     */
    NDList inputs(NDManager m, float[] x, float[] rr, int n) {
        NDArray input = m.create(FloatBuffer.wrap(x, 0, n * channels() * InputLayout.PADDED_LENGTH), batchShape(n));
        if (!usesRr()) {
            return new NDList(input);
        }
        return new NDList(input, m.create(FloatBuffer.wrap(rr, 0, n * rrWidth()), new Shape(n, rrWidth())));
    }

    /** Sets the standardisation of the RR features (a model with features=rr). */
    void setRhythmScaling(RhythmScaling scaling) {
        Models.setRhythmScaling(block, scaling.mean(), scaling.deviation());
    }

    public long parameterCount() {
        return Models.parameterCount(block);
    }

    /** Writes the parameters (atomically). */
    public void save(Path file) throws IOException {
        AtomicFile.write(file, out -> block.saveParameters(new DataOutputStream(out)));
    }

    /** The parameters as bytes, for keeping the best epoch's weights in memory. */
    byte[] snapshot() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            block.saveParameters(new DataOutputStream(b));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    void restore(byte[] snapshot) {
        try {
            block.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(snapshot)));
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Log-probabilities of the five classes for every beat of {@code table}, row-major
     * (n × 5), in inference mode. A model with a template compares each beat with the median
     * beat of its record among {@code table}'s beats: classify a record's beats together.
     */
    public float[] logProbabilities(BeatTable table, int batch) {
        return logProbabilities(table, templatesOf(table), batch);
    }

    /**
     * Log-probabilities as {@link #logProbabilities(BeatTable, int)}, each beat compared with its
     * record's median beat in {@code templates} (null for a model without a template): for beats
     * that are a part of what their records' medians were taken over.
     */
    public float[] logProbabilities(BeatTable table, RecordTemplates templates, int batch) {
        if (usesRr() && !table.hasRr()) {
            throw new BadInputException("the model reads RR features (features=" + spec.features().id()
                    + "), and these beats have none "
                    + "(a Kaggle CSV, or a dataset file of format 1)");
        }
        if (table.rrWidth() < rrWidth()) {
            throw new BadInputException("the model reads " + rrWidth() + " RR features (features="
                    + spec.features().id() + "), and these beats carry " + table.rrWidth()
                    + " (a dataset file of format 2: rebuild it with data build)");
        }
        int n = table.size();
        float[] out = new float[n * AamiClass.COUNT];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        BatchFiller filler = new BatchFiller(batch, templates);
        ParameterStore ps = new ParameterStore(model.getNDManager(), false);
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            float[] buf = filler.fill(table, rows, from, to);
            float[] rr = usesRr() ? filler.fillRr(table, rows, from, to, rrWidth()) : null;
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDArray logits = block.forward(ps, inputs(m, buf, rr, to - from), false).singletonOrThrow();
                float[] lp = logits.logSoftmax(1).toFloatArray();
                System.arraycopy(lp, 0, out, from * AamiClass.COUNT, lp.length);
            }
        }
        return out;
    }

    /**
     * Replaces every BatchNorm layer's running statistics by those of {@code beats} (AdaBN, Li et
     * al. 2016): the beats go through the network as one batch in training mode, where each
     * BatchNorm layer normalises with the batch's own mean and variance, from which its running
     * statistics are set. The learnt weights do not change. Uses no labels. Each beat is compared
     * with its record's median in {@code templates} (null for a model without a template).
     */
    public void adaptBatchNorm(BeatTable beats, RecordTemplates templates) {
        if (beats.size() > BATCH_NORM_BEATS) {
            // the statistics of a long recording from evenly spaced beats: memory grows with the batch
            int[] rows = new int[BATCH_NORM_BEATS];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = (int) ((long) k * beats.size() / rows.length);
            }
            beats = beats.select(rows);
        }
        java.util.List<NDArray> running = new java.util.ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().endsWith("runningMean") || p.getKey().endsWith("runningVar")) {
                running.add(p.getValue().getArray());
            }
        }
        if (running.isEmpty()) {
            return;
        }
        int n = beats.size();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        BatchFiller filler = new BatchFiller(n, templates);
        float[] x = filler.fill(beats, rows, 0, n);
        float[] rr = usesRr() ? filler.fillRr(beats, rows, 0, n, rrWidth()) : null;
        for (NDArray a : running) {
            a.muli(0);
        }
        try (NDManager m = model.getNDManager().newSubManager()) {
            block.forward(new ParameterStore(m, false), inputs(m, x, rr, n), true);
        }
        // from zero, one training-mode step leaves (1 − momentum) × the batch's statistics
        for (NDArray a : running) {
            a.divi(1 - BATCH_NORM_MOMENTUM);
        }
    }

    /**
     * Adds {@code bias} (one value per class) to the output layer's bias: the model's logits move
     * by it for every beat ({@link LogitAdjustment}).
     */
    void addToOutputBias(double[] bias) {
        Parameter last = null;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                last = p.getKey().endsWith("_bias") ? p.getValue() : null;
            }
        }
        if (last == null || last.getArray().getShape().size() != AamiClass.COUNT) {
            throw new IllegalStateException("the model does not end in a layer with a bias per class");
        }
        float[] b = new float[bias.length];
        for (int c = 0; c < b.length; c++) {
            b[c] = (float) bias[c];
        }
        NDArray a = last.getArray();
        try (NDArray add = a.getManager().create(b)) {
            a.addi(add);
        }
    }

    /** Whether the model's trunk (what reads the beat's shape) is a block apart from its head: models with features. */
    public boolean hasSeparateTrunk() {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getKey().matches("\\d+trunk_.*")) {
                return true;
            }
        }
        return false;
    }

    /** At most this many beats, one batch, make a recording's BatchNorm statistics. */
    static final int BATCH_NORM_BEATS = 8192;

    /** The momentum of DJL's BatchNorm (its builder's default, which {@link Models} keeps). */
    private static final float BATCH_NORM_MOMENTUM = 0.9f;

    @Override
    public void close() {
        model.close();
    }
}
