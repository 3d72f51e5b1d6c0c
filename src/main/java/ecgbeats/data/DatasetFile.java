package ecgbeats.data;

import ecgbeats.util.BadInputException;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.Sha256;
import ecgbeats.util.Version;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RrFeatures;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The dataset file ({@code .ecgb}), little-endian throughout:
 * <pre>
 *   "ECGBEATS"                      8 bytes, magic
 *   version                         int32, {@value #VERSION}
 *   metadata length M, metadata     int32, M bytes of UTF-8 JSON: the {@link Provenance}
 *   3 × split (train, valid, test):
 *     n, beat length L              int32, int32
 *     labels                        n bytes (0..4 = N, S, V, F, Q)
 *     records                       n int16 (record number, -1 for synthetic beats)
 *     positions                     n int32 (R peak, sample index at the record's rate)
 *     samples                       n·L float32
 *     features per beat F           int32, 11 (RR features; 8 in version 2)  [version 2]
 *                                   or 0 (none)
 *     features                      n·F float32 ({@link RrFeatures} order)   [version 2]
 *   CRC-32C of everything above     int64
 * </pre>
 * Raw columns make loading a memory copy (the full MIT-BIH dataset, 94 MB, loads in well under
 * a second); the CRC catches truncation and corruption; the version lets later formats be
 * told apart and refused clearly. Version 1 files (no features) still load, without RR
 * features; version 2 files load with the first eight RR features (a model that reads the
 * later ones asks for a rebuild).
 */
public final class DatasetFile {

    public static final int VERSION = 3;
    private static final byte[] MAGIC = "ECGBEATS".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = ecgbeats.util.Json.MAPPER;

    private DatasetFile() {
    }

    public static void write(BeatDataset dataset, Path file) throws IOException {
        AtomicFile.write(file, out -> writeTo(dataset, out));
    }

    private static void writeTo(BeatDataset d, OutputStream out) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] meta = JSON.writeValueAsBytes(d.provenance());
        ByteBuffer head = le(MAGIC.length + 8 + meta.length);
        head.put(MAGIC).putInt(VERSION).putInt(meta.length).put(meta);
        emit(head, out, crc);
        for (Split s : Split.values()) {
            BeatTable t = d.split(s);
            int n = t.size();
            ByteBuffer b = le(8 + n * 7);
            b.putInt(n).putInt(t.beatLength()).put(t.labels());
            b.asShortBuffer().put(t.records());
            b.position(b.position() + n * 2);
            b.asIntBuffer().put(t.positions());
            b.position(b.position() + n * 4);
            emit(b, out, crc);
            float[] samples = t.samples();
            emitFloats(samples, out, crc);
            float[] rr = t.hasRr() ? t.rr() : new float[0];
            emit(le(4).putInt(t.rrWidth()), out, crc);
            emitFloats(rr, out, crc);
        }
        ByteBuffer tail = le(8).putLong(crc.getValue());
        tail.flip();
        out.write(tail.array(), 0, 8);
    }

    /** Floats in chunks, so writing never needs a second copy of the whole column. */
    private static void emitFloats(float[] values, OutputStream out, CRC32C crc) throws IOException {
        int chunk = 1 << 20;
        for (int from = 0; from < values.length; from += chunk) {
            int len = Math.min(chunk, values.length - from);
            ByteBuffer fb = le(len * 4);
            fb.asFloatBuffer().put(values, from, len);
            emit(fb, out, crc);
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void emit(ByteBuffer b, OutputStream out, CRC32C crc) throws IOException {
        int len = b.capacity();
        crc.update(b.array(), 0, len);
        out.write(b.array(), 0, len);
    }

    /** Reads a dataset; a file that is not one, or is damaged, is a {@link BadInputException}. */
    public static BeatDataset read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < MAGIC.length + 16) {
                throw BadInputException.inFile(file, "not an ecgbeats dataset file (too short)");
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            map.order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            map.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw BadInputException.inFile(file, "not an ecgbeats dataset file (no ECGBEATS header)");
            }
            int version = map.getInt();
            if (version < 1 || version > VERSION) {
                throw BadInputException.inFile(file, "dataset format version " + version
                        + " is not supported by this ecgbeats (it reads versions 1 to " + VERSION + ")");
            }
            CRC32C crc = new CRC32C();
            crc.update(map.duplicate().position(0).limit((int) (size - 8)));
            long stored = map.getLong((int) (size - 8));
            if (stored != crc.getValue()) {
                throw BadInputException.inFile(file, "checksum mismatch: the dataset file is truncated or corrupt");
            }
            int metaLength = map.getInt();
            byte[] meta = new byte[metaLength];
            map.get(meta);
            Provenance provenance = JSON.readValue(meta, Provenance.class);
            BeatTable[] tables = new BeatTable[3];
            for (int s = 0; s < 3; s++) {
                tables[s] = readTable(file, map, version);
            }
            if (map.position() != size - 8) {
                throw BadInputException.inFile(file, "unexpected bytes after the last split");
            }
            return new BeatDataset(provenance, tables[0], tables[1], tables[2]);
        } catch (NoSuchFileException e) {
            throw BadInputException.inFile(file, "dataset file not found");
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw BadInputException.inFile(file, "cannot read dataset file: " + e.getMessage());
        }
    }

    private static BeatTable readTable(Path file, ByteBuffer map, int version) {
        int n = map.getInt();
        int length = map.getInt();
        if (n < 0 || length <= 0 || (long) n * (7 + 4L * length) > map.remaining()) {
            throw BadInputException.inFile(file, "corrupt split table (" + n + " beats of " + length + ")");
        }
        byte[] labels = new byte[n];
        map.get(labels);
        for (byte b : labels) {
            if (b < 0 || b >= AamiClass.COUNT) {
                throw BadInputException.inFile(file, "corrupt label " + b);
            }
        }
        short[] records = new short[n];
        map.asShortBuffer().get(records);
        map.position(map.position() + 2 * n);
        int[] positions = new int[n];
        map.asIntBuffer().get(positions);
        map.position(map.position() + 4 * n);
        float[] samples = new float[n * length];
        map.asFloatBuffer().get(samples);
        map.position(map.position() + 4 * samples.length);
        float[] rr = null;
        int f = 0;
        if (version >= 2) {
            f = map.getInt();
            boolean known = f == 0 || f == RrFeatures.FORMAT2_COUNT || version >= 3 && f == RrFeatures.COUNT;
            if (!known || (long) n * f * 4 > map.remaining()) {
                throw BadInputException.inFile(file, "corrupt feature columns (" + f + " per beat)");
            }
            if (f > 0) {
                rr = new float[n * f];
                map.asFloatBuffer().get(rr);
                map.position(map.position() + 4 * rr.length);
            }
        }
        return new BeatTable(length, samples, labels, records, positions, rr, rr == null ? 0 : f);
    }

    /**
     * The provenance of a dataset file, read from its header alone (the beats are not read and
     * the checksum is not checked: {@link #read} does both).
     */
    public static Provenance provenance(Path file) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
                Files.newInputStream(file)))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw BadInputException.inFile(file, "not an ecgbeats dataset file (no ECGBEATS header)");
            }
            int version = Integer.reverseBytes(in.readInt());
            if (version < 1 || version > VERSION) {
                throw BadInputException.inFile(file, "dataset format version " + version
                        + " is not supported by this ecgbeats (it reads versions 1 to " + VERSION + ")");
            }
            int length = Integer.reverseBytes(in.readInt());
            if (length < 0 || length > (1 << 26)) {
                throw BadInputException.inFile(file, "not an ecgbeats dataset file (bad header)");
            }
            byte[] meta = new byte[length];
            in.readFully(meta);
            return JSON.readValue(meta, Provenance.class);
        } catch (NoSuchFileException e) {
            throw BadInputException.inFile(file, "dataset file not found");
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read dataset file: " + e.getMessage());
        }
    }

    /** The file's SHA-256, for run provenance. */
    public static String sha256(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw BadInputException.inFile(file, "dataset file not found");
        }
        return Sha256.of(file);
    }
}
