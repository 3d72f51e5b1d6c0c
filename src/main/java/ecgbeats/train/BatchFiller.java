package ecgbeats.train;

import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RrFeatures;
import ecgbeats.model.InputLayout;

import java.util.Arrays;

/**
 * Copies beats into reusable batch buffers: the samples zero-padded from the beat length (187)
 * to the model's 192, and the RR features. One pair of buffers per run: no allocation per batch
 * on the Java side.
 */
final class BatchFiller {

    private final float[] buffer;
    private final float[] rr;
    private final int width = InputLayout.PADDED_LENGTH;

    BatchFiller(int maxBatch) {
        this.buffer = new float[maxBatch * width];
        this.rr = new float[maxBatch * RrFeatures.COUNT];
    }

    /**
     * The first {@code count} RR features of {@code rows[from..to)} of {@code table} (which has at
     * least that many), {@code count} per beat; returns the buffer.
     */
    float[] fillRr(BeatTable table, int[] rows, int from, int to, int count) {
        float[] f = table.rr();
        int stride = table.rrWidth();
        for (int k = from; k < to; k++) {
            System.arraycopy(f, rows[k] * stride, rr, (k - from) * count, count);
        }
        return rr;
    }

    /** Fills rows for {@code rows[from..to)} of {@code table}; returns the buffer (first (to-from)·192 used). */
    float[] fill(BeatTable table, int[] rows, int from, int to) {
        int length = table.beatLength();
        if (length > width) {
            throw new IllegalArgumentException("beats of " + length + " samples do not fit the model's " + width);
        }
        float[] samples = table.samples();
        for (int k = from; k < to; k++) {
            int at = (k - from) * width;
            System.arraycopy(samples, rows[k] * length, buffer, at, length);
            Arrays.fill(buffer, at + length, at + width, 0f);
        }
        return buffer;
    }
}
