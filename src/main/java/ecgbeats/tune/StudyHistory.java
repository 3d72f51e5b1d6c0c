package ecgbeats.tune;

import ecgbeats.util.BadInputException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a study's journal says happened, replayed: every trial as it stands, and the epochs that
 * still count. An epoch reported by an attempt that a later {@code started} or {@code resumed}
 * event went back behind (a trial moved to another worker, or resumed from an earlier
 * checkpoint) no longer counts. The one replay of the journal: {@link Study#resume} and the
 * study report both read through it, so they cannot disagree.
 *
 * @param header       the journal's first event (identity, fingerprint, seed, objective, time)
 * @param trials       every trial, in creation order
 * @param epochs       per trial, the epoch events that count, in journal order
 * @param checkpointed per trial, the last epoch that reported a checkpoint and still counts
 * @param finished     per finished trial, when it finished
 */
public record StudyHistory(JournalEvent.StudyBegan header, List<Trial> trials,
                           Map<Integer, List<JournalEvent.Epoch>> epochs, Map<Integer, Integer> checkpointed,
                           Map<Integer, Instant> finished) {

    /** Reads and replays the journal file; one that is not a study's is a {@link BadInputException}. */
    public static StudyHistory read(Path journal) {
        return replay(events(journal));
    }

    /** The journal's events, which must begin with the study's own. */
    static List<JournalEvent> events(Path journal) {
        List<JournalEvent> events = Journal.read(journal);
        if (events.isEmpty() || !(events.get(0) instanceof JournalEvent.StudyBegan)) {
            throw BadInputException.inFile(journal, "does not start with a study event");
        }
        return events;
    }

    static StudyHistory replay(List<JournalEvent> events) {
        List<Trial> trials = new ArrayList<>();
        Map<Integer, List<JournalEvent.Epoch>> epochs = new LinkedHashMap<>();
        Map<Integer, Integer> checkpointed = new HashMap<>();
        Map<Integer, Instant> finished = new LinkedHashMap<>();
        for (JournalEvent e : events) {
            int n = e.trialNumber();
            if (e instanceof JournalEvent.Created c) {
                Map<String, Object> params = new LinkedHashMap<>();
                c.params().fields().forEachRemaining(f -> params.put(f.getKey(), SearchSpaces.value(f.getValue())));
                trials.add(new Trial(n, params, c.seed(), TrialState.RUNNING, List.of(), Map.of(), "", 0));
                epochs.put(n, new ArrayList<>());
            } else if (e instanceof JournalEvent.Started st) {
                goBack(trials, epochs, checkpointed, n, st.epoch());
                trials.set(n, trials.get(n).onWorker(st.worker()));
            } else if (e instanceof JournalEvent.Resumed r) {
                goBack(trials, epochs, checkpointed, n, r.epoch());
            } else if (e instanceof JournalEvent.Epoch ep) {
                trials.set(n, trials.get(n).withEpoch(ep.value(), ep.seconds()));
                epochs.get(n).add(ep);
                if (ep.checkpoint()) {
                    checkpointed.put(n, ep.epoch());
                }
            } else if (e instanceof JournalEvent.Finished f) {
                Map<String, Double> metrics = f.metrics() == null ? Map.of() : new LinkedHashMap<>(f.metrics());
                trials.set(n, trials.get(n).finished(f.state(), metrics, f.seconds()));
                if (f.time() != null) {
                    finished.put(n, Instant.parse(f.time()));
                }
            }
        }
        return new StudyHistory((JournalEvent.StudyBegan) events.get(0), trials, epochs, checkpointed, finished);
    }

    /** Trial {@code n} goes on from {@code from}: later epochs no longer count. */
    private static void goBack(List<Trial> trials, Map<Integer, List<JournalEvent.Epoch>> epochs,
                               Map<Integer, Integer> checkpointed, int n, int from) {
        trials.set(n, trials.get(n).resumedAt(from));
        epochs.get(n).removeIf(x -> x.epoch() > from);
        checkpointed.computeIfPresent(n, (k, v) -> Math.min(v, from));
    }

    /** When the study began. */
    public Instant started() {
        return Instant.parse(header.time());
    }

    /** The name of the objective the study maximised. */
    public String objective() {
        return header.objective() == null ? "objective" : header.objective();
    }
}
