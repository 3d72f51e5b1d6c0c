package ecgbeats.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlignedConvolutionTest {

    @BeforeAll
    static void offline() {
        System.setProperty("ai.djl.offline", "true");
    }

    @Test
    void theProcessorDecidesUnlessOneDnnIsCappedBelowAvx512() {
        String avx512 = "fpu sse avx avx2 avx512f avx512bw avx512_bf16";
        assertEquals(ChannelAlignment.SIXTEEN, ChannelAlignment.detect(null, avx512, "amd64"));
        assertEquals(ChannelAlignment.SIXTEEN, ChannelAlignment.detect("AVX512_CORE_BF16", avx512, "amd64"));
        assertEquals(ChannelAlignment.NONE, ChannelAlignment.detect("avx2", avx512, "amd64"));
        assertEquals(ChannelAlignment.NONE, ChannelAlignment.detect(null, "fpu sse avx avx2 fma", "amd64"));
        assertEquals(ChannelAlignment.NONE, ChannelAlignment.detect(null, "fpu avx512fp16x", "amd64"));
        assertEquals(ChannelAlignment.SIXTEEN, ChannelAlignment.detect(null, null, "amd64"));
        assertEquals(ChannelAlignment.NONE, ChannelAlignment.detect(null, null, "aarch64"));
        assertEquals(16, ChannelAlignment.SIXTEEN.aligned(1));
        assertEquals(16, ChannelAlignment.SIXTEEN.aligned(16));
        assertEquals(208, ChannelAlignment.SIXTEEN.aligned(199));
        assertEquals(199, ChannelAlignment.NONE.aligned(199));
    }

    @Test
    void parametersOfDjlsConv2dLoadUnchanged() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            Block djl = Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(1, 1))
                    .optPadding(new Shape(1, 1)).setFilters(12).build();
            Block ours = AlignedConvolution.conv2d3x3(12, ChannelAlignment.SIXTEEN, ConvolutionLayout.NCHW);
            Shape in = new Shape(4, 5, 16, 12);
            djl.initialize(m, DataType.FLOAT32, in);
            ours.initialize(m, DataType.FLOAT32, in);
            byte[] saved = save(djl);
            ours.loadParameters(m, new DataInputStream(new ByteArrayInputStream(saved)));
            assertArrayEquals(saved, save(ours));
            NDArray x = m.randomNormal(in);
            ParameterStore ps = new ParameterStore(m, false);
            float[] a = djl.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            NDArray y = ours.forward(ps, new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(4, 12, 16, 12), y.getShape());
            assertClose(a, y.toFloatArray(), 1e-5, scale(List.of(a)), "output");
        }
    }

    /** Padded and unpadded models give the same outputs and the same gradients of every parameter. */
    @ParameterizedTest
    @CsvSource({"cnn2d,8", "cnn2d,12", "cnn1d,8", "transformer2d,12", "transformer1d,8"})
    void paddingChannelsChangesNoNumber(String model, int hidden) throws Exception {
        assertSameNumbers(spec(model, hidden, "none"), ChannelAlignment.SIXTEEN, ConvolutionLayout.NCHW, 11);
    }

    /**
     * Channels-last and NCHW models with the same parameters give the same outputs and gradients,
     * with one input channel and with two (a template); 1D models have no 2D layout to change.
     */
    @ParameterizedTest
    @CsvSource({"cnn2d,8,none", "cnn2d,12,median", "transformer2d,12,none", "cnn1d,8,median"})
    void channelsLastChangesNoNumber(String model, int hidden, String template) throws Exception {
        assertSameNumbers(spec(model, hidden, template), ChannelAlignment.NONE, ConvolutionLayout.CHANNELS_LAST, 13);
    }

    private static ModelSpec spec(String model, int hidden, String template) {
        Architecture arch = Architecture.parse(model);
        Map<String, Object> values = new java.util.HashMap<>(Map.of("hidden", hidden, "dropout", 0.0,
                "template", template));
        if (arch.id().startsWith("transformer")) {
            values.put("num_heads", 2);
        }
        return ModelSpec.fromMap(arch, values);
    }

    /**
     * The plain model (no padding, NCHW) and the one at {@code alignment} and {@code layout}, with
     * the same parameters (the same bytes either way), give the same outputs and gradients.
     */
    private static void assertSameNumbers(ModelSpec spec, ChannelAlignment alignment, ConvolutionLayout layout,
                                          int seed) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Shape in = new Shape(spec.architecture().input().batchShape(6, spec.template().channels()));
            Engine.getInstance().setRandomSeed(seed);
            Block plain = Models.build(spec, ChannelAlignment.NONE, ConvolutionLayout.NCHW);
            plain.initialize(m, DataType.FLOAT32, in);
            Block other = Models.build(spec, alignment, layout);
            other.initialize(m, DataType.FLOAT32, in);
            byte[] saved = save(plain);
            other.loadParameters(m, new DataInputStream(new ByteArrayInputStream(saved)));
            assertArrayEquals(saved, save(other), "the same parameter bytes");
            NDArray x = m.randomUniform(0, 1, in);
            List<float[]> a = outputAndGradients(plain, x);
            List<float[]> b = outputAndGradients(other, x);
            assertEquals(a.size(), b.size());
            assertClose(a.get(0), b.get(0), 1e-5, scale(a.subList(0, 1)), "output");
            // float rounding against the largest gradient: a conv bias before BatchNorm has a true gradient of 0
            double gradients = scale(a.subList(1, a.size()));
            for (int i = 1; i < a.size(); i++) {
                assertClose(a.get(i), b.get(i), 1e-4, gradients, "gradient of parameter " + i);
            }
        }
    }

    /** Padded channels in channels-last tensors (the default on AVX-512 processors) change no number either. */
    @ParameterizedTest
    @CsvSource({"cnn2d,8,none", "cnn2d,12,median"})
    void paddingChannelsInChannelsLastChangesNoNumber(String model, int hidden, String template) throws Exception {
        assertSameNumbers(spec(model, hidden, template), ChannelAlignment.SIXTEEN, ConvolutionLayout.CHANNELS_LAST, 17);
    }

    @Test
    void channelsLastIsTheDefaultAndThePropertyOverridesIt() {
        assertEquals(ConvolutionLayout.CHANNELS_LAST, ConvolutionLayout.choose(null));
        assertEquals(ConvolutionLayout.NCHW, ConvolutionLayout.choose("NCHW"));
        assertEquals(ConvolutionLayout.CHANNELS_LAST, ConvolutionLayout.choose(" channels-last"));
        assertThrows(IllegalArgumentException.class, () -> ConvolutionLayout.choose("nhwc"));
    }

    /** The logits, then the gradient of every trainable parameter, of one forward and backward of Σ logits². */
    private static List<float[]> outputAndGradients(Block block, NDArray x) {
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
                params.add(p.getValue());
            }
        }
        List<float[]> out = new ArrayList<>();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = block.forward(new ParameterStore(x.getManager(), false), new NDList(x), true)
                    .singletonOrThrow();
            out.add(y.toFloatArray());
            gc.backward(y.square().sum());
        }
        for (Parameter p : params) {
            out.add(p.getArray().getGradient().toFloatArray());
        }
        return out;
    }

    private static byte[] save(Block b) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        b.saveParameters(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static double scale(List<float[]> arrays) {
        double scale = 0;
        for (float[] a : arrays) {
            for (float v : a) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        return scale;
    }

    private static void assertClose(float[] expected, float[] actual, double rel, double scale, String what) {
        assertEquals(expected.length, actual.length, what);
        assertTrue(scale > 0, what + " is all zeros");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Float.isFinite(actual[i]), what + "[" + i + "] is " + actual[i]);
            assertEquals(expected[i], actual[i], rel * scale, what + "[" + i + "]");
        }
    }
}
