package ecgbeats.train;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.Provenance;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.ExtractionSettings;
import ecgbeats.model.Architecture;
import ecgbeats.model.ChannelAlignment;
import ecgbeats.model.ConvolutionLayout;
import ecgbeats.model.ModelSpec;
import ecgbeats.util.Version;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's config.json (docs/reference.md §6): how the run was made, in full. {@link RunDirectory}
 * writes and reads it; nothing else parses the file.
 *
 * @param model               the architecture
 * @param input               how beats are laid out for it (sequence_192, grid_16x12)
 * @param hyperparameters     the model's hyperparameters by name
 * @param training            the training settings by name ({@link TrainParam})
 * @param seed                the run's seed
 * @param parameters          trainable parameters
 * @param data                the dataset file, its checksum and provenance
 * @param trainBeatsPerClass  beats per class of the train split as training saw it
 * @param classWeights        the loss weight of each class
 * @param software            what ran it
 * @param created             when it started
 * @param rrScaling           the RR features' standardisation, for a model that reads them
 * @param skipTest            whether the test split is left untouched
 * @param bestEpoch           the epoch whose weights the run keeps, once it is complete
 * @param stop                why training ended, once it is complete
 * @param trainSeconds        the epochs' time, once it is complete
 * @param resumedAfterEpochs  the epochs after which a stretch ended and another went on
 * @param adaptation          for a run adapted to one recording, what made it (the adapt package's to read)
 * @param logitAdjustment     the logit adjustment chosen on validation after training, if asked for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"model", "input", "hyperparameters", "training", "seed", "parameters", "data",
    "train_beats_per_class", "class_weights", "software", "created", "rr_scaling", "skip_test", "best_epoch", "stop",
    "train_seconds", "resumed_after_epochs", "logit_adjustment", "adaptation"})
