package ecgbeats.data.wfdb;

import ecgbeats.TestData;
import ecgbeats.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WfdbRecordTest {

    @TempDir
    Path dir;

    @Test
    void readsFormat212AndPassesTheHeaderChecks() {
        WfdbRecord r = WfdbRecord.read(TestData.bundled().resolve("208"));
        assertEquals(650000, r.length());
        assertEquals(1003, r.digital(0)[0]);
        assertEquals(1062, r.digital(1)[0]);
        assertEquals((1003 - 1024) / 200.0, r.physical(0)[0], 1e-12);
        assertEquals(0, r.signalIndex("MLII"));
        assertEquals(-1, r.signalIndex("V5"));
    }

    @Test
    void firstSampleOfRecord100IsWhatRdsampPrints() {
        // rdsamp -r mitdb/100 -P prints "0 -0.145 -0.065" on its first line
        WfdbRecord r = WfdbRecord.read(TestData.fullDatabase().resolve("100"));
        assertEquals(-0.145, r.physical(0)[0], 1e-12);
        assertEquals(-0.065, r.physical(1)[0], 1e-12);
    }

    @Test
    void format212PacksTwelveBitPairsAndSignExtends() throws IOException {
        int[][] values = {{0, -1, 2047, -2048, 5}, {100, -100, 1, -2, 0}};
        write212(values, "rec");
        WfdbRecord r = WfdbRecord.read(dir.resolve("rec"));
        assertArrayEquals(values[0], r.digital(0));
        assertArrayEquals(values[1], r.digital(1));
    }

    @Test
    void format212WithAnOddSampleCount() throws IOException {
        // one signal, three samples: 4.5 bytes rounded up to 5
        int[] v = {7, -3, 1000};
        byte[] b = new byte[5];
        b[0] = (byte) 7;
        b[1] = (byte) (((-3 >> 4) & 0xF0) | 0);
        b[2] = (byte) (-3 & 0xFF);
        b[3] = (byte) (1000 & 0xFF);
        b[4] = (byte) ((1000 >> 8) & 0x0F);
        Files.write(dir.resolve("odd.dat"), b);
        Files.writeString(dir.resolve("odd.hea"), "odd 1 360 3\nodd.dat 212 200 11 0 7 " + (7 - 3 + 1000) + " 0 X\n");
        assertArrayEquals(v, WfdbRecord.read(dir.resolve("odd")).digital(0));
    }

    @Test
    void readsFormat16() throws IOException {
        short[] a = {0, 1, -1, 32767, -32768};
        short[] c = {10, 20, 30, 40, 50};
        byte[] b = new byte[a.length * 4];
        for (int i = 0; i < a.length; i++) {
            b[4 * i] = (byte) a[i];
            b[4 * i + 1] = (byte) (a[i] >> 8);
            b[4 * i + 2] = (byte) c[i];
            b[4 * i + 3] = (byte) (c[i] >> 8);
        }
        Files.write(dir.resolve("s16.dat"), b);
        int sumA = 0;
        for (short s : a) {
            sumA += s;
        }
        Files.writeString(dir.resolve("s16.hea"), "s16 2 500 5\r\n"
                + "s16.dat 16 1000 16 0 0 " + (short) sumA + " 0 I\r\n"
                + "s16.dat 16 1000 16 0 10 150 0 II\r\n");
        WfdbRecord r = WfdbRecord.read(dir.resolve("s16"));
        assertArrayEquals(new int[] {0, 1, -1, 32767, -32768}, r.digital(0));
        assertArrayEquals(new int[] {10, 20, 30, 40, 50}, r.digital(1));
        assertEquals(0.001, r.physical(0)[1], 1e-12); // 1 ADC unit at gain 1000
    }

    @Test
    void truncatedSignalFileIsReportedWithItsSize() throws IOException {
        Path rec = TestData.copyRecord("232", dir);
        byte[] b = Files.readAllBytes(dir.resolve("232.dat"));
        Files.write(dir.resolve("232.dat"), java.util.Arrays.copyOf(b, b.length - 3000));
        BadInputException e = assertThrows(BadInputException.class, () -> WfdbRecord.read(rec));
        assertTrue(e.getMessage().startsWith(dir.resolve("232.dat") + ": wrong size"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("1947000"), e.getMessage());
    }

    @Test
    void corruptedSampleFailsTheChecksum() throws IOException {
        Path rec = TestData.copyRecord("232", dir);
        byte[] b = Files.readAllBytes(dir.resolve("232.dat"));
        b[300000] ^= 0x01;
        Files.write(dir.resolve("232.dat"), b);
        BadInputException e = assertThrows(BadInputException.class, () -> WfdbRecord.read(rec));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("232.dat").toString()), e.getMessage());
    }

    @Test
    void unknownSignalFormatIsNamed() throws IOException {
        Path rec = TestData.copyRecord("232", dir);
        Path hea = dir.resolve("232.hea");
        Files.writeString(hea, Files.readString(hea, StandardCharsets.ISO_8859_1).replace(" 212 ", " 311 "));
        BadInputException e = assertThrows(BadInputException.class, () -> WfdbRecord.read(rec));
        assertTrue(e.getMessage().contains("unsupported signal format 311"), e.getMessage());
    }

    @Test
    void missingSignalFileIsNamed() throws IOException {
        Path rec = TestData.copyRecord("232", dir);
        Files.delete(dir.resolve("232.dat"));
        BadInputException e = assertThrows(BadInputException.class, () -> WfdbRecord.read(rec));
        assertEquals(dir.resolve("232.dat") + ": signal file not found", e.getMessage());
    }

    private void write212(int[][] values, String name) throws IOException {
        int n = values[0].length;
        int[] stream = new int[n * 2];
        for (int i = 0; i < n; i++) {
            stream[2 * i] = values[0][i];
            stream[2 * i + 1] = values[1][i];
        }
        byte[] b = new byte[(stream.length * 3 + 1) / 2];
        for (int i = 0, p = 0; i < stream.length; i += 2, p += 3) {
            int s0 = stream[i] & 0xFFF;
            int s1 = stream[i + 1] & 0xFFF;
            b[p] = (byte) s0;
            b[p + 1] = (byte) ((s0 >> 8) | ((s1 >> 8) << 4));
            b[p + 2] = (byte) s1;
        }
        Files.write(dir.resolve(name + ".dat"), b);
        StringBuilder h = new StringBuilder(name + " 2 360 " + n + "\n");
        for (int s = 0; s < 2; s++) {
            int sum = 0;
            for (int v : values[s]) {
                sum += v;
            }
            h.append(name).append(".dat 212 200 11 0 ").append(values[s][0]).append(' ').append((short) sum)
                    .append(" 0 sig").append(s).append('\n');
        }
        Files.writeString(dir.resolve(name + ".hea"), h.toString());
    }
}
