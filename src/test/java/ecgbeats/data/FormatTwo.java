package ecgbeats.data;

import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RrFeatures;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** Dataset files as the ecgbeats of format 2 wrote them: the first eight RR features, version 2. */
public final class FormatTwo {

    private FormatTwo() {
    }

    /** Writes {@code d} to {@code file} in format 2 (format 3's layout with F = 8 and version 2). */
    public static void write(BeatDataset d, Path file) throws IOException {
        BeatDataset eight = new BeatDataset(d.provenance(), firstEight(d.train()), firstEight(d.valid()),
                firstEight(d.test()));
        DatasetFile.write(eight, file);
        byte[] b = Files.readAllBytes(file);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 2);
        CRC32C crc = new CRC32C();
        crc.update(b, 0, b.length - 8);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(b.length - 8, crc.getValue());
        Files.write(file, b);
    }

    private static BeatTable firstEight(BeatTable t) {
        return new BeatTable.Builder(t.beatLength(), RrFeatures.FORMAT2_COUNT).addAll(t).build();
    }
}
