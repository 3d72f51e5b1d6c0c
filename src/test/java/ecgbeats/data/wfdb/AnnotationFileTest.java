package ecgbeats.data.wfdb;

import ecgbeats.TestData;
import ecgbeats.util.BadInputException;
import ecgbeats.data.beat.AamiClass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotationFileTest {

    private static final Path FILE = Path.of("x.atr");

    @Test
    void allFortyEightRecordsHoldThePublishedBeatCounts() throws IOException {
        Path db = TestData.fullDatabase();
        int[] counts = new int[AamiClass.COUNT];
        List<Path> files;
        try (Stream<Path> s = Files.list(db)) {
            files = s.filter(p -> p.toString().endsWith(".atr")).sorted().toList();
        }
        assertEquals(48, files.size());
        for (Path f : files) {
            for (Annotation a : AnnotationFile.read(f)) {
                AamiClass c = AamiClass.ofSymbol(a.symbol());
                if (c != null) {
                    counts[c.label()]++;
                }
            }
        }
        // docs/reference.md §1: N 90,631, S 2,781, V 7,236, F 803, Q 8,043
        assertArrayEquals(new int[] {90631, 2781, 7236, 803, 8043}, counts);
    }

    @Test
    void realFileHasRhythmAuxStringsAndEndsInsideTheRecord() {
        List<Annotation> an = AnnotationFile.read(TestData.bundled().resolve("232.atr"));
        assertTrue(an.size() > 1700);
        assertEquals("+", an.get(0).symbol());
        assertTrue(an.get(0).aux().startsWith("("), an.get(0).aux());
        for (int i = 1; i < an.size(); i++) {
            assertTrue(an.get(i).sample() >= an.get(i - 1).sample());
        }
        assertTrue(an.get(an.size() - 1).sample() < 650000);
    }

    @Test
    void encodingARealFileAndReadingItBackGivesTheSameAnnotations() {
        for (String rec : new String[] {"208", "213", "217", "232"}) {
            List<Annotation> an = AnnotationFile.read(TestData.bundled().resolve(rec + ".atr"));
            assertEquals(an, AnnotationFile.parse(FILE, AnnotationFile.encode(an)), rec);
        }
    }

    @Test
    void longGapsUseSkipAndModifiersApply() {
        List<Annotation> an = List.of(
                new Annotation(5, 1, 0, 0, 0, ""),
                new Annotation(100_000, 5, 2, 1, 3, "(VT"),
                new Annotation(100_001, 28, 0, 1, 3, "odd"),
                new Annotation(3_000_000, 12, 0, 0, 0, ""));
        byte[] bytes = AnnotationFile.encode(an);
        List<Annotation> back = AnnotationFile.parse(FILE, bytes);
        assertEquals(an, back);
        assertEquals("V", back.get(1).symbol());
        assertEquals("/", back.get(3).symbol());
    }

    @Test
    void garbageIsNotAnAnnotationFile() {
        byte[] text = "this is a text file, not annotations\n".getBytes();
        BadInputException e = assertThrows(BadInputException.class, () -> AnnotationFile.parse(FILE, text));
        assertTrue(e.getMessage().startsWith("x.atr: not a valid MIT-format annotation file at byte"), e.getMessage());
    }

    @Test
    void missingEndMarkerMeansTruncated() {
        byte[] full = AnnotationFile.encode(List.of(new Annotation(5, 1, 0, 0, 0, ""), new Annotation(9, 1, 0, 0, 0, "")));
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 2);
        BadInputException e = assertThrows(BadInputException.class, () -> AnnotationFile.parse(FILE, cut));
        assertTrue(e.getMessage().contains("no end-of-file marker"), e.getMessage());
    }

    @Test
    void auxRunningPastTheEndIsReported() {
        byte[] b = {1, 4, (byte) 50, (byte) (63 << 2), 'a', 'b'};
        BadInputException e = assertThrows(BadInputException.class, () -> AnnotationFile.parse(FILE, b));
        assertTrue(e.getMessage().contains("AUX string of 50 bytes"), e.getMessage());
    }

    /** An MIT annotation word: code in the top 6 bits, the time since the last annotation in the low 10. */
    private static byte[] words(int... codeAndDelta) {
        byte[] b = new byte[codeAndDelta.length + 2];
        for (int k = 0; k < codeAndDelta.length; k += 2) {
            int w = codeAndDelta[k] << 10 | codeAndDelta[k + 1];
            b[k] = (byte) w;
            b[k + 1] = (byte) (w >>> 8);
        }
        return b; // the last two bytes stay 0: the end-of-file word
    }

    @Test
    void notQrsAndCodesPastTheTableAreAnnotationsAsWfdbReadsThem() {
        // N at 100, NOTQRS (code 0) at 150, N at 400, code 50 at 410, V at 700
        List<Annotation> an = AnnotationFile.parse(FILE, words(1, 100, 0, 50, 1, 250, 50, 10, 5, 290));
        assertEquals(5, an.size());
        assertEquals(List.of(100L, 150L, 400L, 410L, 700L), an.stream().map(Annotation::sample).toList());
        assertEquals(0, an.get(1).code());
        assertFalse(an.get(1).isBeat(), "NOTQRS is not a beat");
        assertFalse(an.get(3).isBeat());
        assertEquals(3, an.stream().filter(Annotation::isBeat).count());
    }

    @Test
    void beatCodesAndSymbols() {
        assertEquals(1, AnnotationCodes.code("N"));
        assertEquals("j", AnnotationCodes.symbol(11));
        assertTrue(AnnotationCodes.isBeat(AnnotationCodes.code("/")));
        assertTrue(!AnnotationCodes.isBeat(AnnotationCodes.code("+")));
        assertTrue(!AnnotationCodes.isBeat(AnnotationCodes.code("~")));
    }
}
