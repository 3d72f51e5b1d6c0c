package ecgbeats.study;

import ecgbeats.cluster.Coordinator;
import ecgbeats.tune.Study;
import ecgbeats.tune.Trial;
import ecgbeats.tune.TrialFiles;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a study's trials: starts its coordinator and this machine's local workers, prints the
 * status table every so often, and gives up when every local worker has died with no other
 * worker connected (the study would wait for ever).
 *
 * @param plan          the study's plan
 * @param commands      how to start worker processes
 * @param host          where the coordinator listens
 * @param port          the first port it tries
 * @param autoIncrement whether it may take the next free port
 * @param workers       local workers to start
 * @param workerThreads PyTorch threads per trial in them (0: PyTorch's default)
 * @param statusEvery   seconds between status tables (0: none)
 * @param out           the study folder (its workers' logs go to OUT/workers)
 */
public record StudyRun(StudyPlan plan, ProcessCommands commands, String host, int port, boolean autoIncrement, int workers,
                       int workerThreads, int statusEvery, Path out) {

    /** More trials than this never run at once, whatever the number of workers. */
    static final int MAX_RUNNING = 256;

    /** Runs {@code study}'s trials; {@code started} hears the coordinator's address, {@code status} prints the table. */
    public List<Trial> run(Study study, TrialFiles files, java.util.function.Consumer<String> started, Runnable status,
                           PrintStream err) throws Exception {
        try (Coordinator coordinator = Coordinator.start(plan.cluster(), host, port, autoIncrement, plan.job().toJson(),
                files::save);
             LocalWorkers local = LocalWorkers.start(commands, workers, coordinator.address(), plan.cluster(),
                     workerThreads, out.resolve("workers"))) {
            started.accept(coordinator.address());
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "status");
                t.setDaemon(true);
                return t;
            });
            if (statusEvery > 0) {
                timer.scheduleAtFixedRate(status, statusEvery, statusEvery, TimeUnit.SECONDS);
            }
            timer.scheduleAtFixedRate(() -> {
                if (local.allExited() && coordinator.connectedWorkers() == 0) {
                    err.println("ecgbeats: the local workers have exited and no other worker is connected; see "
                            + out.resolve("workers"));
                    coordinator.close();
                }
            }, 5, 5, TimeUnit.SECONDS);
            try {
                return study.run(coordinator, MAX_RUNNING);
            } finally {
                timer.shutdownNow();
                coordinator.close(); // the local workers leave now
            }
        }
    }
}
