package ecgbeats.adapt;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.qrs.BeatComparison;
import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.FibrillationRule;
import ecgbeats.train.Network;
import ecgbeats.train.Recording;
import ecgbeats.train.RunDirectory;
import ecgbeats.train.RunEnsemble;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.util.Sha256;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Adapts a run to one recording and writes the adapted run folder ({@link AdaptedRun}): with
 * labels a person gave ({@link AdaptMethod#FINE_TUNE}), or with none ({@link AdaptMethod#BATCH_NORM}).
 * Where the recording has reference annotations, the base and the adapted run are both judged
 * on the beats that were not labelled.
 */
public final class AdaptJob {

    /**
     * What an adaptation did.
     *
     * @param adaptation what config.json records
     * @param labels     the labels used, or null
     * @param base       the base run on the judged beats, or null without a reference
     * @param adapted    the adapted run on the same beats, or null without a reference
     * @param beats      the recording's beats
     * @param frequency  the recording's samples per second
     * @param seconds    wall time of the whole adaptation (every member's, for an ensemble)
     */
    public record Outcome(Adaptation adaptation, PatientLabels labels, BeatComparison base, BeatComparison adapted,
                          int beats, double frequency, double seconds) {
        /** The first sample of the judged part ({@link PatientLabels#judgedFrom()}; 0 without labels). */
        public long judgedFrom() {
            return labels == null ? 0 : labels.judgedFrom();
        }
    }

    private AdaptJob() {
    }

    /**
     * Adapts {@code run} to the recording {@code record} and writes the result to {@code out}.
     *
     * @param labels where the labels come from; null for an unsupervised method
     * @param afRule the fibrillation rule on the calls judged; null to judge the networks' own calls
     */
    public static Outcome run(Path run, Path record, LabelSource labels, AdaptMethod method, AdaptSettings settings,
                              boolean detect, long seed, FibrillationRule afRule, Path out) throws IOException {
        if ((labels == null) != method.transductive() || method == AdaptMethod.CLUSTERS) {
            throw new IllegalArgumentException(method.id() + (labels == null ? " needs labels or adapts no weights"
                    : " uses no labels"));
        }
        settings.checkedFor(method);
        AdaptedRun.checkNew(out);
        RunDirectory base = new RunDirectory(run);
        long t0 = System.nanoTime();
        Recording recording;
        PatientLabels given = null;
        Network adapted;
        if (labels != null) {
            PatientAdapter adapter = PatientAdapter.of(run, settings);
            recording = base.cut(record, detect);
            given = PatientLabels.of(recording, labels);
            adapted = adapter.adapt(recording, given, seed);
        } else {
            PatientAdapter adapter = method == AdaptMethod.SELF_TRAINING ? PatientAdapter.of(run, settings) : null;
            recording = base.cut(record, detect);
            adapted = UnsupervisedAdaptation.adapt(base, recording, method, adapter, seed);
        }
        try (Network unadapted = base.loadNetwork()) {
            long from = given == null ? 0 : given.judgedFrom();
            int[] leftOut = given == null ? new int[0] : given.rows();
            UnaryOperator<ClassifiedRecording> decisions = decisions(afRule);
            BeatComparison before = decisions.apply(ClassifiedRecording.of(List.of(unadapted), recording)).comparison(
                    PatientLabels.MATCH_SECONDS, from, leftOut);
            PatientRules rules = PatientRules.of(settings, recording, given);
            BeatComparison after = rules.apply(ClassifiedRecording.of(List.of(adapted), recording), decisions)
                    .comparison(PatientLabels.MATCH_SECONDS, from, leftOut);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Adaptation a = new Adaptation(run.toAbsolutePath().toString(), sha(base.params()),
                    record.toAbsolutePath().toString(), method.id(), method.transductive(), labelsOf(given, record),
                    method == AdaptMethod.BATCH_NORM ? Map.of() : settings.recordedFor(method), seed, recording.detected(),
                    Math.round(seconds * 10) / 10.0, afRule == null ? null : afRule.threshold(), rules.early(),
                    rules.floor());
            AdaptedRun.write(out, base, adapted, a, after, from);
            return new Outcome(a, given, before, after, recording.beats().size(), recording.record().frequency(),
                    a.seconds());
        } finally {
            adapted.close();
        }
    }

    /**
     * Adapts each of {@code members} (runs that classify as one, e.g. a cross-validation's fold
     * runs) to the recording as {@link #run} adapts one, with the same labels and seed, and writes
     * them as {@code out}/NAME, NAME each member's folder name: {@code --run out} is then the
     * adapted runs as one ensemble. Written in a temporary folder and moved into place; the
     * outcome is the first member's adaptation and labels, with the members compared as one
     * ensemble, unadapted and adapted.
     */
    public static Outcome runEnsemble(List<Path> members, Path record, LabelSource labels, AdaptMethod method,
                                      AdaptSettings settings, boolean detect, long seed, FibrillationRule afRule,
                                      Path out) throws IOException {
        AdaptedRun.checkNew(out);
        long t0 = System.nanoTime();
        Outcome[] outcome = new Outcome[1]; // set by the folder's writer, which returns nothing
        AtomicFile.writeFolder(out, tmp -> {
            Outcome first = null;
            List<Path> adapted = new ArrayList<>();
            for (Path member : members) {
                Path to = tmp.resolve(member.getFileName().toString());
                Outcome o = run(member, record, labels, method, settings, detect, seed, afRule, to);
                first = first == null ? o : first;
                adapted.add(to);
            }
            try (RunEnsemble unadaptedRuns = RunEnsemble.load(members); RunEnsemble adaptedRuns = RunEnsemble.load(adapted)) {
                Recording recording = unadaptedRuns.cut(record, detect);
                UnaryOperator<ClassifiedRecording> decisions = decisions(afRule);
                long from = first.judgedFrom();
                int[] leftOut = first.labels() == null ? new int[0] : first.labels().rows();
                BeatComparison before = decisions.apply(unadaptedRuns.classify(recording)).comparison(
                        PatientLabels.MATCH_SECONDS, from, leftOut);
                BeatComparison after = new PatientRules(first.adaptation().sFloor(), first.adaptation().earlyRule())
                        .apply(adaptedRuns.classify(recording), decisions).comparison(PatientLabels.MATCH_SECONDS, from,
                        leftOut);
                outcome[0] = new Outcome(first.adaptation(), first.labels(), before, after, first.beats(),
                        first.frequency(), Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
            }
        });
        return outcome[0];
    }

    /** The calls judged: the fibrillation rule's, or the networks' own without it. */
    private static UnaryOperator<ClassifiedRecording> decisions(FibrillationRule afRule) {
        return afRule == null ? UnaryOperator.identity() : afRule::apply;
    }

    private static Adaptation.Labels labelsOf(PatientLabels l, Path record) {
        if (l == null) {
            return null;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] c = l.classCounts();
        for (AamiClass k : AamiClass.values()) {
            counts.put(k.name(), c[k.label()]);
        }
        if (l.source() instanceof LabelSource.FirstMinutes f) {
            return new Adaptation.Labels("first_minutes", f.minutes(),
                    Recording.annotationFile(record).toAbsolutePath().toString(), l.sha256(), l.until(), counts,
                    l.unmatched());
        }
        Path file = ((LabelSource.AnnotationLabels) l.source()).file();
        return new Adaptation.Labels("file", null, file.toAbsolutePath().toString(), l.sha256(), l.until(), counts,
                l.unmatched());
    }

    private static String sha(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read: " + e.getMessage());
        }
    }
}
