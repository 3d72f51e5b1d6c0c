package ecgbeats.cluster;

import ecgbeats.tune.FifoScheduler;
import ecgbeats.tune.RandomSampler;
import ecgbeats.tune.SearchSpace;
import ecgbeats.tune.Study;
import ecgbeats.tune.StudySettings;
import ecgbeats.tune.TrialTask;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the cluster itself costs: a real study (journal on disk, checkpoints written) whose
 * trials do no training, served by workers over loopback. Measures the time from the study
 * handing a trial to the coordinator until a worker starts it (dispatch), and the round trip of
 * an epoch report with its checkpoint until the worker has the verdict (report).
 */
public final class ClusterBenchmark {

    /** Median and 95th percentile of each overhead, in milliseconds. */
    public record Result(int trials, int epochs, int checkpointBytes, int workers, double dispatchMedianMs,
                         double dispatchP95Ms, double reportMedianMs, double reportP95Ms, double seconds) {
    }

    private ClusterBenchmark() {
    }

    public static Result run(Path dir, int trials, int epochs, int checkpointBytes, int workers, PrintStream log)
            throws Exception {
        String cluster = "ecgbeats-bench-" + System.nanoTime();
        Map<Integer, Long> handedOver = new ConcurrentHashMap<>();
        List<Double> dispatch = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> report = java.util.Collections.synchronizedList(new ArrayList<>());
        byte[] checkpoint = new byte[checkpointBytes];
        new Random(1).nextBytes(checkpoint); // incompressible, like weights
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        try (Coordinator c = Coordinator.start(cluster, "127.0.0.1", 5910, true, "{}", (t, f) -> { });
             Study study = Study.create(dir, new StudySettings(trials, 1, null, "recall_macro",
                     new java.util.TreeMap<>(Map.of("study", "cluster-bench"))),
                     new SearchSpace(Map.of("x", new ecgbeats.tune.Domain.Numeric(
                             ecgbeats.tune.Domain.Numeric.Kind.UNIFORM, 0, 1, 0))), new RandomSampler(),
                     new FifoScheduler())) {
            for (int w = 0; w < workers; w++) {
                String name = "bench-" + w;
                pool.submit(() -> new Worker(cluster, c.address(), 10_000, name, log).serve(job -> new WorkerBackend() {
                    @Override
                    public Map<String, Double> run(TrialTask task, EpochReporter reporter) {
                        dispatch.add((System.nanoTime() - handedOver.get(task.number())) / 1e6);
                        for (int e = 1; e <= epochs; e++) {
                            long t0 = System.nanoTime();
                            reporter.report(e, 0.5, Map.of("accuracy", 0.5), checkpointBytes > 0 ? checkpoint : null);
                            report.add((System.nanoTime() - t0) / 1e6);
                        }
                        return Map.of("recall_macro", 0.5);
                    }

                    @Override
                    public Map<String, byte[]> results(int trial) {
                        return Map.of();
                    }
                }));
            }
            study.run(new TimingRunner(c, handedOver), 64);
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(trials, epochs, checkpointBytes, workers, percentile(dispatch, 50), percentile(dispatch, 95),
                percentile(report, 50), percentile(report, 95), seconds);
    }

    /** The coordinator, noting when each trial is handed to it. */
    private record TimingRunner(Coordinator c, Map<Integer, Long> handedOver) implements ecgbeats.tune.TrialRunner {
        @Override
        public Map<String, Double> run(TrialTask task, EpochReporter reporter) throws Exception {
            handedOver.put(task.number(), System.nanoTime());
            return c.run(task, reporter);
        }

        @Override
        public boolean reportsPlacement() {
            return true;
        }

        @Override
        public boolean awaitCapacity(long timeout, TimeUnit unit) throws InterruptedException {
            return c.awaitCapacity(timeout, unit);
        }
    }

    static double percentile(List<Double> values, double q) {
        double[] v;
        synchronized (values) {
            v = values.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        return v[(int) Math.min(v.length - 1, Math.ceil(q / 100 * v.length) - 1)];
    }
}