public record RunRecord(String model, String input, Map<String, Object> hyperparameters, Map<String, Object> training,
                        long seed, long parameters, Data data,
                        @JsonProperty("train_beats_per_class") Map<String, Integer> trainBeatsPerClass,
                        @JsonProperty("class_weights") double[] classWeights, Software software, String created,
                        @JsonProperty("rr_scaling") RhythmScaling rrScaling,
                        @JsonProperty("skip_test") Boolean skipTest,
                        @JsonProperty("best_epoch") Integer bestEpoch, String stop,
                        @JsonProperty("train_seconds") Double trainSeconds,
                        @JsonProperty("resumed_after_epochs") List<Integer> resumedAfterEpochs,
                        JsonNode adaptation, @JsonProperty("logit_adjustment") LogitAdjustment logitAdjustment) {

    /**
     * The dataset a run was trained on.
     *
     * @param file       its path when the run started
     * @param sha256     its checksum
     * @param protocol   intra or inter
     * @param provenance how it was built
     */
    @JsonPropertyOrder({"file", "sha256", "protocol", "provenance"})
    public record Data(String file, String sha256, String protocol, Provenance provenance) {
    }

    /**
     * What ran it: versions, processors and the native settings that change the last digits.
     *
     * @param channelAlignment the convolutions' channel padding (docs/avx512-nan.md)
     * @param convLayout       the 2D convolutions' memory layout
     * @param torchThreads     PyTorch's intra-op threads (results differ in the last digits with them)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"ecgbeats", "djl", "engine", "java", "os", "cpus", "channel_alignment", "conv_layout",
        "torch_threads"})
    public record Software(String ecgbeats, String djl, String engine, String java, String os, int cpus,
                           @JsonProperty("channel_alignment") Integer channelAlignment,
                           @JsonProperty("conv_layout") String convLayout,
                           @JsonProperty("torch_threads") Integer torchThreads) {

        /** This process's. */
        static Software current() {
            boolean torch = "PyTorch".equals(Engine.getInstance().getEngineName());
            return new Software(Version.get(), Engine.getDjlVersion(),
                    Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                    ChannelAlignment.forThisProcessor().multiple(), ConvolutionLayout.chosen().id(),
                    torch ? ai.djl.pytorch.jni.JniUtils.getNumThreads() : null);
        }
    }

    /** The record of a run starting now. */
    static RunRecord start(RunConfig rc, long parameters, Path dataFile, String dataSha256, BeatDataset data,
                           int[] trainCounts, double[] classWeights, RhythmScaling scaling, boolean skipTest) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AamiClass c : AamiClass.values()) {
            counts.put(c.name(), trainCounts[c.label()]);
        }
        Map<String, Object> hyper = new LinkedHashMap<>(rc.model().asMap());
        return new RunRecord(rc.model().architecture().id(),
                rc.model().architecture().input().name().toLowerCase(java.util.Locale.ROOT), hyper,
                rc.training().asMap(), rc.training().seed(), parameters,
                new Data(dataFile.toAbsolutePath().toString(), dataSha256, data.provenance().protocol().id(),
                        data.provenance()), counts, classWeights, Software.current(), Instant.now().toString(), scaling,
                skipTest, null, null, null, null, null, null);
    }

    /** The model and training settings. */
    public RunConfig runConfig() {
        return configOf(model, hyperparameters, training);
    }

    /** The configuration that {@code model}, {@code hyperparameters} and {@code training}, as config.json records them, name. */
    static RunConfig configOf(String model, Map<String, Object> hyperparameters, Map<String, Object> training) {
        Architecture a = Architecture.parse(model);
        ModelSpec spec = ModelSpec.fromMap(a, texts(hyperparameters));
        TrainSettings t = TrainSettings.defaults();
        for (Map.Entry<String, Object> e : texts(training).entrySet()) {
            t = t.with(e.getKey(), String.valueOf(e.getValue()));
        }
        return new RunConfig(spec, t);
    }

    /** How the training beats were cut (Kachuee's for a run trained on imported CSV); no beat dropped. */
    @JsonIgnore
    public ExtractionSettings extraction() {
        ExtractionSettings e = data == null || data.provenance() == null ? null : data.provenance().extraction();
        if (e == null) {
            return ExtractionSettings.KACHUEE;
        }
        return new ExtractionSettings(e.frequency(), e.windowSeconds(), e.beatLength(), e.rrFactor(), false);
    }

    /** Whether the test split was left untouched. */
    @JsonIgnore
    public boolean testSkipped() {
        return Boolean.TRUE.equals(skipTest);
    }

    /** This record of a run that went on after {@code epoch}. */
    RunRecord resumedAfter(int epoch) {
        List<Integer> r = resumedAfterEpochs == null ? new ArrayList<>() : new ArrayList<>(resumedAfterEpochs);
        r.add(epoch);
        return new RunRecord(model, input, hyperparameters, training, seed, parameters, data, trainBeatsPerClass,
                classWeights, software, created, rrScaling, skipTest, bestEpoch, stop, trainSeconds, r, adaptation,
                logitAdjustment);
    }

    /** This record of a complete run. */
    RunRecord completed(int best, TrainingResult.StopReason reason, double seconds, LogitAdjustment adjustment) {
        return new RunRecord(model, input, hyperparameters, training, seed, parameters, data, trainBeatsPerClass,
                classWeights, software, created, rrScaling, skipTest, best,
                reason.name().toLowerCase(java.util.Locale.ROOT), Math.round(seconds * 10) / 10.0, resumedAfterEpochs,
                adaptation, adjustment);
    }

    /** This record of a run adapted to a recording: {@code adaptation} says how, {@code now} when. */
    public RunRecord adapted(JsonNode how, String now) {
        return new RunRecord(model, input, hyperparameters, training, seed, parameters, data, trainBeatsPerClass,
                classWeights, software, now, rrScaling, skipTest, bestEpoch, stop, trainSeconds, resumedAfterEpochs, how,
                logitAdjustment);
    }

    private static Map<String, Object> texts(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
