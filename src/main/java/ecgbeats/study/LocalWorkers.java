package ecgbeats.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The worker processes {@code tune --workers N} starts on this machine; each logs to OUT/workers/local-K.log. */
public final class LocalWorkers implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();

    private LocalWorkers() {
    }

    /** Starts {@code n} workers of the study {@code cluster} at {@code address}, {@code threads} PyTorch threads each. */
    public static LocalWorkers start(ProcessCommands commands, int n, String address, String cluster, int threads, Path logs)
            throws IOException {
        LocalWorkers w = new LocalWorkers();
        if (n > 0) {
            Files.createDirectories(logs);
        }
        try {
            for (int k = 1; k <= n; k++) {
                String name = "local-" + k;
                List<String> cmd = commands.worker(address, cluster, name, threads);
                w.processes.add(new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile())).start());
            }
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    /** Whether local workers were started and all of them have exited. */
    public boolean allExited() {
        return !processes.isEmpty() && processes.stream().noneMatch(Process::isAlive);
    }

    /** Waits a little for the workers to leave (the coordinator tells them to when the study is over), then kills them. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (Process p : processes) {
            try {
                if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
