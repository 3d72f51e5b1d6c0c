package ecgbeats.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ecgbeats.model.Architecture;
import ecgbeats.model.ModelSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkTest {

    /**
     * bench/compare.sh gives the PyTorch reference ecgbeats' thread count and the two JSON lines
     * are read side by side, so each must say the threads it ran on: the engine's, not the cores'.
     */
    @Test
    void reportsTheThreadsTheEngineRanOn() {
        Engine.getInstance();  // loads libtorch before its thread count is read
        int before = JniUtils.getNumThreads();
        int other = Runtime.getRuntime().availableProcessors() + 1;  // never the core count
        try {
            JniUtils.setNumThreads(other);
            Benchmark.Result[] results = Benchmark.measure(ModelSpec.studyBest(Architecture.CNN2D), 2, 1, 2, 0);
            assertEquals(2, results.length);
            assertEquals("train", results[0].phase());
            assertEquals("infer", results[1].phase());
            for (Benchmark.Result r : results) {
                assertEquals(other, r.threads(), r.phase());
                assertEquals(1_100_933, r.params());
                assertTrue(r.beatsPerSecond() > 0, r.phase() + ": " + r.beatsPerSecond());
            }
        } finally {
            JniUtils.setNumThreads(before);
        }
    }
}
