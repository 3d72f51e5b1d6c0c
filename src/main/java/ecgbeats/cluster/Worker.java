package ecgbeats.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import ecgbeats.util.Decision;
import ecgbeats.tune.TrialRunner;
import ecgbeats.tune.TrialTask;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A machine's side of the cluster: joins a study's coordinator as a Hazelcast client, asks for
 * a trial whenever it is idle, runs it with its {@link WorkerBackend}, streams each epoch (and
 * its checkpoint) to the coordinator and obeys the verdict, then sends the result and the
 * run's files. One trial at a time. Leaves when the study is over or its coordinator is gone.
 */
public final class Worker {

    /** Why a worker ended. */
    public enum Exit { STUDY_OVER, COORDINATOR_GONE }

    /** The coordinator could not be reached at all, or it serves no study. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** How long a worker waits for the coordinator to answer an epoch before it gives up on it. */
    private static final long VERDICT_TIMEOUT_SECONDS = 600;

    private static final ObjectMapper JSON = ecgbeats.util.Json.MAPPER;

    private final ClientConfig config;
    private final String name;
    private final PrintStream log;
    /** The number of this worker's next request; one thread uses a worker. */
    private int sequence = 1;

    /**
     * @param clusterName   the study's cluster name
     * @param address       the coordinator's host:port
     * @param connectMillis how long to try to reach (or reach again) the coordinator
     * @param name          how the study's journal names this worker
     */
    public Worker(String clusterName, String address, long connectMillis, String name, PrintStream log) {
        this.config = ClusterConfigs.client(clusterName, address, connectMillis);
        this.config.setInstanceName("ecgbeats-worker-" + name);
        this.config.setProperty("hazelcast.client.invocation.timeout.seconds",
                Long.toString(Math.max(10, connectMillis / 1000)));
        this.name = name;
        this.log = log;
    }

    /**
     * Joins and serves trials until the study is over or the coordinator is gone. {@code backends}
     * makes the backend from the study's job description (once, on joining).
     *
     * @throws Unreachable when the coordinator cannot be reached at all, or serves no study
     */
    public Exit serve(Function<String, WorkerBackend> backends) {
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(config);
        } catch (RuntimeException e) { // Hazelcast gives up connecting with an IllegalStateException
            throw new Unreachable("no coordinator answers at " + config.getNetworkConfig().getAddresses(), e);
        }
        AtomicBoolean connected = new AtomicBoolean(true);
        client.getLifecycleService().addLifecycleListener(e -> {
            switch (e.getState()) {
                case CLIENT_CONNECTED -> connected.set(true);
                case CLIENT_DISCONNECTED -> connected.set(false);
                default -> { }
            }
        });
        try {
            String id = client.getLocalEndpoint().getUuid().toString();
            String job = null;
            while (job == null) {
                try {
                    job = (String) link(() -> client.getMap(Coordinator.JOB).get("job"));
                    if (job == null) {
                        throw new Unreachable("the cluster has no study to serve", null);
                    }
                } catch (LinkFailure e) {
                    if (!reconnected(client, connected)) {
                        return leave();
                    }
                }
            }
            WorkerBackend backend = backends.apply(job);
            log.printf("worker %s joined the study at %s%n", name, config.getNetworkConfig().getAddresses());
            while (true) {
                try {
                    if (serveTrials(client, id, backend)) {
                        log.printf("worker %s: the study is over%n", name);
                        return Exit.STUDY_OVER;
                    }
                } catch (LinkFailure e) {
                    // the trial in hand is abandoned (the coordinator moves it)
                    if (!reconnected(client, connected)) {
                        return leave();
                    }
                }
                sequence++; // a request answered while the connection was down must not be repeated
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exit.COORDINATOR_GONE;
        } finally {
            client.shutdown();
        }
    }

    /**
     * After a link failure, waits for the client to reconnect: false when it gave up instead
     * (its connect timeout passed without the coordinator).
     */
    private static boolean reconnected(HazelcastInstance client, AtomicBoolean connected) throws InterruptedException {
        do {
            Thread.sleep(200); // the disconnect event may trail the failure that it explains
        } while (client.getLifecycleService().isRunning() && !connected.get());
        return client.getLifecycleService().isRunning();
    }

    private Exit leave() {
        log.printf("worker %s: lost the coordinator; leaving%n", name);
        return Exit.COORDINATOR_GONE;
    }

