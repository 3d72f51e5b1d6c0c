package ecgbeats.tune;

import ecgbeats.util.Decision;

import com.fasterxml.jackson.databind.JsonNode;
import ecgbeats.util.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyTest {

    @TempDir
    Path dir;

    private static final SearchSpace SPACE = SearchSpaces.parse("s", "x: {uniform: [0, 1]}\nk: {choice: [a, b]}\n");

    private static StudySettings settings(int trials, String fingerprint) {
        return new StudySettings(trials, 7, null, "recall_macro", new java.util.TreeMap<>(Map.of("data", fingerprint)));
    }

    /** A fake training: the value climbs towards 1 − (x − 0.7)² over 9 epochs. */
    private static final TrialRunner CURVE = (task, reporter) -> {
        double x = (Double) task.params().get("x");
        double target = 1 - (x - 0.7) * (x - 0.7);
        double v = 0;
        for (int e = 1; e <= 9; e++) {
            v = target * e / 9.0;
            if (reporter.report(e, v, Map.of("accuracy", v), null) == Decision.STOP) {
                break;
            }
        }
        return Map.of("recall_macro", v, "accuracy", v);
    };

    @Test
    void aStudyJournalsEveryTrialAndWritesItsResults() throws Exception {
        try (Study s = Study.create(dir, settings(8, "f"), SPACE, new RandomSampler(), new FifoScheduler())) {
            List<Trial> trials = s.run(CURVE, 2);
            assertEquals(8, trials.size());
            assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE && t.epochs() == 9));
            Trial best = s.best().orElseThrow();
            assertTrue(trials.stream().allMatch(t -> t.best().getAsDouble() <= best.best().getAsDouble()));
        }
        List<JsonNode> events = ecgbeats.tune.JournalLines.read(dir.resolve(Study.JOURNAL));
        assertEquals("study", events.get(0).get("event").asText());
        assertEquals(8, events.stream().filter(e -> e.get("event").asText().equals("created")).count());
        assertEquals(72, events.stream().filter(e -> e.get("event").asText().equals("epoch")).count());
        assertEquals(8, events.stream().filter(e -> e.get("event").asText().equals("completed")).count());
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals("trial,state,epochs,recall_macro,accuracy,seconds,worker,x,k", csv.get(0));
        assertEquals(9, csv.size());
        double previous = Double.POSITIVE_INFINITY;
        for (String row : csv.subList(1, csv.size())) {
            double v = Double.parseDouble(row.split(",")[3]);
            assertTrue(v <= previous, "results.csv is not sorted by the objective");
            previous = v;
        }
        assertTrue(Files.readString(dir.resolve("results.md")).startsWith("| trial | state | epochs |"));
    }

    @Test
    void ashaPrunesTrialsBelowTheirRung() throws Exception {
        try (Study s = Study.create(dir, settings(20, "f"), SPACE, new RandomSampler(), new AshaScheduler(1, 3, 9))) {
            List<Trial> trials = s.run(CURVE, 1);
            long pruned = trials.stream().filter(t -> t.state() == TrialState.PRUNED).count();
            assertTrue(pruned >= 8, pruned + " pruned of 20");
            int epochs = trials.stream().mapToInt(Trial::epochs).sum();
            assertTrue(epochs < 20 * 9 * 0.6, epochs + " epochs instead of " + 20 * 9);
            for (Trial t : trials) {
                if (t.state() == TrialState.PRUNED) {
                    assertTrue(List.of(1, 3).contains(t.epochs()), "pruned at epoch " + t.epochs());
                }
            }
        }
    }

    /** Thrown past the study's handler, like a worker that dies without a word. */
    static final class Killed extends Error {
    }

    @Test
    void resumeKeepsFinishedTrialsAndRunsTheInterruptedOneAgain() throws Exception {
        Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
        TrialRunner dies = (task, reporter) -> {
            calls.computeIfAbsent(task.number(), k -> new AtomicInteger()).incrementAndGet();
            if (task.number() == 2) {
                reporter.report(1, 0.1, Map.of(), null);
                throw new Killed();
            }
            return CURVE.run(task, reporter);
        };
        List<Trial> first;
        try (Study s = Study.create(dir, settings(5, "f"), SPACE, new TpeSampler(), new FifoScheduler())) {
            first = s.run(dies, 1);
        }
        assertEquals(TrialState.RUNNING, first.get(2).state());
        // a kill can also tear the journal's last line
        Files.writeString(dir.resolve(Study.JOURNAL), "{\"event\":\"epo", StandardOpenOption.APPEND);

        TrialRunner counting = (task, reporter) -> {
            calls.computeIfAbsent(task.number(), k -> new AtomicInteger()).incrementAndGet();
            return CURVE.run(task, reporter);
        };
        List<Trial> after;
        try (Study s = Study.resume(dir, settings(6, "f"), SPACE, new TpeSampler(), new FifoScheduler())) {
            after = s.run(counting, 1);
        }
        assertEquals(6, after.size());
        assertTrue(after.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
        for (int n : List.of(0, 1, 3, 4, 5)) {
            assertEquals(1, calls.get(n).get(), "trial " + n + " ran " + calls.get(n) + " times");
            if (n < 5) {
                assertEquals(first.get(n).params(), after.get(n).params());
                assertEquals(first.get(n).values(), after.get(n).values());
            }
        }
        assertEquals(2, calls.get(2).get());
        assertEquals(first.get(2).params(), after.get(2).params());
        assertEquals(9, after.get(2).epochs());
    }

    @Test
    void aBooleanChoiceIsStillBooleanAfterAResume() throws Exception {
        SearchSpace flags = SearchSpaces.parse("s", "x: {uniform: [0, 1]}\nwide: {choice: [true, false]}\n");
        try (Study s = Study.create(dir, settings(3, "f"), flags, new RandomSampler(), new FifoScheduler())) {
            s.run(CURVE, 1);
        }
        try (Study s = Study.resume(dir, settings(3, "f"), flags, new RandomSampler(), new FifoScheduler())) {
            for (Trial t : s.trials()) {
                Object v = t.params().get("wide");
                assertTrue(v instanceof Boolean, "trial " + t.number() + ": " + v + " (" + v.getClass() + ")");
                assertTrue(((Domain.Choice) flags.domains().get("wide")).values().indexOf(v) >= 0);
            }
        }
    }

    @Test
    void aResumeMustMatchTheStudy() throws Exception {
        try (Study s = Study.create(dir, settings(1, "data=abc"), SPACE, new RandomSampler(), new FifoScheduler())) {
            s.run(CURVE, 1);
        }
        String journal = Files.readString(dir.resolve(Study.JOURNAL));
        BadInputException e = assertThrows(BadInputException.class,
                () -> Study.resume(dir, settings(2, "data=xyz"), SPACE, new RandomSampler(), new FifoScheduler()));
        // only what differs, and in the space file's own terms
        assertEquals(dir + ": the study there was made with other settings or data; these differ: data: data=abc → data=xyz",
                e.getMessage());
        SearchSpace wider = SearchSpaces.parse("s", "x: {uniform: [0, 2]}\n");
        e = assertThrows(BadInputException.class, () -> Study.resume(dir, new StudySettings(2, 7, null, "recall_macro",
                StudySettings.identity(Map.of("data", "data=abc"), wider)), wider, new RandomSampler(),
                new FifoScheduler()));
        assertTrue(e.getMessage().endsWith("these differ: space.x: (none) → uniform: [0, 2]"), e.getMessage());
        e = assertThrows(BadInputException.class,
                () -> Study.create(dir, settings(2, "data=abc"), SPACE, new RandomSampler(), new FifoScheduler()));
        assertTrue(e.getMessage().contains("already holds a study"), e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        e = assertThrows(BadInputException.class,
                () -> Study.resume(empty, settings(2, "data=abc"), SPACE, new RandomSampler(), new FifoScheduler()));
        assertTrue(e.getMessage().contains("not a study folder"), e.getMessage());
        assertEquals(journal, Files.readString(dir.resolve(Study.JOURNAL)), "a refused resume changed the journal");
    }

    @Test
    void aFailingTrialIsRecordedAndTheStudyGoesOn() throws Exception {
        TrialRunner flaky = (task, reporter) -> {
            if (task.number() == 1) {
                throw new IOException("out of memory");
            }
            return CURVE.run(task, reporter);
        };
        try (Study s = Study.create(dir, settings(3, "f"), SPACE, new RandomSampler(), new FifoScheduler())) {
            List<Trial> trials = s.run(flaky, 1);
            assertEquals(TrialState.FAILED, trials.get(1).state());
            assertEquals(TrialState.COMPLETE, trials.get(2).state());
        }
        assertTrue(Files.readString(dir.resolve(Study.JOURNAL)).contains("\"error\":\"out of memory\""));
    }

    /** A fake training that checkpoints its epoch count and can go on from one. */
    private static Map<String, Double> checkpointed(TrialTask task, TrialRunner.EpochReporter reporter, int dieAfter) {
        int from = task.checkpoint() == null ? 0 : Integer.parseInt(new String(task.checkpoint()));
        assertEquals(task.fromEpoch(), from);
        double v = 0;
        for (int e = from + 1; e <= 9; e++) {
            v = e / 9.0;
            reporter.report(e, v, Map.of(), Integer.toString(e).getBytes());
            if (e == dieAfter) {
                throw new Killed();
            }
        }
        return Map.of("recall_macro", v);
    }

    @Test
    void anInterruptedTrialGoesOnFromItsLastCheckpoint() throws Exception {
        List<Integer> starts = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Study s = Study.create(dir, settings(2, "f"), SPACE, new RandomSampler(), new AshaScheduler(1, 3, 9))) {
            s.run((task, reporter) -> checkpointed(task, reporter, task.number() == 1 ? 5 : 0), 1);
        }
        assertTrue(Files.exists(dir.resolve(Study.CHECKPOINTS).resolve("0001-0005.ckpt")));
        assertEquals(1, Files.list(dir.resolve(Study.CHECKPOINTS)).count(), "older checkpoints are removed");
        List<Trial> after;
        try (Study s = Study.resume(dir, settings(2, "f"), SPACE, new RandomSampler(), new AshaScheduler(1, 3, 9))) {
            after = s.run((task, reporter) -> {
                starts.add(task.fromEpoch());
                return checkpointed(task, reporter, 0);
            }, 1);
        }
        assertEquals(List.of(5), starts);
        assertEquals(TrialState.COMPLETE, after.get(1).state());
        assertEquals(9, after.get(1).epochs());
        assertEquals(0, Files.list(dir.resolve(Study.CHECKPOINTS)).count(), "a finished trial keeps no checkpoint");
        // the journal tells the same story when read again
        try (Study s = Study.resume(dir, settings(2, "f"), SPACE, new RandomSampler(), new AshaScheduler(1, 3, 9))) {
            assertEquals(after.get(1).values(), s.trials().get(1).values());
        }
    }

    @Test
    void aTrialMovedToAnotherWorkerKeepsOnlyTheEpochsOfItsCheckpoint() throws Exception {
        TrialRunner moving = new TrialRunner() {
            @Override
            public Map<String, Double> run(TrialTask task, EpochReporter reporter) {
                reporter.started("a", 0);
                for (int e = 1; e <= 3; e++) {
                    reporter.report(e, 0.1 * e, Map.of(), null);
                }
                reporter.started("b", 2); // worker a died after epoch 3; its checkpoint of epoch 2 survived
                for (int e = 3; e <= 4; e++) {
                    reporter.report(e, 0.2 * e, Map.of(), null);
                }
                return Map.of("recall_macro", 0.8);
            }

            @Override
            public boolean reportsPlacement() {
                return true;
            }
        };
        try (Study s = Study.create(dir, settings(1, "f"), SPACE, new RandomSampler(), new FifoScheduler())) {
            Trial t = s.run(moving, 1).get(0);
            assertEquals(List.of(0.1, 0.2, 0.6000000000000001, 0.8), t.values());
            assertEquals("b", t.worker());
        }
        try (Study s = Study.resume(dir, settings(1, "f"), SPACE, new RandomSampler(), new FifoScheduler())) {
            assertEquals(List.of(0.1, 0.2, 0.6000000000000001, 0.8), s.trials().get(0).values());
        }
    }

    @Test
    void anAbandonedTrialStaysRunningWithItsCheckpointForAResume() throws Exception {
        try (Study s = Study.create(dir, settings(1, "f"), SPACE, new RandomSampler(), new FifoScheduler())) {
            List<Trial> t = s.run((task, reporter) -> {
                reporter.report(1, 0.3, Map.of(), "1".getBytes());
                throw new TrialAbandoned("the coordinator closed");
            }, 1);
            assertEquals(TrialState.RUNNING, t.get(0).state());
        }
        assertTrue(Files.exists(dir.resolve(Study.CHECKPOINTS).resolve("0000-0001.ckpt")));
        try (Study s = Study.resume(dir, settings(1, "f"), SPACE, new RandomSampler(), new FifoScheduler())) {
            Trial t = s.run((task, reporter) -> checkpointed(task, reporter, 0), 1).get(0);
            assertEquals(TrialState.COMPLETE, t.state());
            assertEquals(9, t.epochs());
        }
    }

    @Test
    void theJournalIsOneTypedFormatThatOlderJournalsStillRead() throws Exception {
        java.nio.file.Path file = dir.resolve("old.jsonl");
        // lines as the writer before typed events wrote them (event first, then time, then fields)
        Files.writeString(file, String.join("\n",
                "{\"event\":\"study\",\"time\":\"2026-11-27T10:00:00Z\",\"identity\":{\"data\":\"f\"},"
                        + "\"fingerprint\":\"data f\",\"seed\":7,\"objective\":\"recall_macro\"}",
                "{\"event\":\"created\",\"time\":\"2026-11-27T10:00:01Z\",\"trial\":0,\"seed\":3,\"params\":{\"x\":0.5,\"k\":\"a\"}}",
                "{\"event\":\"started\",\"time\":\"2026-11-27T10:00:02Z\",\"trial\":0,\"worker\":\"w\",\"epoch\":0}",
                "{\"event\":\"epoch\",\"time\":\"2026-11-27T10:00:03Z\",\"trial\":0,\"epoch\":1,\"value\":0.5,"
                        + "\"seconds\":1.0,\"decision\":\"STOP\",\"checkpoint\":false}",
                "{\"event\":\"pruned\",\"time\":\"2026-11-27T10:00:04Z\",\"trial\":0,\"seconds\":1.5,\"epochs\":1,"
                        + "\"metrics\":{\"recall_macro\":0.5}}", ""));
        StudyHistory h = StudyHistory.read(file);
        assertEquals("recall_macro", h.objective());
        assertEquals(TrialState.PRUNED, h.trials().get(0).state());
        assertEquals(ecgbeats.util.Decision.STOP, h.epochs().get(0).get(0).decision());
        assertEquals("w", h.trials().get(0).worker());
        // and what the journal writes reads back as the same events
        java.nio.file.Path fresh = dir.resolve("fresh.jsonl");
        List<JournalEvent> events = Journal.read(file);
        try (Journal j = new Journal(fresh)) {
            for (JournalEvent e : events) {
                j.append(e);
            }
        }
        assertEquals(events, Journal.read(fresh));
        assertEquals("pruned", JournalLines.read(fresh).get(4).get("event").asText());
    }
}
