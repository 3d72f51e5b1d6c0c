package ecgbeats.train;

import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RecordTemplates;
import ecgbeats.data.beat.RrFeatures;
import ecgbeats.model.InputLayout;

import java.util.Arrays;

/**
 * Copies beats into reusable batch buffers: the samples zero-padded from the beat length (187)
 * to the model's 192 and, for a model with a template, a second channel of the beat minus its
 * record's median beat; and the RR features. One pair of buffers per run: no allocation per
 * batch on the Java side.
 */
final class BatchFiller {

    private final float[] buffer;
    private final float[] rr;
    private final int width = InputLayout.PADDED_LENGTH;
    private final RecordTemplates templates;

    /** A filler of one channel per beat. */
    BatchFiller(int maxBatch) {
        this(maxBatch, null);
    }

    /** A filler of the beat and, when {@code templates} is not null, the beat minus its record's template. */
    BatchFiller(int maxBatch, RecordTemplates templates) {
        this.templates = templates;
        this.buffer = new float[maxBatch * width * channels()];
        this.rr = new float[maxBatch * RrFeatures.COUNT];
    }

    /** Channels per beat in {@link #fill}'s buffer. */
    int channels() {
        return templates == null ? 1 : 2;
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

    /**
     * Fills rows for {@code rows[from..to)} of {@code table}; returns the buffer, whose first
     * (to − from) · channels · 192 values are the batch, beat by beat and channel by channel.
     */
    float[] fill(BeatTable table, int[] rows, int from, int to) {
        int length = table.beatLength();
        if (length > width) {
            throw new IllegalArgumentException("beats of " + length + " samples do not fit the model's " + width);
        }
        float[] samples = table.samples();
        int channels = channels();
        for (int k = from; k < to; k++) {
            int at = (k - from) * width * channels;
            int row = rows[k];
            System.arraycopy(samples, row * length, buffer, at, length);
            Arrays.fill(buffer, at + length, at + width, 0f);
            if (templates != null) {
                float[] median = templates.of(table.records()[row]);
                int residual = at + width;
                for (int j = 0; j < length; j++) {
                    buffer[residual + j] = samples[row * length + j] - median[j];
                }
                Arrays.fill(buffer, residual + length, residual + width, 0f);
            }
        }
        return buffer;
    }
}
