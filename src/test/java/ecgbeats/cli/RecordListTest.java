package ecgbeats.cli;

import ecgbeats.data.Protocol;
import ecgbeats.util.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordListTest {

    @Test
    void namesSetsAndAllExpandInOrderWithoutRepeats() {
        List<String> folder = List.of("100", "232", "s1");
        assertEquals(List.of("232", "s1"), RecordList.expand(List.of(" 232", "s1 ", "232"), () -> folder));
        assertEquals(folder, RecordList.expand(List.of("ALL"), () -> folder));
        List<String> ds2 = RecordList.expand(List.of("ds2"), List::of);
        assertEquals(Protocol.DS2.size(), ds2.size());
        assertEquals(Protocol.DS2.get(0).toString(), ds2.get(0));
        // DS1 then a record of DS1 again: still once, where DS1 put it
        List<String> both = RecordList.expand(List.of("DS1", "101", "100"), List::of);
        assertEquals(Protocol.DS1.size() + 1, both.size());
        assertEquals("100", both.get(both.size() - 1));
        assertEquals(List.of(), RecordList.expand(List.of(), () -> folder));
    }

    @Test
    void numberedCommandsRefuseNamesThatAreNotNumbers() {
        assertEquals(List.of(208, 213), RecordList.numbers(List.of("208", "213")));
        BadInputException e = assertThrows(BadInputException.class,
                () -> RecordList.numbers(List.of("208", "a01")));
        assertTrue(e.getMessage().contains("'a01' is not a record number"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> RecordList.expand(List.of("../x"), List::of));
        assertTrue(e.getMessage().startsWith("--records: '../x' is not a record"), e.getMessage());
        assertTrue(RecordList.includesAll(List.of("100", "all")));
        assertFalse(RecordList.includesAll(List.of("100", "DS1")));
        assertEquals(List.of(), RecordList.orEmptyForAll(List.of("100", "ALL")));
        assertEquals(List.of("100", "101"), RecordList.orEmptyForAll(List.of("100", "101")));
    }
}
