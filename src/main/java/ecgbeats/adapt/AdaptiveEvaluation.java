package ecgbeats.adapt;

import ecgbeats.data.qrs.BeatComparison;
import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.Recording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A run adapted to each of many recordings in turn and judged beat by beat on what it did not
 * learn from: AAMI's patient-specific protocol (each record's first minutes labelled, the rest
 * judged) or an unsupervised adaptation (the whole record judged, transductively). The
 * unadapted run is judged on the same beats, so the two stand side by side.
 */
public final class AdaptiveEvaluation {

    /**
     * One record's outcome.
     *
     * @param record   the record's path without extension
     * @param labels   the beats labelled, or null for an unsupervised method
     * @param base     the unadapted run on the judged beats
     * @param adapted  the adapted run on the same beats
     * @param seconds  wall time of the adaptation (adapting and classifying the record)
     * @param beats    the record's beats listed ({@link BeatListing}), or null when not asked for
     * @param rules    the S floor's and the early rule's decisions for the record ({@link PatientRules#NONE} without labels)
     */
    public record RecordResult(Path record, PatientLabels labels, BeatComparison base, BeatComparison adapted,
                               double seconds, String beats, PatientRules rules) {
    }

    private final ecgbeats.train.RunEnsemble runs;
    private final RecordAdapter adapter;
    private final double window;
    private final UnaryOperator<ClassifiedRecording> decisions;
    private final AdaptSettings settings;
    private boolean listBeats;

    /**
     * @param runs    the unadapted runs (one, or several as one ensemble), which also cut the recordings
     * @param adapter adapts them to a recording ({@link RecordAdapter#ensemble} for several)
     * @param window  the match window of the comparison, seconds
     * @param decisions what turns a classification into the calls judged, for the unadapted and the
     *                  adapted run alike (e.g. a {@link ecgbeats.train.FibrillationRule}; identity for none)
     * @param settings  the adaptation's settings, whose S floor and early rule act on the adapted run's calls
     *                  (around {@code decisions}) for each record whose labelled beats they hold for ({@link PatientRules})
     */
    public AdaptiveEvaluation(ecgbeats.train.RunEnsemble runs, RecordAdapter adapter, double window,
                              UnaryOperator<ClassifiedRecording> decisions, AdaptSettings settings) {
        this.runs = runs;
        this.adapter = adapter;
        this.window = window;
        this.decisions = decisions;
        this.settings = settings;
    }

    /** Also lists each record's beats ({@link RecordResult#beats()}). */
    public AdaptiveEvaluation listingBeats() {
        this.listBeats = true;
        return this;
    }

    /**
     * Evaluates each of {@code records} (paths without extension, each with a reference .atr),
     * cut at the reference beats or, with {@code detect}, at the QRS detector's; {@code progress}
     * hears of each record as it is done.
     */
    public List<RecordResult> run(List<Path> records, boolean detect, long seed, Consumer<RecordResult> progress) {
        List<RecordResult> out = new ArrayList<>();
        for (Path record : records) {
            Recording recording = runs.cut(record, detect);
            ClassifiedRecording unadapted = runs.classify(recording);
            long t0 = System.nanoTime();
            // the adapter (which may ask about beats) sees the network's own calls
            RecordAdapter.Adapted a = adapter.adapt(recording, unadapted, seed);
            PatientRules rules = PatientRules.of(settings, recording, a.labels());
            ClassifiedRecording adapted = rules.apply(a.classified(), decisions);
            int[] labelled = a.labelledRows();
            BeatComparison after = adapted.comparison(window, a.judgedFrom(), labelled);
            double seconds = (System.nanoTime() - t0) / 1e9;
            ClassifiedRecording before = decisions.apply(unadapted);
            BeatComparison beforeJudged = before.comparison(window, a.judgedFrom(), labelled);
            String beats = listBeats ? BeatListing.csv(before, adapted, labelled, a.judgedFrom(), window) : null;
            RecordResult r = new RecordResult(record, a.labels(), beforeJudged, after, seconds, beats, rules);
            out.add(r);
            progress.accept(r);
        }
        return out;
    }
}
