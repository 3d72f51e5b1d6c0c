package ecgbeats.tune;

import ecgbeats.util.Decision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs each trial in its own worker process (DJL's PyTorch engine allows one gradient
 * collector per JVM). The worker speaks in {@link TrialLine}s: after each epoch it waits for
 * {@code CONTINUE} or {@code STOP} on its standard input. Its other output goes to the trial's
 * log file. When an epoch says it wrote a checkpoint, the bytes of the launch's checkpoint file
 * go to the reporter with the epoch.
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
                TrialLine t = TrialLine.parse(line).orElse(null);
                if (t instanceof TrialLine.Epoch e) {
                    byte[] checkpoint = e.checkpoint() ? Files.readAllBytes(launch.checkpoint()) : null;
                    Decision d = reporter.report(e.epoch(), e.value(), e.metrics(), checkpoint);
                    answer.println(d.name());
                    answer.flush();
                } else if (t instanceof TrialLine.Done done) {
                    result = done.metrics();
                } else if (t instanceof TrialLine.Failed f) {
                    failure = f.reason();
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
}
