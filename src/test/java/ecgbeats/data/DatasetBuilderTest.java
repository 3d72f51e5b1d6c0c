package ecgbeats.data;

import ecgbeats.util.BadInputException;
import ecgbeats.TestData;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.ExtractionSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetBuilderTest {

    private static BuildRequest request(Path source, Protocol p, long seed, boolean kaggle) {
        return new BuildRequest(source, p, List.of(), seed, 0.2, 0.1, ExtractionSettings.KACHUEE.withDropLastBeat(kaggle));
    }

    private static int[] total(BeatDataset d) {
        int[] t = new int[5];
        for (Split s : Split.values()) {
            int[] c = d.split(s).classCounts();
            for (int i = 0; i < 5; i++) {
                t[i] += c[i];
            }
        }
        return t;
    }

    @Test
    void fullDatabaseKeepsEveryAnnotatedBeat() {
        BeatDataset d = DatasetBuilder.build(request(TestData.fullDatabase(), Protocol.INTRA, 42, false));
        assertArrayEquals(new int[] {90631, 2781, 7236, 803, 8043}, total(d));
        assertEquals(48, d.provenance().records().size());
        assertEquals(144, d.provenance().sourceFiles().size());
        assertTrue(d.provenance().leads().get("102").contains("no MLII"));
    }

    @Test
    void fullDatabaseInKaggleModeGivesTheKaggleCounts() {
        BeatDataset d = DatasetBuilder.build(request(TestData.fullDatabase(), Protocol.INTRA, 42, true));
        // the Kaggle set: 109,446 beats, N 90,589, S 2,779, V 7,236, F 803, Q 8,039
        assertArrayEquals(new int[] {90589, 2779, 7236, 803, 8039}, total(d));
        int[] test = d.test().classCounts();
        int[] all = total(d);
        for (int c = 0; c < 5; c++) {
            assertEquals(Math.round(all[c] * 0.2), test[c], 1.0, "class " + c);
        }
    }

    @Test
    void interProtocolGivesDeChazalsCountsAndKeepsPatientsApart() {
        BeatDataset d = DatasetBuilder.build(request(TestData.fullDatabase(), Protocol.INTER, 7, false));
        int[] ds1 = d.train().classCounts();
        int[] valid = d.valid().classCounts();
        for (int c = 0; c < 5; c++) {
            ds1[c] += valid[c];
        }
        assertArrayEquals(new int[] {45866, 944, 3788, 415, 8}, ds1);
        assertArrayEquals(new int[] {44259, 1837, 3221, 388, 7}, d.test().classCounts());
        Set<Integer> trainRecords = new HashSet<>();
        for (short r : d.train().records()) {
            trainRecords.add((int) r);
        }
        for (short r : d.test().records()) {
            assertTrue(Protocol.DS2.contains((int) r));
            assertTrue(!trainRecords.contains((int) r));
        }
        assertTrue(Protocol.DS1.containsAll(trainRecords));
    }

    /**
     * A record as other PhysioNet databases have them: 250 Hz, a respiration signal first and the
     * ECG second (no MLII), and an annotation at the sample just past the last one.
     */
    @Test
    void aRecordOfAnotherDatabaseIsReadAsWfdbReadsIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        int n = 10_000;
        short[] resp = new short[n];
        short[] ecg = new short[n];
        List<ecgbeats.data.wfdb.Annotation> an = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            resp[i] = (short) Math.round(300 * Math.sin(i / 400.0));
            int d = (i - 100) % 200; // a QRS-like spike every 0.8 s, peaks at 100, 300, ...
            ecg[i] = (short) (d >= 0 && d < 6 ? 1000 - 150 * d : d >= 194 ? 1000 - 150 * (200 - d) : 0);
        }
        for (int peak = 100; peak < n; peak += 200) {
            an.add(new ecgbeats.data.wfdb.Annotation(peak, 1, 0, 0, 0, ""));
            an.add(new ecgbeats.data.wfdb.Annotation(peak + 50, 28, 0, 0, 0, "(N")); // rhythm, not a beat
        }
        an.add(new ecgbeats.data.wfdb.Annotation(n, 1, 0, 0, 0, "")); // just past the last sample
        byte[] dat = new byte[4 * n];
        int sumResp = 0;
        int sumEcg = 0;
        for (int i = 0; i < n; i++) {
            dat[4 * i] = (byte) resp[i];
            dat[4 * i + 1] = (byte) (resp[i] >> 8);
            dat[4 * i + 2] = (byte) ecg[i];
            dat[4 * i + 3] = (byte) (ecg[i] >> 8);
            sumResp += resp[i];
            sumEcg += ecg[i];
        }
        java.nio.file.Files.write(dir.resolve("900.dat"), dat);
        java.nio.file.Files.writeString(dir.resolve("900.hea"), "900 2 250 " + n + "\n"
                + "900.dat 16 0 16 0 " + resp[0] + " " + (short) sumResp + " 0 RESP\n"
                + "900.dat 16 0/mV 16 0 " + ecg[0] + " " + (short) sumEcg + " 0 ECG\n"); // gain 0: WFDB's 200
        java.nio.file.Files.write(dir.resolve("900.atr"), ecgbeats.data.wfdb.AnnotationFile.encode(an));

        BeatDataset d = DatasetBuilder.build(new BuildRequest(dir, Protocol.INTRA, List.of(900), 1, 0.2, 0.1,
                ExtractionSettings.KACHUEE, null));
        assertEquals(50, d.train().size() + d.valid().size() + d.test().size(), "the beat at the end is not cut");
        assertEquals("ECG (no MLII signal; the first ECG signal is used)", d.provenance().leads().get("900"));
        BeatTable t = d.train();
        for (int i = 0; i < t.size(); i++) {
            assertEquals(0.8, t.rr()[i * ecgbeats.data.beat.RrFeatures.COUNT], 1e-6, "pre-RR of beat " + i);
        }
        // the beat starts at its R peak: the spike, resampled to 125 Hz and normalised, is the window's maximum
        int peaked = 0;
        for (int i = 0; i < t.size(); i++) {
            peaked += t.samples()[i * t.beatLength()] > 0.8 ? 1 : 0;
        }
        assertTrue(peaked >= t.size() - 1, peaked + " of " + t.size() + " beats start at their spike");
    }

    @Test
    void interValidatesOnTheDefaultHeldOutPatientsUnlessToldOtherwise() {
        BeatDataset d = DatasetBuilder.build(BuildRequest.defaults(TestData.fullDatabase(), Protocol.INTER));
        assertEquals(Protocol.DEFAULT_VALID_RECORDS, d.provenance().validRecords());
        assertArrayEquals(new int[] {5540, 204, 671, 16, 2}, d.valid().classCounts());
        assertArrayEquals(new int[] {45_866 - 5540, 944 - 204, 3788 - 671, 415 - 16, 8 - 2}, d.train().classCounts());
        // the bundled records hold no default validation record (208 is their only DS1 record): a share of beats
        BeatDataset bundled = DatasetBuilder.build(BuildRequest.defaults(TestData.bundled(), Protocol.INTER));
        assertEquals(null, bundled.provenance().validRecords());
        assertTrue(bundled.valid().size() > 0);
        // intra never holds records out
        assertEquals(null, DatasetBuilder.build(BuildRequest.defaults(TestData.bundled(), Protocol.INTRA))
                .provenance().validRecords());
    }

    @Test
    void interValidationCanBeWholeRecords(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<Integer> records = List.of(100, 101, 106, 208);
        BeatDataset byBeats = DatasetBuilder.build(new BuildRequest(TestData.fullDatabase(), Protocol.INTER, records,
                3, 0.2, 0.1, ExtractionSettings.KACHUEE));
        BeatDataset byRecords = DatasetBuilder.build(new BuildRequest(TestData.fullDatabase(), Protocol.INTER,
                records, 3, 0.2, 0.1, ExtractionSettings.KACHUEE, List.of(106)));
        for (short r : byRecords.valid().records()) {
            assertEquals(106, r);
        }
        for (short r : byRecords.train().records()) {
            assertTrue(r == 101 || r == 208, "record " + r + " in train");
        }
        assertEquals(byBeats.train().size() + byBeats.valid().size(),
                byRecords.train().size() + byRecords.valid().size(), "DS1 beats lost or doubled");
        assertArrayEquals(byBeats.test().positions(), byRecords.test().positions());
        assertEquals(List.of(106), byRecords.provenance().validRecords());
        assertEquals(null, byBeats.provenance().validRecords());
        Path file = dir.resolve("d.ecgb");
        DatasetFile.write(byRecords, file);
        assertEquals(List.of(106), DatasetFile.read(file).provenance().validRecords());
    }

    @Test
    void badValidationRecordsAreNamed() {
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetBuilder.build(new BuildRequest(
                TestData.bundled(), Protocol.INTER, List.of(), 1, 0.2, 0.1, ExtractionSettings.KACHUEE, List.of(232))));
        assertTrue(e.getMessage().startsWith("validation records 232: not one of the training records [208]"),
                e.getMessage());
        e = assertThrows(BadInputException.class, () -> DatasetBuilder.build(new BuildRequest(
                TestData.bundled(), Protocol.INTER, List.of(), 1, 0.2, 0.1, ExtractionSettings.KACHUEE, List.of(208))));
        assertEquals("validation records [208]: would leave no record to train on", e.getMessage());
        e = assertThrows(BadInputException.class, () -> new BuildRequest(TestData.bundled(), Protocol.INTRA,
                List.of(), 1, 0.2, 0.1, ExtractionSettings.KACHUEE, List.of(208)));
        assertEquals("validation records [208]: held-out validation records are for the inter protocol only", e.getMessage());
        e = assertThrows(BadInputException.class, () -> new BuildRequest(TestData.bundled(), Protocol.INTER,
                List.of(), 1, 0.2, 0.1, ExtractionSettings.KACHUEE, List.of(101, 101)));
        assertEquals("validation records [101, 101]: names a record twice", e.getMessage());
    }

    @Test
    void bundledIntraSplitIsStratifiedDisjointAndSeeded() {
        BeatDataset a = DatasetBuilder.build(request(TestData.bundled(), Protocol.INTRA, 1, false));
        BeatDataset b = DatasetBuilder.build(request(TestData.bundled(), Protocol.INTRA, 1, false));
        BeatDataset c = DatasetBuilder.build(request(TestData.bundled(), Protocol.INTRA, 2, false));
        assertArrayEquals(a.test().positions(), b.test().positions());
        assertArrayEquals(a.train().samples(), b.train().samples());
        assertNotEquals(java.util.Arrays.toString(a.test().positions()), java.util.Arrays.toString(c.test().positions()));

        Set<Long> seen = new HashSet<>();
        int n = 0;
        for (Split s : Split.values()) {
            BeatTable t = a.split(s);
            for (int i = 0; i < t.size(); i++) {
                seen.add((long) t.records()[i] << 32 | t.positions()[i]);
                n++;
            }
        }
        assertEquals(n, seen.size(), "a beat is in two splits");
        int[] all = total(a);
        int[] test = a.test().classCounts();
        for (int k = 0; k < 5; k++) {
            assertEquals(Math.round(all[k] * 0.2), test[k], "class " + k);
        }
    }

    @Test
    void interProtocolOnBundledRecordsLeavesPacedRecordOut() {
        BeatDataset d = DatasetBuilder.build(request(TestData.bundled(), Protocol.INTER, 1, false));
        assertEquals(List.of(208, 213, 232), d.provenance().records());
        for (short r : d.train().records()) {
            assertEquals(208, r);
        }
    }

    @Test
    void badSourcesAreNamed() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> DatasetBuilder.build(request(Path.of("no-such-dir"), Protocol.INTRA, 1, false)));
        assertEquals("source folder no-such-dir: no such folder", e.getMessage());
        assertEquals(BadInputException.Subject.SOURCE_FOLDER, e.subject().orElseThrow());
        assertEquals("--source no-such-dir: no such folder", e.phrasedAs("--source"));
        e = assertThrows(BadInputException.class, () -> DatasetBuilder.build(new BuildRequest(TestData.bundled(),
                Protocol.INTRA, List.of(208, 555), 1, 0.2, 0.1, ExtractionSettings.KACHUEE)));
        assertTrue(e.getMessage().startsWith("unknown record 555"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> DatasetBuilder.build(new BuildRequest(TestData.bundled(),
                Protocol.INTER, List.of(213, 232), 1, 0.2, 0.1, ExtractionSettings.KACHUEE)));
        assertTrue(e.getMessage().contains("DS1"), e.getMessage());
    }

    @Test
    void emptyFolderHasNoRecords(@org.junit.jupiter.api.io.TempDir Path dir) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> DatasetBuilder.build(request(dir, Protocol.INTRA, 1, false)));
        assertTrue(e.getMessage().contains("no WFDB records"), e.getMessage());
    }
}
