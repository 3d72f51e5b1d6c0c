package ecgbeats.train;

import ecgbeats.data.beat.BeatTable;
import ecgbeats.model.InputLayout;

import java.util.Arrays;

/**
 * Copies beats into a reusable batch buffer, zero-padded from the beat length (187) to the
 * model's 192 samples. One buffer per run: no allocation per batch on the Java side.
 */
final class BatchFiller {

    private final float[] buffer;
    private final int width = InputLayout.PADDED_LENGTH;

    BatchFiller(int maxBatch) {
        this.buffer = new float[maxBatch * width];
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
