package ecgbeats.data;

import ecgbeats.util.BadInputException;
import ecgbeats.TestData;
import ecgbeats.data.balance.BalanceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetFileTest {

    private static BeatDataset dataset;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        dataset = DatasetBuilder.build(BuildRequest.defaults(TestData.bundled(), Protocol.INTRA))
                .balanced(BalanceMethod.SMOTE, 3);
    }

    @Test
    void roundTripKeepsEveryColumnAndTheProvenance() throws IOException {
        Path f = dir.resolve("d.ecgb");
        DatasetFile.write(dataset, f);
        BeatDataset back = DatasetFile.read(f);
        for (Split s : Split.values()) {
            assertArrayEquals(dataset.split(s).samples(), back.split(s).samples());
            assertArrayEquals(dataset.split(s).labels(), back.split(s).labels());
            assertArrayEquals(dataset.split(s).records(), back.split(s).records());
            assertArrayEquals(dataset.split(s).positions(), back.split(s).positions());
            assertTrue(back.split(s).hasRr(), s.id());
            assertArrayEquals(dataset.split(s).rr(), back.split(s).rr());
        }
        Provenance p = back.provenance();
        assertEquals(dataset.provenance().sourceFiles(), p.sourceFiles());
        assertEquals(Protocol.INTRA, p.protocol());
        assertEquals(BalanceMethod.SMOTE, p.balancing().method());
        assertArrayEquals(dataset.provenance().balancing().after(), p.balancing().after());
        assertEquals(dataset.provenance().extraction(), p.extraction());
        // the hashes are PhysioNet's: the same as the bundled SHA256SUMS lists
        String sums = Files.readString(TestData.bundled().resolve("SHA256SUMS"));
        for (SourceFile sf : p.sourceFiles()) {
            assertTrue(sums.contains(sf.sha256() + "  " + sf.name()), sf.name());
        }
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksum() throws IOException {
        Path f = dir.resolve("d.ecgb");
        DatasetFile.write(dataset, f);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x10;
        Files.write(f, b);
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetFile.read(f));
        assertEquals(f + ": checksum mismatch: the dataset file is truncated or corrupt", e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path f = dir.resolve("d.ecgb");
        DatasetFile.write(dataset, f);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 1000));
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetFile.read(f));
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void otherFilesAndOtherVersionsAreRefused() throws IOException {
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "1,2,3\n".repeat(20));
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetFile.read(csv));
        assertEquals(csv + ": not an ecgbeats dataset file (no ECGBEATS header)", e.getMessage());

        Path f = dir.resolve("d.ecgb");
        DatasetFile.write(dataset, f);
        byte[] b = Files.readAllBytes(f);
        b[8] = 9; // version field
        Files.write(f, b);
        e = assertThrows(BadInputException.class, () -> DatasetFile.read(f));
        assertTrue(e.getMessage().contains("dataset format version 9 is not supported"), e.getMessage());
    }

    @Test
    void aFormatOneFileStillLoadsAndHasNoRrFeatures() throws Exception {
        // written by the ecgbeats of 2026-11-27 (format 1): data import-csv of 20 + 5 random rows
        Path old = Path.of(getClass().getResource("/format1-kaggle.ecgb").toURI());
        BeatDataset d = DatasetFile.read(old);
        assertEquals(20, d.train().size());
        assertEquals(5, d.test().size());
        assertFalse(d.hasRr());
        assertFalse(d.train().hasRr());
        Path again = dir.resolve("again.ecgb");
        DatasetFile.write(d, again);
        assertFalse(DatasetFile.read(again).hasRr(), "format 2 says so too");
        assertArrayEquals(d.train().samples(), DatasetFile.read(again).train().samples());
    }

    @Test
    void aFormatTwoFileLoadsWithItsEightRrFeatures() throws IOException {
        Path two = dir.resolve("two.ecgb");
        FormatTwo.write(dataset, two);
        BeatDataset d = DatasetFile.read(two);
        assertEquals(8, d.rrWidth());
        int w = ecgbeats.data.beat.RrFeatures.COUNT;
        for (int i = 0; i < d.test().size(); i++) {
            for (int k = 0; k < 8; k++) {
                assertEquals(dataset.test().rr()[i * w + k], d.test().rr()[i * 8 + k], "beat " + i + " feature " + k);
            }
        }
        assertTrue(ecgbeats.report.DatasetSummary.table(d).contains("RR features: the first 8 ("),
                ecgbeats.report.DatasetSummary.table(d));
        Path again = dir.resolve("again.ecgb");
        DatasetFile.write(d, again);
        assertEquals(8, DatasetFile.read(again).rrWidth(), "rewritten in format 3, it keeps what it has");
        assertEquals(ecgbeats.data.beat.RrFeatures.COUNT, dataset.rrWidth(), "a build has them all");
    }

    @Test
    void writingLeavesNoTemporaryFiles() throws IOException {
        DatasetFile.write(dataset, dir.resolve("d.ecgb"));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }
}
