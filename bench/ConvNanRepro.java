import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A minimal reproduction of the non-finite gradients of issue 15 (docs/avx512-nan.md), on DJL
 * and libtorch alone: no ecgbeats code. For each channel count it runs each operation of one
 * ResNet block separately, forward and backward, on a (16, C, 16, 12) batch, and counts the
 * runs that give a non-finite value. Run it from the project folder after a build:
 *
 * <pre>
 * java -cp 'target/ecgbeats.jar:target/lib/*' bench/ConvNanRepro.java [RUNS] [C ...]
 * ONEDNN_MAX_CPU_ISA=AVX2 java -cp 'target/ecgbeats.jar:target/lib/*' bench/ConvNanRepro.java
 * ONEDNN_VERBOSE=1 ...   # oneDNN names the ISA and each kernel it runs
 * </pre>
 */
public class ConvNanRepro {

    record Case(String name, Function<NDArray, NDArray> forward, boolean gradOfInput) {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Integer> channels = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            channels.add(Integer.parseInt(args[i]));
        }
        if (channels.isEmpty()) {
            channels = List.of(4, 8, 12, 15, 16, 17, 24, 32, 48);
        }
        System.out.printf("oneDNN ISA cap: %s; %d runs per case; counts are runs with a non-finite value%n",
                System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "none"), runs);
        System.out.printf("%-34s", "operation (16, C, 16, 12)");
        for (int c : channels) {
            System.out.printf("%6s", "C=" + c);
        }
        System.out.println();
        Engine.getInstance().setRandomSeed(1);
        try (NDManager m = NDManager.newBaseManager()) {
            for (String op : List.of("conv forward", "conv backward: input gradient", "conv backward: weight gradient",
                    "batchnorm forward+backward", "identity add + relu backward", "whole block backward",
                    "whole block, channels padded to 16", "whole block, channels-last",
                    "whole block, channels-last, padded")) {
                System.out.printf("%-34s", op);
                for (int c : channels) {
                    int bad = 0;
                    for (int r = 0; r < runs; r++) {
                        try (NDManager s = m.newSubManager()) {
                            bad += run(op, c, s) ? 0 : 1;
                        }
                    }
                    System.out.printf("%6d", bad);
                }
                System.out.println();
            }
        }
    }

    /** True when every value the operation produced (output and gradients) is finite. */
    static boolean run(String op, int c, NDManager m) {
        NDArray x = m.randomNormal(new Shape(16, c, 16, 12));
        NDArray w1 = m.randomNormal(0, 0.3f, new Shape(c, c, 3, 3), x.getDataType());
        NDArray w2 = m.randomNormal(0, 0.3f, new Shape(c, c, 3, 3), x.getDataType());
        NDArray b = m.zeros(new Shape(c));
        NDArray gamma = m.ones(new Shape(c));
        NDArray beta = m.zeros(new Shape(c));
        Map<String, NDArray> watch = new LinkedHashMap<>();
        switch (op) {
            case "conv forward" -> {
                return finite(conv(x, w1, b));
            }
            case "conv backward: input gradient" -> watch.put("x", x);
            case "conv backward: weight gradient" -> watch.put("w", w1);
            case "batchnorm forward+backward", "identity add + relu backward" -> watch.put("x", x);
            default -> {
                watch.put("x", x);
                watch.put("w1", w1);
                watch.put("w2", w2);
            }
        }
        watch.values().forEach(a -> a.setRequiresGradient(true));
        NDArray y;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            y = switch (op) {
                case "conv backward: input gradient", "conv backward: weight gradient" -> conv(x, w1, b);
                case "batchnorm forward+backward" -> bn(x, gamma, beta);
                case "identity add + relu backward" -> x.mul(0.5).add(x).maximum(0);
                case "whole block backward" -> block(x, w1, w2, b, gamma, beta, 0, false);
                case "whole block, channels-last" -> block(x, w1, w2, b, gamma, beta, 0, true);
                default -> block(x, w1, w2, b, gamma, beta, (c + 15) / 16 * 16 - c, op.contains("channels-last"));
            };
            gc.backward(y.square().mean());
        }
        boolean ok = finite(y);
        for (NDArray a : watch.values()) {
            ok &= finite(a.getGradient());
        }
        return ok;
    }

    /**
     * conv, BatchNorm, ReLU, conv, BatchNorm, plus x, ReLU; with {@code pad} zero channels added to
     * each convolution's input and filters and cut from its output (ecgbeats' workaround), and the
     * convolutions' inputs channels-last (NHWC strides) if asked, as ecgbeats lays them out.
     */
    static NDArray block(NDArray x, NDArray w1, NDArray w2, NDArray b, NDArray gamma, NDArray beta, int pad,
                         boolean channelsLast) {
        if (pad == 0) {
            NDArray h = bn(conv(layout(x, channelsLast), w1, b), gamma, beta).maximum(0);
            return bn(conv(layout(h, channelsLast), w2, b), gamma, beta).add(x).maximum(0);
        }
        long c = x.getShape().get(1);
        Shape channels = new Shape(0, 0, 0, 0, 0, pad);
        Shape filters = new Shape(0, 0, 0, 0, 0, pad, 0, pad);
        NDArray bp = b.pad(new Shape(0, pad), 0);
        NDArray h = conv(layout(x.pad(channels, 0), channelsLast), w1.pad(filters, 0), bp).get(":, 0:" + c);
        h = bn(h, gamma, beta).maximum(0).pad(channels, 0);
        return bn(conv(layout(h, channelsLast), w2.pad(filters, 0), bp).get(":, 0:" + c), gamma, beta).add(x).maximum(0);
    }

    /** x with channels-last strides (DJL has no memory-format call: the NHWC copy, viewed back as NCHW). */
    static NDArray layout(NDArray x, boolean channelsLast) {
        if (!channelsLast) {
            return x;
        }
        Shape s = x.getShape();
        return x.transpose(0, 2, 3, 1).reshape(-1).reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    static NDArray conv(NDArray x, NDArray w, NDArray b) {
        return Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
    }

    static NDArray bn(NDArray x, NDArray gamma, NDArray beta) {
        NDManager m = x.getManager();
        long c = x.getShape().get(1);
        NDList out = BatchNorm.batchNorm(x, m.zeros(new Shape(c)), m.ones(new Shape(c)), gamma, beta, 1, 0.1f, 1e-5f,
                true);
        return out.singletonOrThrow();
    }

    static boolean finite(NDArray a) {
        return a.isNaN().logicalOr(a.isInfinite()).sum().getLong() == 0;
    }
}
