package ecgbeats.data.wfdb;

import ecgbeats.TestData;
import ecgbeats.data.BadInputException;
import ecgbeats.data.beat.AamiClass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        // SPEC §1: N 90,631, S 2,781, V 7,236, F 803, Q 8,043
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

    @Test
    void beatCodesAndSymbols() {
        assertEquals(1, AnnotationCodes.code("N"));
        assertEquals("j", AnnotationCodes.symbol(11));
        assertTrue(AnnotationCodes.isBeat(AnnotationCodes.code("/")));
        assertTrue(!AnnotationCodes.isBeat(AnnotationCodes.code("+")));
        assertTrue(!AnnotationCodes.isBeat(AnnotationCodes.code("~")));
    }
}
