package ecgbeats.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import ecgbeats.util.Decision;
import ecgbeats.tune.TrialAbandoned;
import ecgbeats.tune.TrialRunner;
import ecgbeats.tune.TrialTask;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The study's side of the cluster: an embedded Hazelcast member that hands trials to workers
 * and relays their epochs to the study. As a {@link TrialRunner}, {@code run} blocks until the
 * trial has finished on some worker, wherever it ran.
 *
 * <p>Workers pull: an idle worker asks, and gets the oldest waiting trial, so a slow machine
 * simply takes fewer. Each hand-over is an attempt with its own number; news from any other
 * attempt of a trial is ignored (a stale epoch gets STOP), so no trial is counted twice. When
 * a worker leaves or falls silent (Hazelcast's client heartbeat), its trial goes back to the
 * front of the queue with the last checkpoint it reported, and the next idle worker goes on
 * from there. Epoch reports and departures are handled on one thread, in order, so a trial is
 * never moved while one of its epochs is being recorded.
 */
public final class Coordinator implements TrialRunner, AutoCloseable {

    static final String REQUESTS = "ecgbeats.requests";
    static final String REPORTS = "ecgbeats.reports";
    static final String JOB = "ecgbeats.job";

    private static final ObjectMapper JSON = ecgbeats.util.Json.MAPPER;

    static String inbox(String worker) {
        return "ecgbeats.inbox." + worker;
    }

    static String verdicts(String worker) {
        return "ecgbeats.verdicts." + worker;
    }

    /** A trial waiting for a worker. */
    private record Pending(TrialTask task, EpochReporter reporter, CompletableFuture<Map<String, Double>> result) {
    }

    /** A trial on a worker, with the last checkpoint it reported. */
    private static final class Running {
        final Pending pending;
        final String worker;
        final int attempt;
        int checkpointEpoch;
        byte[] checkpoint;

        Running(Pending pending, String worker, int attempt) {
            this.pending = pending;
            this.worker = worker;
            this.attempt = attempt;
            this.checkpointEpoch = pending.task().fromEpoch();
            this.checkpoint = pending.task().checkpoint();
        }
    }

    private final HazelcastInstance hz;
    private final ResultSink results;
    private final String address;
    private final Object lock = new Object();
    // all guarded by lock
    private final Map<String, Messages.WorkRequest> idle = new LinkedHashMap<>();
    private final Map<String, Integer> served = new HashMap<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Map<Integer, Running> running = new HashMap<>();
    private int reserved;
    private int attempts;
    private boolean closed;

    private final BlockingQueue<String> departures = new LinkedBlockingQueue<>();
    private final Thread requestLoop;
    private final Thread reportLoop;

    private Coordinator(HazelcastInstance hz, String job, ResultSink results) {
        this.hz = hz;
        this.results = results;
        var a = hz.getCluster().getLocalMember().getAddress();
        this.address = a.getHost() + ":" + a.getPort();
        hz.getMap(JOB).put("job", job);
        hz.getClientService().addClientListener(new ClientListener() {
            @Override
            public void clientConnected(Client client) {
            }

            @Override
            public void clientDisconnected(Client client) {
                departures.add(client.getUuid().toString());
            }
        });
        requestLoop = new Thread(this::takeRequests, "cluster-requests");
        reportLoop = new Thread(this::takeReports, "cluster-reports");
        requestLoop.setDaemon(true);
        reportLoop.setDaemon(true);
        requestLoop.start();
        reportLoop.start();
    }

    /**
     * Starts the member of cluster {@code clusterName} on {@code host:port} (the next free port
     * when {@code portAutoIncrement}); workers learn the study's {@code job} description from it.
     */
    public static Coordinator start(String clusterName, String host, int port, boolean portAutoIncrement, String job,
                                    ResultSink results) {
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(
                ClusterConfigs.member(clusterName, host, port, portAutoIncrement));
        return new Coordinator(hz, job, results);
    }

    /** Where workers join: host:port. */
    public String address() {
        return address;
    }

    /** Workers connected now. */
    public int connectedWorkers() {
        return hz.getClientService().getConnectedClients().size();
    }

    @Override
    public boolean reportsPlacement() {
        return true;
    }

    /** @throws IllegalStateException once the coordinator is closed: no trial will start again */
    @Override
    public boolean awaitCapacity(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (idle.size() - pending.size() - reserved <= 0) {
                if (closed) {
                    throw new IllegalStateException("the coordinator is closed");
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            reserved++;
            return true;
        }
    }

    @Override
    public Map<String, Double> run(TrialTask task, EpochReporter reporter) throws Exception {
        CompletableFuture<Map<String, Double>> result = new CompletableFuture<>();
        synchronized (lock) {
            if (closed) {
                throw new TrialAbandoned("the coordinator is closed");
            }
            reserved = Math.max(0, reserved - 1);
            pending.addLast(new Pending(task, reporter, result));
            dispatch();
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** Hands waiting trials to idle workers, oldest first. Called with the lock held. */
    private void dispatch() {
        while (!pending.isEmpty() && !idle.isEmpty()) {
            Messages.WorkRequest w = idle.values().iterator().next();
            idle.remove(w.worker());
            served.put(w.worker(), w.sequence());
            Pending p = pending.pollFirst();
            Running r = new Running(p, w.worker(), ++attempts);
            running.put(p.task().number(), r);
            p.reporter().started(w.name(), p.task().fromEpoch());
            String params;
            try {
                params = JSON.writeValueAsString(p.task().params());
            } catch (IOException e) {
                throw new IllegalStateException(e); // plain values
            }
            hz.<Messages.Assignment>getQueue(inbox(w.worker())).add(new Messages.Assignment(p.task().number(),
                    r.attempt, params, p.task().seed(), p.task().fromEpoch(), p.task().checkpoint()));
        }
        lock.notifyAll();
    }

    private void takeRequests() {
        IQueue<Messages.WorkRequest> requests = hz.getQueue(REQUESTS);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Messages.WorkRequest w = requests.poll(1, TimeUnit.SECONDS);
                if (w == null) {
                    continue;
                }
                synchronized (lock) {
                    boolean connected = hz.getClientService().getConnectedClients().stream()
                            .anyMatch(c -> c.getUuid().toString().equals(w.worker()));
                    if (connected && w.sequence() > served.getOrDefault(w.worker(), 0)) {
                        idle.put(w.worker(), w);
                        dispatch();
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!hz.getLifecycleService().isRunning()) {
                    return;
                }
            }
        }
    }

    private void takeReports() {
        IQueue<Messages.Report> reports = hz.getQueue(REPORTS);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (String gone; (gone = departures.poll()) != null; ) {
                    depart(gone);
                }
                Messages.Report r = reports.poll(200, TimeUnit.MILLISECONDS);
                if (r != null) {
                    handle(r);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!hz.getLifecycleService().isRunning()) {
                    return;
                }
            }
        }
    }

    /** A worker left or fell silent: its trial goes back to the front of the queue, from its last checkpoint. */
    private void depart(String worker) {
        synchronized (lock) {
            idle.remove(worker);
            List<Integer> lost = new ArrayList<>();
            running.forEach((trial, r) -> {
                if (r.worker.equals(worker)) {
                    lost.add(trial);
                }
            });
            for (int trial : lost) {
                Running r = running.remove(trial);
                TrialTask t = r.pending.task();
                pending.addFirst(new Pending(new TrialTask(t.number(), t.params(), t.seed(), r.checkpointEpoch,
                        r.checkpoint), r.pending.reporter(), r.pending.result()));
            }
            dispatch();
        }
        hz.getQueue(inbox(worker)).destroy();
        hz.getQueue(verdicts(worker)).destroy();
    }

    private Running current(Messages.Report r) {
        synchronized (lock) {
            Running run = running.get(r.trial());
            return run != null && run.attempt == r.attempt() ? run : null;
        }
    }

    private void handle(Messages.Report r) {
        Running run = current(r);
        if (run == null) {
            if (r.kind() == Messages.Kind.EPOCH) {
                hz.<Messages.Verdict>getQueue(verdicts(r.worker())).add(new Messages.Verdict(r.trial(), r.attempt(),
                        true));
            }
            return; // an attempt that no longer counts
        }
        switch (r.kind()) {
            case EPOCH -> {
                Decision d;
                try {
                    d = run.pending.reporter().report(r.epoch(), r.value(), metrics(r.metrics()), r.checkpoint());
                } catch (RuntimeException e) {
                    // the study could not take the epoch (e.g. its journal write failed): the trial fails here,
                    // and its worker is told to stop rather than wait for a verdict that would never come
                    finish(run);
                    hz.<Messages.Verdict>getQueue(verdicts(r.worker())).add(new Messages.Verdict(r.trial(),
                            r.attempt(), true));
                    run.pending.result().completeExceptionally(new IOException("trial " + r.trial()
                            + ": recording epoch " + r.epoch() + " failed: " + e.getMessage(), e));
                    return;
                }
                if (r.checkpoint() != null) {
                    synchronized (lock) {
                        run.checkpoint = r.checkpoint();
                        run.checkpointEpoch = r.epoch();
                    }
                }
                hz.<Messages.Verdict>getQueue(verdicts(r.worker())).add(new Messages.Verdict(r.trial(), r.attempt(),
                        d == Decision.STOP));
            }
            case DONE -> {
                finish(run);
                try {
                    Map<String, byte[]> files = new LinkedHashMap<>();
                    for (Messages.FileBlob f : r.files() == null ? new Messages.FileBlob[0] : r.files()) {
                        files.put(f.name(), f.content());
                    }
                    results.save(r.trial(), files);
                    run.pending.result().complete(metrics(r.metrics()));
                } catch (IOException | RuntimeException e) {
                    run.pending.result().completeExceptionally(e);
                }
            }
            case FAILED -> {
                finish(run);
                run.pending.result().completeExceptionally(new IOException(r.error()));
            }
        }
    }

    private void finish(Running run) {
        synchronized (lock) {
            running.remove(run.pending.task().number());
        }
    }

    private static Map<String, Double> metrics(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<LinkedHashMap<String, Double>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("a worker sent metrics that are not JSON", e);
        }
    }

    /**
     * Tells idle workers the study is over, abandons trials still waiting or running (they stay
     * RUNNING in the study, for a resume), and leaves the cluster.
     */
    @Override
    public void close() {
        List<Pending> dropped = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (String w : idle.keySet()) {
                hz.<Messages.Assignment>getQueue(inbox(w)).add(Messages.Assignment.leave());
            }
            idle.clear();
            dropped.addAll(pending);
            running.values().forEach(r -> dropped.add(r.pending));
            pending.clear();
            running.clear();
            lock.notifyAll();
        }
        dropped.forEach(p -> p.result().completeExceptionally(new TrialAbandoned("the coordinator closed")));
        requestLoop.interrupt();
        reportLoop.interrupt();
        try {
            requestLoop.join(5000);
            reportLoop.join(5000);
            // workers that asked while the loops were stopping are told too
            for (Messages.WorkRequest w; (w = hz.<Messages.WorkRequest>getQueue(REQUESTS).poll()) != null; ) {
                hz.<Messages.Assignment>getQueue(inbox(w.worker())).add(Messages.Assignment.leave());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the member is going away anyway
        }
        hz.shutdown();
    }
}