    /** Asks for and runs trials until told to leave (true); Hazelcast failures propagate. */
    private boolean serveTrials(HazelcastInstance client, String id, WorkerBackend backend)
            throws InterruptedException {
        IQueue<Messages.WorkRequest> requests = link(() -> client.getQueue(Coordinator.REQUESTS));
        IQueue<Messages.Assignment> inbox = link(() -> client.getQueue(Coordinator.inbox(id)));
        IQueue<Messages.Report> reports = link(() -> client.getQueue(Coordinator.REPORTS));
        IQueue<Messages.Verdict> verdicts = link(() -> client.getQueue(Coordinator.verdicts(id)));
        for (; ; sequence++) {
            Messages.Assignment a = null;
            while (a == null) {
                Messages.WorkRequest request = new Messages.WorkRequest(id, name, sequence);
                link(() -> requests.add(request));
                a = link(() -> inbox.poll(10, TimeUnit.SECONDS));
            }
            if (a.isLeave()) {
                return true;
            }
            runTrial(id, a, backend, reports, verdicts);
        }
    }

    /**
     * The link to the coordinator failed (a Hazelcast call threw, or no verdict came in time),
     * as opposed to the trial itself: the worker waits to reconnect instead of reporting a failed
     * trial. Only {@link #link} and the verdict wait throw it, so the cause's origin is known.
     */
    private static final class LinkFailure extends RuntimeException {
        LinkFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A call to the cluster. */
    @FunctionalInterface
    private interface ClusterCall<T> {
        T call() throws InterruptedException;
    }

    /** Runs a Hazelcast call, its runtime failures marked as the link's. */
    private static <T> T link(ClusterCall<T> call) throws InterruptedException {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw new LinkFailure("the cluster call failed: " + e, e);
        }
    }

    private void runTrial(String id, Messages.Assignment a, WorkerBackend backend, IQueue<Messages.Report> reports,
                          IQueue<Messages.Verdict> verdicts) throws InterruptedException {
        Map<String, Object> params;
        try {
            params = JSON.readValue(a.params(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("the coordinator sent parameters that are not JSON", e);
        }
        TrialTask task = new TrialTask(a.trial(), params, a.seed(), a.fromEpoch(), a.checkpoint());
        // a.attempt() numbers hand-overs across the whole study; what a reader wants is where the trial starts
        log.printf("worker %s: trial %d%s%n", name, a.trial(),
                a.fromEpoch() > 0 ? " from the checkpoint after epoch " + a.fromEpoch() : ", from the start");
        TrialRunner.EpochReporter reporter = (epoch, value, metrics, checkpoint) -> {
            Messages.Report report = new Messages.Report(id, a.trial(), a.attempt(), Messages.Kind.EPOCH, epoch,
                    value, json(metrics), checkpoint, null, null);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(VERDICT_TIMEOUT_SECONDS);
            try {
                link(() -> reports.add(report));
                while (System.nanoTime() < end) {
                    Messages.Verdict v = link(() -> verdicts.poll(1, TimeUnit.SECONDS));
                    if (v != null && v.trial() == a.trial() && v.attempt() == a.attempt()) {
                        return v.stop() ? Decision.STOP : Decision.CONTINUE;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LinkFailure("interrupted while waiting for a verdict", e);
            }
            throw new LinkFailure("no verdict for trial " + a.trial() + " epoch " + epoch, null);
        };
        Messages.Report end;
        try {
            Map<String, Double> metrics = backend.run(task, reporter);
            Map<String, byte[]> files = backend.results(a.trial());
            Messages.FileBlob[] blobs = files.entrySet().stream()
                    .map(f -> new Messages.FileBlob(f.getKey(), f.getValue())).toArray(Messages.FileBlob[]::new);
            end = new Messages.Report(id, a.trial(), a.attempt(), Messages.Kind.DONE, 0, 0, json(metrics), null, blobs,
                    null);
        } catch (LinkFailure e) {
            throw e;
        } catch (Exception e) {
            log.printf("worker %s: trial %d failed: %s%n", name, a.trial(), e.getMessage());
            end = new Messages.Report(id, a.trial(), a.attempt(), Messages.Kind.FAILED, 0, 0, null, null, null,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
        Messages.Report last = end;
        link(() -> reports.add(last));
    }

    private static String json(Map<String, Double> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
