package ecgbeats.data;

import ecgbeats.data.balance.BalanceMethod;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.util.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatientFoldsTest {

    /** Beats of a record: N, S, V, F counts; sample 0 is a running id, so order can be checked. */
    private static int id;

    private static void add(BeatTable.Builder b, int record, int n, int s, int v, int f) {
        int[] counts = {n, s, v, f};
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++) {
                b.add(new float[] {id, c}, 0, c, record, id++);
            }
        }
    }

    /** Ten training records, two of them held out as validation, S, V and F spread unevenly; one test record. */
    static BeatDataset dataset() {
        BeatTable.Builder train = new BeatTable.Builder(2);
        add(train, 101, 100, 40, 0, 0);
        add(train, 102, 100, 30, 0, 0);
        add(train, 103, 100, 5, 20, 0);
        add(train, 104, 100, 0, 50, 0);
        add(train, 105, 100, 0, 10, 8);
        add(train, 106, 100, 0, 0, 3);
        add(train, 107, 300, 0, 0, 0);
        add(train, 108, 50, 0, 0, 0);
        BeatTable.Builder valid = new BeatTable.Builder(2);
        add(valid, 109, 100, 20, 0, 0);
        add(valid, 110, 100, 0, 5, 0);
        BeatTable.Builder test = new BeatTable.Builder(2);
        add(test, 200, 10, 1, 1, 1);
        Provenance p = new Provenance(Protocol.INTER, 42, 0, 0, "synthetic", List.of(),
                List.of(101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 200), Map.of(), null, null, "test",
                List.of(109, 110));
        return new BeatDataset(p, train.build(), valid.build(), test.build());
    }

    private static int[] counts(BeatDataset d, List<Integer> records) {
        int[] c = new int[AamiClass.COUNT];
        for (BeatTable t : new BeatTable[] {d.train(), d.valid()}) {
            for (int i = 0; i < t.size(); i++) {
                if (records.contains((int) t.records()[i])) {
                    c[t.label(i)]++;
                }
            }
        }
        return c;
    }

    @Test
    void everyTrainingRecordIsInOneFoldAndTheRareClassesAreSpread() {
        BeatDataset d = dataset();
        PatientFolds folds = PatientFolds.of(d, 3);
        assertEquals(3, folds.size());
        List<Integer> all = new ArrayList<>();
        folds.folds().forEach(all::addAll);
        assertEquals(10, all.size());
        assertEquals(new TreeSet<>(List.of(101, 102, 103, 104, 105, 106, 107, 108, 109, 110)), new TreeSet<>(all));
        for (List<Integer> f : folds.folds()) {
            int[] c = counts(d, f);
            assertTrue(c[AamiClass.S.label()] > 0 && c[AamiClass.V.label()] > 0, "each fold holds S and V: " + f);
            assertTrue(c[AamiClass.S.label()] <= 95 / 2, "no fold holds half the S beats: " + f);
            assertEquals(new ArrayList<>(new TreeSet<>(f)), f, "listed in order");
            assertTrue(f.size() <= 4, "at most ceil(10 / 3) records a fold: " + f);
        }
        // the two records with F beats go to different folds
        assertTrue(folds.folds().stream().noneMatch(f -> f.contains(105) && f.contains(106)), folds.toString());
        assertEquals(folds, PatientFolds.of(dataset(), 3), "the same deal every time");
    }

    @Test
    void aPatientWhoHoldsAlmostAllOfAClassDoesNotMakeAFoldAlone() {
        // record 108 holds 300 of the 303 F beats: by the shares alone no other record would join its fold
        BeatTable.Builder train = new BeatTable.Builder(2);
        add(train, 108, 100, 0, 10, 300);
        for (int r = 101; r <= 107; r++) {
            add(train, r, 100, r % 2 * 5, 5, r == 101 ? 3 : 0);
        }
        BeatTable.Builder test = new BeatTable.Builder(2);
        add(test, 200, 10, 1, 1, 1);
        Provenance p = new Provenance(Protocol.INTER, 42, 0, 0, "synthetic", List.of(), List.of(), Map.of(), null,
                null, "test", List.of());
        BeatTable none = new BeatTable.Builder(2).build();
        PatientFolds folds = PatientFolds.of(new BeatDataset(p, train.build(), none, test.build()), 4);
        for (List<Integer> f : folds.folds()) {
            assertEquals(2, f.size(), folds.toString());
        }
        assertTrue(folds.folds().stream().noneMatch(f -> f.contains(108) && f.contains(101)), folds.toString());
    }

    @Test
    void aHeldOutFoldIsTheValidationSplitAndTheRestTrains() {
        BeatDataset d = dataset();
        PatientFolds folds = PatientFolds.of(d, 3);
        for (int k = 0; k < 3; k++) {
            List<Integer> held = folds.fold(k);
            BeatDataset h = folds.holdOut(d, k);
            Set<Integer> validRecords = new HashSet<>();
            for (short r : h.valid().records()) {
                validRecords.add((int) r);
            }
            assertEquals(new HashSet<>(held), validRecords);
            for (short r : h.train().records()) {
                assertTrue(!held.contains((int) r), "record " + r + " trains and validates");
            }
            assertArrayEquals(counts(d, held), h.valid().classCounts());
            assertEquals(d.train().size() + d.valid().size(), h.train().size() + h.valid().size());
            assertSame(d.test(), h.test());
            assertEquals(held, h.provenance().validRecords());
            // beats keep their order: the running ids rise within each split
            for (BeatTable t : new BeatTable[] {h.train(), h.valid()}) {
                for (int i = 1; i < t.size(); i++) {
                    assertTrue(t.samples()[i * 2] > t.samples()[(i - 1) * 2]);
                }
            }
        }
    }

    @Test
    void recordsApartGoToDifferentFoldsAndTheRestStillSpreads() {
        BeatDataset d = dataset();
        // without the constraint the two records with the most S beats and one with S and V, 101 and 103, share a fold
        PatientFolds free = PatientFolds.of(d, 3);
        assertTrue(free.folds().stream().anyMatch(f -> f.contains(101) && f.contains(103)), free.toString());
        PatientFolds folds = PatientFolds.of(d, 3, Set.of(101, 103));
        assertTrue(folds.folds().stream().noneMatch(f -> f.contains(101) && f.contains(103)), folds.toString());
        List<Integer> all = new ArrayList<>();
        folds.folds().forEach(all::addAll);
        assertEquals(10, all.size());
        assertEquals(new TreeSet<>(List.of(101, 102, 103, 104, 105, 106, 107, 108, 109, 110)), new TreeSet<>(all));
        for (List<Integer> f : folds.folds()) {
            assertTrue(f.size() <= 4, folds.toString());
            assertTrue(counts(d, f)[AamiClass.S.label()] < 95 - 20, "S is still spread: " + folds);
        }
        assertEquals(folds, PatientFolds.of(dataset(), 3, Set.of(103, 101)), "the same deal every time");
        // as many records apart as folds: one in each
        PatientFolds three = PatientFolds.of(d, 3, Set.of(101, 102, 109));
        for (List<Integer> f : three.folds()) {
            assertEquals(1, f.stream().filter(r -> r == 101 || r == 102 || r == 109).count(), three.toString());
        }
    }

    @Test
    void recordsApartThatCannotBeKeptApartAreRefused() {
        BeatDataset d = dataset();
        BadInputException tooMany = assertThrows(BadInputException.class,
                () -> PatientFolds.of(d, 2, Set.of(101, 102, 103)));
        assertEquals("--apart 101,102,103: 3 records cannot be in different folds of 2", tooMany.phrasedAs("--apart"));
        BadInputException unknown = assertThrows(BadInputException.class,
                () -> PatientFolds.of(d, 2, Set.of(101, 200)));
        assertTrue(unknown.phrasedAs("--apart").startsWith("--apart 200: not in the dataset's train or validation "
                + "split"), unknown.getMessage());
    }

    @Test
    void foldsThatCannotBeMadeAreRefusedWithTheReason() {
        BeatDataset d = dataset();
        assertTrue(assertThrows(BadInputException.class, () -> PatientFolds.of(d, 1)).getMessage()
                .contains("at least 2 folds"));
        assertTrue(assertThrows(BadInputException.class, () -> PatientFolds.of(d, 11)).getMessage()
                .contains("hold 10 records, fewer than the folds"));
        BeatDataset balanced = d.balanced(BalanceMethod.OVERSAMPLE, 1);
        assertTrue(assertThrows(BadInputException.class, () -> PatientFolds.of(balanced, 2)).getMessage()
                .contains("balanced"));
        BeatTable.Builder kaggle = new BeatTable.Builder(2);
        kaggle.add(new float[] {0, 0}, 0, 0, BeatTable.UNKNOWN_RECORD, 0);
        BeatDataset imported = new BeatDataset(d.provenance(), kaggle.build(), d.valid(), d.test());
        assertTrue(assertThrows(BadInputException.class, () -> PatientFolds.of(imported, 2)).getMessage()
                .contains("do not name their records"));
    }
}
