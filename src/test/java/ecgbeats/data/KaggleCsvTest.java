package ecgbeats.data;

import ecgbeats.util.BadInputException;
import ecgbeats.TestData;
import ecgbeats.data.beat.BeatTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KaggleCsvTest {

    @TempDir
    Path dir;

    @Test
    void exportThenImportGivesTheSameBeats() throws IOException {
        BeatDataset d = DatasetBuilder.build(BuildRequest.defaults(TestData.bundled(), Protocol.INTRA));
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        KaggleCsv.write(d.train(), train);
        KaggleCsv.write(d.test(), test);
        BeatTable back = KaggleCsv.read(test);
        assertArrayEquals(d.test().samples(), back.samples());
        assertArrayEquals(d.test().labels(), back.labels());
        BeatDataset imported = KaggleCsv.importDataset(train, test, 3, 0.1);
        assertEquals(d.train().size(), imported.train().size() + imported.valid().size());
        assertEquals(2, imported.provenance().sourceFiles().size());
    }

    @Test
    void readsKaggleStyleNumbers() throws IOException {
        String row = String.join(",", Collections.nCopies(187, "9.779411554336547852e-01")) + ",3.000000000000000000e+00\n";
        Path f = dir.resolve("k.csv");
        Files.writeString(f, row + row.replace(",3.0", ",0.0"));
        BeatTable t = KaggleCsv.read(f);
        assertEquals(2, t.size());
        assertEquals(3, t.label(0));
        assertEquals(0, t.label(1));
        assertEquals(0.97794116f, t.samples()[5], 1e-7);
    }

    @Test
    void badRowsAreNamedByLineAndColumn() throws IOException {
        String good = String.join(",", Collections.nCopies(187, "0.5")) + ",1\n";
        assertBad(good + "0.5,0.5,1\n", "line 2: 3 columns, expected 188");
        assertBad(good + good.replaceFirst("0.5", "NaN"), "line 2, column 1: NaN is not a finite number");
        assertBad(good.replace(",1\n", ",5\n"), "line 1: label 5 is not one of 0, 1, 2, 3, 4");
        assertBad(good.replace(",1\n", ",1.5\n"), "line 1: label 1.5 is not one of");
        assertBad(good.replaceFirst("0.5", "abc"), "line 1, column 1: not a number: 'abc'");
        assertBad("", "no rows");
    }

    private void assertBad(String content, String expected) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, content);
        BadInputException e = assertThrows(BadInputException.class, () -> KaggleCsv.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
