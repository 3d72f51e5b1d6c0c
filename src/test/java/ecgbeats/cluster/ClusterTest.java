package ecgbeats.cluster;

import ecgbeats.util.Decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import ecgbeats.tune.FifoScheduler;
import ecgbeats.tune.RandomSampler;
import ecgbeats.tune.SearchSpace;
import ecgbeats.tune.SearchSpaces;
import ecgbeats.tune.Study;
import ecgbeats.tune.StudySettings;
import ecgbeats.tune.Trial;
import ecgbeats.tune.TrialState;
import ecgbeats.tune.TrialRunner;
import ecgbeats.tune.TrialTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A coordinator and workers in one JVM (Hazelcast on loopback), with fake trials. */
class ClusterTest {

    @TempDir
    Path dir;

    private static final SearchSpace SPACE = SearchSpaces.parse("s", "x: {uniform: [0, 1]}\n");
    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    /** Nine epochs of a fake training that checkpoints its epoch count; {@code onEpoch} may interfere. */
    private static WorkerBackend backend(String worker, List<String> log, java.util.function.IntConsumer onEpoch) {
        return new WorkerBackend() {
            @Override
            public Map<String, Double> run(TrialTask task, EpochReporter reporter) {
                int from = task.checkpoint() == null ? 0 : Integer.parseInt(new String(task.checkpoint()));
                log.add(worker + ":" + task.number() + "@" + from);
                double v = 0;
                for (int e = from + 1; e <= 9; e++) {
                    v = (Double) task.params().get("x") * e / 9;
                    onEpoch.accept(e);
                    reporter.report(e, v, Map.of("accuracy", v), Integer.toString(e).getBytes());
                }
                return Map.of("recall_macro", v);
            }

            @Override
            public Map<String, byte[]> results(int trial) {
                return Map.of("model.params", ("weights of " + trial).getBytes());
            }
        };
    }

    @Test
    void aTrialOfAWorkerThatDiesGoesOnElsewhereFromItsCheckpointAndIsCountedOnce() throws Exception {
        String cluster = "test-" + System.nanoTime();
        Map<Integer, String> saved = new ConcurrentHashMap<>();
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (Coordinator c = Coordinator.start(cluster, "127.0.0.1", 5810, true, "{\"job\": 1}",
                (trial, files) -> saved.put(trial, new String(files.get("model.params"))));
             Study study = Study.create(dir, new StudySettings(5, 3, null, "recall_macro", new java.util.TreeMap<>(Map.of("data", "f"))), SPACE,
                     new RandomSampler(), new FifoScheduler())) {
            Future<Worker.Exit> a = workers.submit(() -> new Worker(cluster, c.address(), 5000, "a", QUIET)
                    .serve(job -> backend("a", log, e -> {
                        if (e == 4 && killed.compareAndSet(false, true)) {
                            // the worker's connection dies abruptly after its checkpoint of epoch 3
                            HazelcastClient.getHazelcastClientByName("ecgbeats-worker-a").getLifecycleService()
                                    .terminate();
                        }
                    })));
            Future<Worker.Exit> b = workers.submit(() -> new Worker(cluster, c.address(), 5000, "b", QUIET)
                    .serve(job -> backend("b", log, e -> { })));
            List<Trial> trials = study.run(c, 16);
            assertEquals(5, trials.size());
            for (Trial t : trials) {
                assertEquals(TrialState.COMPLETE, t.state(), t.toString());
                assertEquals(9, t.epochs(), t.toString());
                assertEquals("weights of " + t.number(), saved.get(t.number()));
            }
            c.close();
            assertEquals(Worker.Exit.COORDINATOR_GONE, a.get(30, TimeUnit.SECONDS));
            assertEquals(Worker.Exit.STUDY_OVER, b.get(30, TimeUnit.SECONDS));
        } finally {
            workers.shutdownNow();
        }
        assertTrue(killed.get());
        List<JsonNode> events = ecgbeats.tune.JournalLines.read(dir.resolve(Study.JOURNAL));
        List<JsonNode> moved = events.stream().filter(e -> e.get("event").asText().equals("started")
                && e.get("epoch").asInt() > 0).toList();
        assertEquals(1, moved.size(), "one trial moved: " + moved);
        assertEquals(3, moved.get(0).get("epoch").asInt());
        assertEquals("b", moved.get(0).get("worker").asText());
        assertTrue(log.contains("b:" + moved.get(0).get("trial").asInt() + "@3"), log.toString());
        assertEquals(5, events.stream().filter(e -> e.get("event").asText().equals("completed")).count());
    }

    @Test
    void anEpochTheStudyCannotRecordFailsItsTrialInsteadOfHangingTheStudy() throws Exception {
        String cluster = "test-" + System.nanoTime();
        List<String> log = new CopyOnWriteArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(1);
        try (Coordinator c = Coordinator.start(cluster, "127.0.0.1", 5830, true, "{\"job\": 1}", (t, f) -> { })) {
            workers.submit(() -> new Worker(cluster, c.address(), 5000, "a", QUIET)
                    .serve(job -> backend("a", log, e -> { })));
            TrialRunner.EpochReporter journalOnAFullDisk = (epoch, value, metrics, checkpoint) -> {
                if (epoch == 2) {
                    throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
                }
                return ecgbeats.util.Decision.CONTINUE;
            };
            Exception e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> c.run(
                            new TrialTask(0, Map.of("x", 0.5), 1, 0, null), journalOnAFullDisk)));
            assertTrue(e.getMessage().contains("recording epoch 2 failed: java.io.IOException: No space left on device"),
                    e.getMessage());
            // the worker was told to stop and takes the next trial
            Map<String, Double> next = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(60), () -> c.run(new TrialTask(1, Map.of("x", 0.9), 1, 0, null),
                            (epoch, value, metrics, checkpoint) -> ecgbeats.util.Decision.CONTINUE));
            assertEquals(0.9, next.get("recall_macro"), 1e-9);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Any Serializable class would do: the cluster must not deserialize it. */
    record Intruder(String payload) implements Serializable {
    }

    @Test
    void onlyTheProjectsOwnMessagesAreAccepted() {
        String cluster = "test-" + System.nanoTime();
        try (Coordinator c = Coordinator.start(cluster, "127.0.0.1", 5830, true, "{}", (t, f) -> { })) {
            HazelcastInstance client = HazelcastClient.newHazelcastClient(ClusterConfigs.client(cluster, c.address(),
                    5000));
            try {
                client.getQueue("x").add(new Intruder("rm -rf"));
                HazelcastInstance member = Hazelcast.getHazelcastInstanceByName("ecgbeats-coordinator-" + cluster);
                assertThrows(HazelcastSerializationException.class, () -> member.getQueue("x").poll());
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void aWorkerWithoutACoordinatorLeaves() throws Exception {
        String cluster = "test-" + System.nanoTime();
        Coordinator c = Coordinator.start(cluster, "127.0.0.1", 5850, true, "{}", (t, f) -> { });
        ExecutorService workers = Executors.newSingleThreadExecutor();
        try {
            CopyOnWriteArrayList<String> log = new CopyOnWriteArrayList<>();
            Future<Worker.Exit> w = workers.submit(() -> new Worker(cluster, c.address(), 3000, "w", QUIET)
                    .serve(job -> backend("w", log, e -> { })));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (c.connectedWorkers() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Hazelcast.getHazelcastInstanceByName("ecgbeats-coordinator-" + cluster).getLifecycleService().terminate();
            assertEquals(Worker.Exit.COORDINATOR_GONE, w.get(60, TimeUnit.SECONDS));
        } finally {
            workers.shutdownNow();
        }
    }
}
