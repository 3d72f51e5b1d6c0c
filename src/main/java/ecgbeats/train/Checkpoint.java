package ecgbeats.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Where a training run stood after an epoch, enough to go on from there in another process
 * exactly as an uninterrupted run would: the weights, the best epoch's weights and metrics, the
 * history, and the states of the learning-rate schedule, early stopping and the optimiser. The
 * random draws need no state: each epoch's come from the seed and the epoch number.
 *
 * @param epoch       epochs completed
 * @param weights     the network's parameters after {@code epoch}
 * @param bestWeights the parameters of the best epoch so far, or null
 * @param bestValid   that epoch's validation metrics, or null
 * @param history     every epoch so far
 * @param plateau     the learning-rate schedule
 * @param early       early stopping
 * @param optimizer   Adam's moments, or null in a checkpoint of an older version (they restart)
 */
public record Checkpoint(int epoch, byte[] weights, byte[] bestWeights, Metrics bestValid, List<EpochResult> history,
                         PlateauScheduler.State plateau, EarlyStopping.State early, OptimizerState optimizer) {

    /** Version 1 had no optimiser state; version 2 adds it after the weights. */
    private static final byte[] MAGIC_V1 = "ECGBCKP1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] MAGIC = "ECGBCKP2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = ecgbeats.util.Json.MAPPER;

    public Checkpoint {
        history = List.copyOf(history);
    }

    /** The JSON header between the magic and the weights: everything but the arrays. */
    @JsonPropertyOrder({"epoch", "best_valid", "history", "plateau", "early"})
    private record Header(int epoch, @JsonProperty("best_valid") Metrics bestValid, List<EpochResult> history,
                          PlateauScheduler.State plateau, EarlyStopping.State early) {
    }

    /** The checkpoint as bytes: magic, a JSON header, the two weight blocks, the optimiser state, a CRC-32C. */
    public byte[] encode() {
        Header header = new Header(epoch, bestValid, history, plateau, early);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(weights.length * 2 + 4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            byte[] h = JSON.writeValueAsBytes(header);
            out.writeInt(h.length);
            out.write(h);
            out.writeInt(weights.length);
            out.write(weights);
            out.writeInt(bestWeights == null ? -1 : bestWeights.length);
            if (bestWeights != null) {
                out.write(bestWeights);
            }
            out.writeLong(optimizer == null ? -1 : optimizer.steps());
            if (optimizer != null) {
                out.writeInt(optimizer.m().length);
                writeFloats(out, optimizer.m());
                writeFloats(out, optimizer.v());
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #encode()}'s bytes; throws IOException when they are not a whole, intact checkpoint. */
    public static Checkpoint decode(byte[] b) throws IOException {
        boolean v1 = b.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(b, MAGIC.length), MAGIC_V1);
        if (b.length < MAGIC.length + 16 || !v1 && !Arrays.equals(Arrays.copyOf(b, MAGIC.length), MAGIC)) {
            throw new IOException("not an ecgbeats checkpoint");
        }
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 4);
        int stored = ((b[b.length - 4] & 0xff) << 24) | ((b[b.length - 3] & 0xff) << 16)
                | ((b[b.length - 2] & 0xff) << 8) | (b[b.length - 1] & 0xff);
        if ((int) crc.getValue() != stored) {
            throw new IOException("checkpoint checksum mismatch (truncated or damaged)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b, MAGIC.length, b.length))) {
            byte[] h = new byte[in.readInt()];
            in.readFully(h);
            byte[] w = new byte[in.readInt()];
            in.readFully(w);
            int bestLength = in.readInt();
            byte[] best = null;
            if (bestLength >= 0) {
                best = new byte[bestLength];
                in.readFully(best);
            }
            OptimizerState optimizer = null;
            long steps = v1 ? -1 : in.readLong();
            if (steps >= 0) {
                int n = in.readInt();
                optimizer = new OptimizerState(steps, readFloats(in, n), readFloats(in, n));
            }
            Header header = JSON.readValue(h, Header.class);
            return new Checkpoint(header.epoch(), w, best, header.bestValid(), header.history(), header.plateau(),
                    header.early(), optimizer);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(a.length * Float.BYTES);
        buf.asFloatBuffer().put(a);
        out.write(buf.array());
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        byte[] bytes = new byte[n * Float.BYTES];
        in.readFully(bytes);
        float[] a = new float[n];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(a);
        return a;
    }
}
