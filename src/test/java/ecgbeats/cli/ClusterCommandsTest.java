package ecgbeats.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ecgbeats.cli.StudyFixtures.events;
import static ecgbeats.cli.StudyFixtures.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real studies on loopback with worker processes: one killed mid-trial, one started by hand. */
@org.junit.jupiter.api.Tag("process")
class ClusterCommandsTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path space;

    @BeforeAll
    static void dataset() throws IOException {
        data = StudyFixtures.dataset(dir);
        space = StudyFixtures.space(dir, 4, 6);
    }

    private static List<String> tune(Path out, int workers, int trials, int epochs) {
        return List.of("tune", "--data", data.toString(), "--model", "cnn2d", "--space", space.toString(), "--search",
                "random", "--trials", Integer.toString(trials), "--epochs", Integer.toString(epochs), "--workers",
                Integer.toString(workers), "--worker-threads", "1", "--status-every", "0", "--out", out.toString());
    }

    private static void assertEachTrialCompletedOnce(Path study, int trials) {
        List<Integer> completed = events(study, "completed").stream().map(e -> e.get("trial").asInt()).sorted()
                .toList();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            expected.add(i);
        }
        assertEquals(expected, completed, "failed: " + events(study, "failed"));
    }

    @Test
    void aWorkerKilledMidTrialLosesNothing() throws Exception {
        Path study = dir.resolve("killed");
        Process tune = start(dir.resolve("killed.log"), tune(study, 2, 3, 4).toArray(String[]::new));
        // SIGKILL the worker of the first trial that has a checkpoint and is not finished
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        JsonNode victim = null;
        while (victim == null && System.nanoTime() < deadline && tune.isAlive()) {
            Optional<JsonNode> e = events(study, "epoch").stream()
                    .filter(x -> x.get("epoch").asInt() == 1 && x.get("checkpoint").asBoolean()).findFirst();
            if (e.isPresent()) {
                victim = e.get();
            }
            Thread.sleep(20);
        }
        assertTrue(victim != null, Files.readString(dir.resolve("killed.log")));
        int trial = victim.get("trial").asInt();
        String worker = events(study, "started").stream().filter(s -> s.get("trial").asInt() == trial)
                .reduce((a, b) -> b).orElseThrow().get("worker").asText();
        ProcessHandle workerProcess = tune.descendants()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(worker)).orElse(false)).findFirst()
                .orElseThrow(() -> new AssertionError("no process for " + worker));
        workerProcess.destroyForcibly();

        assertTrue(tune.waitFor(3, TimeUnit.MINUTES), "the study did not finish");
        String log = Files.readString(dir.resolve("killed.log"));
        assertEquals(0, tune.exitValue(), log);
        assertEachTrialCompletedOnce(study, 3);
        List<JsonNode> moves = events(study, "started").stream()
                .filter(s -> s.get("trial").asInt() == trial && s.get("epoch").asInt() > 0).toList();
        assertEquals(1, moves.size(), "trial " + trial + " should have moved once: " + events(study, "started"));
        assertTrue(!moves.get(0).get("worker").asText().equals(worker), moves.toString());
        assertTrue(Files.exists(study.resolve("best/metrics.json")), log);
    }

    @Test
    void aWorkerStartedByHandServesAStudyWithoutLocalWorkers() throws Exception {
        Path study = dir.resolve("byhand");
        Path tuneLog = dir.resolve("byhand.log");
        Process tune = start(tuneLog, tune(study, 0, 2, 2).toArray(String[]::new));
        Pattern join = Pattern.compile("worker --join (\\S+) --study (\\S+)");
        Matcher m = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline && tune.isAlive()) {
            Matcher found = join.matcher(Files.readString(tuneLog));
            if (found.find()) {
                m = found;
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(m != null, Files.readString(tuneLog));
        Path workerLog = dir.resolve("byhand-worker.log");
        Process worker = start(workerLog, "worker", "--join", m.group(1), "--study", m.group(2), "--name", "by-hand",
                "--threads", "1");
        assertTrue(tune.waitFor(3, TimeUnit.MINUTES), "the study did not finish");
        assertEquals(0, tune.exitValue(), Files.readString(tuneLog));
        assertTrue(worker.waitFor(1, TimeUnit.MINUTES), "the worker did not leave");
        assertEquals(0, worker.exitValue(), Files.readString(workerLog));
        assertTrue(Files.readString(workerLog).contains("the study is over"), Files.readString(workerLog));
        assertEachTrialCompletedOnce(study, 2);
        assertTrue(events(study, "started").stream().allMatch(s -> s.get("worker").asText().equals("by-hand")));
    }

    @Test
    void aWorkerWithNothingToJoinSaysSo() {
        Cli.Run r = Cli.run("worker", "--join", "no-port", "--study", "x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--join no-port: expected HOST:PORT"), r.err());
        r = Cli.run("worker", "--join", "127.0.0.1:5999", "--study", "ecgbeats-none", "--connect-timeout", "2");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("no study ecgbeats-none answers there"), r.err());
    }

    @Test
    void aWorkerWhoseCoordinatorDiesLeavesWithExitCodeOne(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path data = StudyFixtures.dataset(tmp);
        String job = new ecgbeats.study.StudyJob(data.toString(), ecgbeats.data.DatasetFile.sha256(data), "cnn2d", 1, 0.2,
                "recall_macro").toJson();
        String name = "gone-" + System.nanoTime();
        ecgbeats.cluster.Coordinator c = ecgbeats.cluster.Coordinator.start(name, "127.0.0.1", 5870, true, job,
                (trial, files) -> { });
        java.util.concurrent.CompletableFuture<Cli.Run> worker = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Cli.run("worker", "--join", c.address(), "--study", name, "--connect-timeout", "2"));
        assertTrue(c.awaitCapacity(60, TimeUnit.SECONDS), "the worker joined and asked for a trial");
        // the coordinator's machine goes away without a word
        com.hazelcast.core.Hazelcast.getAllHazelcastInstances().stream()
                .filter(h -> h.getConfig().getClusterName().equals(name))
                .forEach(h -> h.getLifecycleService().terminate());
        Cli.Run r = worker.get(2, TimeUnit.MINUTES);
        assertEquals(1, r.code(), "OUT " + r.out() + " ERR " + r.err());
        assertTrue(r.err().contains("coordinator at " + c.address() + " is gone; this worker leaves"), "ERR " + r.err());
    }
}
