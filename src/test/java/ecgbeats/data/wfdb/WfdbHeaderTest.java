package ecgbeats.data.wfdb;

import ecgbeats.TestData;
import ecgbeats.util.BadInputException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WfdbHeaderTest {

    private static final Path FILE = Path.of("x.hea");

    @Test
    void readsARealMitBihHeaderWithCrlfLines() {
        WfdbHeader h = WfdbHeader.read(TestData.bundled().resolve("208.hea"));
        assertEquals("208", h.record());
        assertEquals(360, h.frequency());
        assertEquals(650000, h.sampleCount());
        assertEquals(2, h.signals().size());
        SignalSpec mlii = h.signals().get(0);
        assertEquals("208.dat", mlii.fileName());
        assertEquals(212, mlii.format());
        assertEquals(200, mlii.gain());
        assertEquals(1024, mlii.baseline());
        assertEquals(1003, mlii.initialValue());
        assertEquals(8074, mlii.checksum());
        assertEquals("MLII", mlii.description());
        assertEquals("V1", h.signals().get(1).description());
        assertEquals("23 F 2546 N/A x1", h.comments().get(0));
    }

    @Test
    void lfAndCrlfGiveTheSameHeader() {
        String text = "100 2 360 650000\n100.dat 212 200 11 1024 995 -22131 0 MLII\n"
                + "100.dat 212 200 11 1024 1011 20052 0 V5\n# 69 M\n";
        WfdbHeader lf = WfdbHeader.parse(FILE, text);
        WfdbHeader crlf = WfdbHeader.parse(FILE, text.replace("\n", "\r\n"));
        assertEquals(lf, crlf);
        assertEquals("69 M", lf.comments().get(0));
    }

    @Test
    void parsesOptionalFieldsOfTheSignalLine() {
        WfdbHeader h = WfdbHeader.parse(FILE, "# leading comment\nrec 1 250/1000 5000\n"
                + "rec.dat 16+512 100(-20)/uV 16 0 -7 123 0 ECG lead II\n");
        SignalSpec s = h.signals().get(0);
        assertEquals(250, h.frequency());
        assertEquals(16, s.format());
        assertEquals(512, s.byteOffset());
        assertEquals(100, s.gain());
        assertEquals(-20, s.baseline());
        assertEquals("uV", s.units());
        assertEquals("ECG lead II", s.description());
    }

    @Test
    void minimalSignalLineTakesWfdbDefaults() {
        WfdbHeader h = WfdbHeader.parse(FILE, "rec 1\nrec.dat 16\n");
        assertEquals(250, h.frequency());
        assertEquals(-1, h.sampleCount());
        assertEquals(200, h.signals().get(0).gain());
        assertNull(h.signals().get(0).checksum());
    }

    @Test
    void brokenHeadersNameTheFileAndLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> WfdbHeader.parse(FILE, "rec 2 360 100\nrec.dat 212 200 11 1024 0 0 0 MLII\n"));
        assertTrue(e.getMessage().startsWith("x.hea: "), e.getMessage());
        assertTrue(e.getMessage().contains("announces 2 signals but 1"), e.getMessage());

        e = assertThrows(BadInputException.class, () -> WfdbHeader.parse(FILE, "rec two 360\n"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());

        e = assertThrows(BadInputException.class,
                () -> WfdbHeader.parse(FILE, "rec 1 360 100\nrec.dat 212 abc 11\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());

        e = assertThrows(BadInputException.class, () -> WfdbHeader.parse(FILE, "# only a comment\n"));
        assertTrue(e.getMessage().contains("not a WFDB header"), e.getMessage());

        e = assertThrows(BadInputException.class, () -> WfdbHeader.read(Path.of("no/such/rec.hea")));
        assertTrue(e.getMessage().contains("rec.hea: header file not found"), e.getMessage());
    }
}
