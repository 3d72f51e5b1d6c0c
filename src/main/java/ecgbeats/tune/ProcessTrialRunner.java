package ecgbeats.tune;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs each trial in its own worker process (DJL's PyTorch engine allows one gradient
 * collector per JVM). The worker prints {@code @epoch {json}} after each epoch and waits for
 * {@code CONTINUE} or {@code STOP} on its standard input; it ends with {@code @done {json}}
 * holding its final validation metrics. Its other output goes to the trial's log file. When an
 * epoch's JSON says {@code "checkpoint": true}, the worker has just written its checkpoint to
 * the launch's checkpoint file, whose bytes go to the reporter with the epoch.
 */
public final class ProcessTrialRunner implements TrialRunner, AutoCloseable {

    /**
     * Prepares a trial's folder (with the task's checkpoint, if any, where the worker will read
     * it) and returns the worker's command line, log file and checkpoint file.
     */
    @FunctionalInterface
    public interface Launcher {
        Launch prepare(TrialTask task) throws IOException;
    }

    /** A worker command, where its output goes and where it writes its checkpoints. */
    public record Launch(List<String> command, Path log, Path checkpoint) {
    }

    public static final String EPOCH = "@epoch ";
    public static final String DONE = "@done ";
    /** The trial failed for a reason of its own (e.g. a loss that is not finite): {@code @failed {"reason": ...}}. */
    public static final String FAILED = "@failed ";

    private final Launcher launcher;
    private final java.util.Set<Process> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ProcessTrialRunner(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Map<String, Double> run(TrialTask task, EpochReporter reporter) throws Exception {
        Launch launch = launcher.prepare(task);
        Process p = new ProcessBuilder(launch.command()).redirectErrorStream(true).start();
        live.add(p);
        Map<String, Double> result = null;
        String failure = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter answer = new PrintWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(launch.log(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(EPOCH)) {
                    JsonNode e = Journal.JSON.readTree(line.substring(EPOCH.length()));
                    byte[] checkpoint = e.path("checkpoint").asBoolean(false) ? Files.readAllBytes(launch.checkpoint())
                            : null;
                    Decision d = reporter.report(e.get("epoch").asInt(), e.get("value").asDouble(),
                            metrics(e.get("metrics")), checkpoint);
                    answer.println(d.name());
                    answer.flush();
                } else if (line.startsWith(DONE)) {
                    result = metrics(Journal.JSON.readTree(line.substring(DONE.length())));
                } else if (line.startsWith(FAILED)) {
                    failure = Journal.JSON.readTree(line.substring(FAILED.length())).path("reason").asText();
                } else {
                    log.write(line);
                    log.write('\n');
                    log.flush();
                }
            }
        } catch (Exception | Error e) {
            p.destroyForcibly(); // the reporter gave up (its study is gone): so does the trial
            throw e;
        } finally {
            p.waitFor();
            live.remove(p);
            Files.deleteIfExists(launch.checkpoint());
        }
        if (failure != null) {
            throw new TrialFailed(failure);
        }
        if (p.exitValue() != 0 && result == null) {
            throw new IOException("worker exited with code " + p.exitValue() + "; see " + launch.log());
        }
        if (result == null) {
            throw new IOException("worker ended without a result; see " + launch.log());
        }
        return result;
    }

    /** Kills the workers still running (their trials are abandoned). */
    @Override
    public void close() {
        live.forEach(Process::destroyForcibly);
    }

    /** A trial that ended with a reason of its own, which becomes its FAILED reason in the journal. */
    public static final class TrialFailed extends Exception {
        public TrialFailed(String reason) {
            super(reason);
        }
    }

    private static Map<String, Double> metrics(JsonNode node) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (node != null) {
            node.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asDouble()));
        }
        return m;
    }
}
