package ecgbeats.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.model.InputLayout;
import ecgbeats.model.ModelSpec;

import java.util.SplittableRandom;

/**
 * Training and inference throughput measured the way {@code bench/pytorch_reference.py}
 * measures PyTorch: a fixed random batch, 5 warm-up steps then {@code steps} timed training
 * steps with Adam; 2 warm-up then steps / 3 timed inference batches. Both go through the
 * same code as real training and prediction (batch filling, weighted loss, Adam update,
 * log-softmax and the copy back to Java).
 */
public final class Benchmark {

    /** One measurement, with the fields of the PyTorch reference's JSON lines. */
    public record Result(String model, String phase, int batch, double beatsPerSecond, long params, int threads,
                         String engine) {
    }

    private Benchmark() {
    }

    public static Result[] measure(ModelSpec spec, int batch, int steps, int inferBatch, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        try (Network net = Network.create(spec, seed);
             StepRunner runner = new StepRunner(net, OptimizerKind.ADAM, 1e-3, 0)) {
            float[] x = new float[batch * net.channels() * InputLayout.PADDED_LENGTH];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextDouble();
            }
            float[] target = new float[batch * AamiClass.COUNT];
            for (int i = 0; i < batch; i++) {
                target[i * AamiClass.COUNT + r.nextInt(AamiClass.COUNT)] = 1f / batch;
            }
            long t0 = 0;
            for (int i = 0; i < steps + 5; i++) {
                if (i == 5) {
                    t0 = System.nanoTime();
                }
                runner.step(x, null, target, batch);
            }
            double train = steps * batch / ((System.nanoTime() - t0) / 1e9);

            BeatTable beats = randomBeats(inferBatch, r);
            int inferSteps = Math.max(1, steps / 3);
            for (int i = 0; i < inferSteps + 2; i++) {
                if (i == 2) {
                    t0 = System.nanoTime();
                }
                net.logProbabilities(beats, inferBatch);
            }
            double infer = inferSteps * inferBatch / ((System.nanoTime() - t0) / 1e9);
            String engine = "PyTorch " + Engine.getInstance().getVersion();
            // the engine's intra-op threads, which ai.djl.pytorch.num_threads sets, not the cores
            int threads = JniUtils.getNumThreads();
            return new Result[] {
                new Result(spec.architecture().id(), "train", batch, train, net.parameterCount(), threads, engine),
                new Result(spec.architecture().id(), "infer", inferBatch, infer, net.parameterCount(), threads, engine),
            };
        }
    }

    private static BeatTable randomBeats(int n, SplittableRandom r) {
        float[] s = new float[n * 187];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) r.nextDouble();
        }
        return new BeatTable(187, s, new byte[n], new short[n], new int[n]);
    }
}
