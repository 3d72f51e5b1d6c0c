package ecgbeats.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelsTest {

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    private static long[] outputShapeAndParams(ModelSpec spec, int batch) {
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = Models.build(spec);
            Shape in = new Shape(spec.architecture().input().batchShape(batch, spec.template().channels()));
            NDList inputs = new NDList(m.randomUniform(0, 1, in));
            if (spec.features().usesRr()) {
                Shape rr = new Shape(batch, spec.features().inputWidth());
                b.initialize(m, DataType.FLOAT32, in, rr);
                inputs.add(m.randomUniform(0, 2, rr));
            } else {
                b.initialize(m, DataType.FLOAT32, in);
            }
            NDArray out = b.forward(new ParameterStore(m, false), inputs, false).singletonOrThrow();
            return new long[] {out.getShape().get(0), out.getShape().get(1), Models.parameterCount(b)};
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void aTemplateAddsAnInputChannelToTheFirstLayerAndNothingElse(Architecture a) {
        ModelSpec plain = ModelSpec.defaults(a);
        long[] without = outputShapeAndParams(plain, 3);
        long[] with = outputShapeAndParams(plain.with(Map.of("template", "median")), 3);
        assertEquals(3, with[0]);
        assertEquals(Models.CLASSES, with[1]);
        // the weights that read the second channel: one kernel per filter, or the GRU's three gates
        long extra = switch (a) {
            case CNN2D, TRANSFORMER2D -> plain.hidden() * 9L;
            case CNN1D -> plain.hidden() * 3L;
            case CNNGRU1D -> 128 * 3L;
            case TRANSFORMER1D -> plain.hidden() * 8L;
            case GRU -> 3L * plain.hidden();
        };
        assertEquals(without[2] + extra, with[2], a.id());
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void rrFeaturesJoinTheHeadThroughTheirOwnDenseLayer(Architecture a) {
        ModelSpec plain = ModelSpec.defaults(a);
        long[] without = outputShapeAndParams(plain, 3);
        // the units of the first Linear after the join: at the trunk, the head's first; after the head's
        // first dense layer (every default head has two Linears at most), the classes
        long trunkJoinUnits = switch (a) {
            case CNN2D, CNN1D, CNNGRU1D -> plain.hidden();
            case TRANSFORMER2D, TRANSFORMER1D, GRU -> Models.CLASSES;
        };
        for (String join : new String[] {"trunk", "dense"}) {
            for (String features : new String[] {"rr", "rr_norm", "rr_local"}) {
                long[] with = outputShapeAndParams(plain.with(Map.of("features", features, "rhythm_join", join)), 3);
                assertEquals(3, with[0]);
                assertEquals(5, with[1]);
                // Linear(F -> 32) for the rhythm, 32 more inputs to the Linear after the join; the
                // standardisation's numbers are not trained
                int f = switch (features) {
                    case "rr" -> 8;
                    case "rr_norm" -> 4;
                    default -> 7;
                };
                long units = join.equals("trunk") ? trunkJoinUnits : Models.CLASSES;
                assertEquals(without[2] + (f * 32L + 32) + 32L * units, with[2], join + " " + features);
            }
        }
    }

    @Test
    void theStudysCnn2dWithRhythmHasAsManyParametersWhereverTheRhythmJoins() {
        ModelSpec study = ModelSpec.studyBest(Architecture.CNN2D).with(Map.of("features", "rr_norm"));
        long trunk = outputShapeAndParams(study.with(Map.of("rhythm_join", "trunk")), 2)[2];
        assertEquals(trunk, outputShapeAndParams(study, 2)[2]);
        assertEquals(1_100_933 + 4 * 32 + 32 + 32 * 128, trunk);
    }

    @Test
    void aConfigWithRhythmButNoJoinIsOneMadeBeforeTheJoinMoved() {
        ModelSpec dense = ModelSpec.studyBest(Architecture.CNN2D).with(Map.of("features", "rr_norm"));
        assertEquals(RhythmJoinPoint.DENSE, dense.rhythmJoin(), "the default");
        Map<String, Object> m = new java.util.LinkedHashMap<>(dense.asMap());
        assertEquals("dense", m.get("rhythm_join"));
        assertEquals(dense, ModelSpec.fromMap(Architecture.CNN2D, m));
        m.remove("rhythm_join");
        assertEquals(RhythmJoinPoint.TRUNK, ModelSpec.fromMap(Architecture.CNN2D, m).rhythmJoin());
        org.junit.jupiter.api.Assertions.assertFalse(ModelSpec.studyBest(Architecture.CNN2D).asMap().containsKey("rhythm_join"),
                "a model without rhythm has no join in its config");
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void everyArchitectureMapsABatchToFiveLogits(Architecture a) {
        long[] r = outputShapeAndParams(ModelSpec.defaults(a), 3);
        assertEquals(3, r[0]);
        assertEquals(5, r[1]);
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void aBeatsOutputDoesNotDependOnTheOtherBeatsOfItsBatch(Architecture a) {
        // catches a batch axis taken for the time axis (GRU batch_first) or mixed in a reshape
        try (NDManager m = NDManager.newBaseManager()) {
            ModelSpec spec = ModelSpec.defaults(a);
            Block b = Models.build(spec);
            Shape in = new Shape(spec.architecture().input().batchShape(3));
            b.initialize(m, DataType.FLOAT32, in);
            NDArray x = m.randomUniform(0, 1, in);
            NDArray y = x.duplicate();
            y.set(new ai.djl.ndarray.index.NDIndex("1:"), m.randomUniform(0, 1,
                    new Shape(spec.architecture().input().batchShape(2))));
            ParameterStore ps = new ParameterStore(m, false);
            float[] a0 = b.forward(ps, new NDList(x), false).singletonOrThrow().get(0).toFloatArray();
            float[] b0 = b.forward(ps, new NDList(y), false).singletonOrThrow().get(0).toFloatArray();
            float[] b1 = b.forward(ps, new NDList(y), false).singletonOrThrow().get(1).toFloatArray();
            float[] a1 = b.forward(ps, new NDList(x), false).singletonOrThrow().get(1).toFloatArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(a0, b0, 1e-5f);
            org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(a1, b1));
        }
    }

    @Test
    void studyBestConfigurationsHaveThePyTorchReferenceParameterCounts() {
        // bench/pytorch_reference.py prints these for the same two models
        assertEquals(1_100_933, outputShapeAndParams(ModelSpec.studyBest(Architecture.CNN2D), 2)[2]);
        assertEquals(1_163_717, outputShapeAndParams(ModelSpec.studyBest(Architecture.CNNGRU1D), 2)[2]);
    }

    @Test
    void cnn2dParameterCountFollowsTheSpec() {
        int h = 32;
        int blocks = 2;
        int layers = 4;
        long expected = (9L * h + h) + 2L * h                       // stem conv and BatchNorm
                + blocks * (2 * (9L * h * h + h) + 4L * h)           // ResNet blocks
                + (48L * h * h + h) + (layers - 2) * ((long) h * h + h) + (5L * h + 5); // head
        ModelSpec s = ModelSpec.defaults(Architecture.CNN2D).with(Map.of("hidden", "32", "num_blocks", "2",
                "num_layers", "4"));
        assertEquals(expected, outputShapeAndParams(s, 2)[2]);
    }

    @Test
    void flatGruInputIsTheStudysOneStepVariant() {
        ModelSpec time = ModelSpec.defaults(Architecture.CNNGRU1D).with(Map.of("num_blocks", "1", "gru_hidden", "32"));
        ModelSpec flat = time.with(Map.of("gru_input", "flat"));
        long t = outputShapeAndParams(time, 2)[2];
        long f = outputShapeAndParams(flat, 2)[2];
        // only the projection differs: Linear(128 -> 64) per step vs Linear(128 * 96 -> 64) once
        assertEquals((128L * 96 * 64 + 64) - (128L * 64 + 64), f - t);
    }
}
