package ecgbeats.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ecgbeats.data.beat.BeatTable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** AdaBN: after adaptBatchNorm, inference normalises as training mode does on those very beats. */
class AdaptBatchNormTest {

    @Test
    void runningStatisticsBecomeThoseOfTheBeats() {
        RunConfig rc = SyntheticBeats.smallCnn2d("dropout", "0");
        BeatTable beats = shifted(SyntheticBeats.table(40, 5), 0.25f);
        int n = beats.size();
        try (Network net = Network.create(rc.model(), 3)) {
            float[] trainingMode = trainingModeLogProbabilities(net, beats);
            float[] before = net.logProbabilities(beats, 32);
            net.adaptBatchNorm(beats, null);
            float[] after = net.logProbabilities(beats, 32);
            double gapBefore = maxGap(trainingMode, before);
            double gapAfter = maxGap(trainingMode, after);
            assertTrue(gapBefore > 0.05, "the check can fail: fresh statistics differ from the beats' (" + gapBefore + ")");
            assertTrue(gapAfter < 2e-3, "inference with the beats' statistics is training mode on them: " + gapAfter);
            // the learnt weights did not move: adapting twice gives the same
            net.adaptBatchNorm(beats, null);
            assertTrue(maxGap(after, net.logProbabilities(beats, 32)) < 1e-5);
            assertTrue(n == after.length / 5);
        }
    }

    private static float[] trainingModeLogProbabilities(Network net, BeatTable beats) {
        int n = beats.size();
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        BatchFiller f = new BatchFiller(n);
        float[] x = f.fill(beats, rows, 0, n);
        try (NDManager m = net.model().getNDManager().newSubManager()) {
            // a copy of the running statistics' state is not needed: training mode reads only the batch
            NDArray logits = net.block().forward(new ParameterStore(m, false), net.inputs(m, x, null, n), true)
                    .singletonOrThrow();
            return logits.logSoftmax(1).toFloatArray();
        }
    }

    private static BeatTable shifted(BeatTable t, float by) {
        float[] s = t.samples().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] = s[i] * 0.7f + by;
        }
        return new BeatTable(t.beatLength(), s, t.labels(), t.records(), t.positions());
    }

    private static double maxGap(float[] a, float[] b) {
        double g = 0;
        for (int i = 0; i < a.length; i++) {
            g = Math.max(g, Math.abs(Math.exp(a[i]) - Math.exp(b[i])));
        }
        return g;
    }

    @Test
    void aLongRecordingsStatisticsComeFromEvenlySpacedBeats() {
        BeatTable beats = shifted(SyntheticBeats.table(2000, 8), 0.25f); // 10,000 beats, more than one batch takes
        assertTrue(beats.size() > Network.BATCH_NORM_BEATS);
        try (Network net = Network.create(SyntheticBeats.smallCnn2d("dropout", "0").model(), 3)) {
            float[] whole = trainingModeLogProbabilities(net, beats); // the whole recording's own statistics
            net.adaptBatchNorm(beats, null);
            double gap = maxGap(whole, net.logProbabilities(beats, 32));
            assertTrue(gap < 0.01, "8,192 evenly spaced beats' statistics stand for 10,000 beats': " + gap);
        }
    }
}
