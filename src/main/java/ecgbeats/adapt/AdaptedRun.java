package ecgbeats.adapt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.qrs.BeatComparison;
import ecgbeats.train.Metrics;
import ecgbeats.train.Network;
import ecgbeats.train.Recording;
import ecgbeats.util.Sha256;
import ecgbeats.train.RunDirectory;
import ecgbeats.train.RunState;
import ecgbeats.util.BadInputException;
import ecgbeats.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An adapted run's folder: a run folder like any other (the base run's config.json with an
 * {@code adaptation} block, {@link Adaptation}; the adapted parameters; state.json), so that
 * {@code predict} and reports use it as they use any run, plus, when the recording has reference
 * annotations, {@code metrics.json} over the beats that were not labelled. Written in a temporary
 * folder and moved into place: a failed adaptation leaves nothing.
 */
public final class AdaptedRun {

    private AdaptedRun() {
    }

    /** Refuses an output folder that exists and is not empty (runs are never overwritten). */
    public static void checkNew(Path out) {
        try {
            if (Files.exists(out) && (!Files.isDirectory(out) || hasEntries(out))) {
                throw new BadInputException(out + ": already exists and is not empty (runs are never overwritten)");
            }
        } catch (IOException e) {
            throw BadInputException.inFile(out, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Writes the adapted run into {@code out}.
     *
     * @param judged the adapted run compared with the recording's reference beat by beat over the
     *               beats not labelled (from {@code judgedFrom} on, the labelled ones left out), or null
     *               without a reference
     */
    public static void write(Path out, RunDirectory base, Network adapted, Adaptation adaptation,
                             BeatComparison judged, long judgedFrom) throws IOException {
        checkNew(out);
        ecgbeats.util.AtomicFile.writeFolder(out, tmp -> {
            RunDirectory run = new RunDirectory(tmp);
            run.writeRecord(base.readRecord().adapted(Json.PRETTY.valueToTree(adaptation),
                    java.time.Instant.now().toString()));
            adapted.save(run.params());
            if (judged != null) {
                ObjectNode m = Json.PRETTY.valueToTree(metrics(judged));
                m.put("judged_from_sample", judgedFrom);
                m.put("transductive", adaptation.transductive());
                m.put("missed", java.util.Arrays.stream(judged.missed()).sum());
                m.put("extra", java.util.Arrays.stream(judged.extra()).sum());
                ecgbeats.util.AtomicFile.writeString(tmp.resolve(RunDirectory.METRICS),
                        Json.PRETTY.writeValueAsString(m) + "\n");
            }
            run.writeState(new RunState(RunState.Status.COMPLETE, 0, null));
        });
    }

    /** The adaptation that made {@code run}, or null for a run that was trained, not adapted. */
    public static Adaptation read(RunDirectory run) {
        JsonNode a = run.readRecord().adaptation();
        if (a == null || a.isNull()) {
            return null;
        }
        try {
            return Json.PRETTY.treeToValue(a, Adaptation.class);
        } catch (IOException e) {
            throw BadInputException.inFile(run.dir().resolve(RunDirectory.CONFIG), "its adaptation does not read: "
                    + e.getMessage());
        }
    }

    /**
     * The S floor's and the early rule's decisions that every one of {@code runs} was adapted with (an
     * ensemble's members adapted to the same labels); a rule whose decision one of them lacks, or on
     * which they differ, is off.
     */
    public static PatientRules rules(List<RunDirectory> runs) {
        List<Adaptation> adaptations = runs.stream().map(AdaptedRun::read).toList();
        return new PatientRules(agreed(adaptations, Adaptation::sFloor), agreed(adaptations, Adaptation::earlyRule));
    }

    private static <T> T agreed(List<Adaptation> adaptations, java.util.function.Function<Adaptation, T> decision) {
        T first = null;
        for (Adaptation a : adaptations) {
            T d = a == null ? null : decision.apply(a);
            if (d == null || (first != null && !first.equals(d))) {
                return null;
            }
            first = first == null ? d : first;
        }
        return first;
    }

    /**
     * Which beats of {@code recording} the adapted run learnt from, one flag per beat: the labels
     * it was adapted on, when they are still where it read them (the same file, the same SHA-256)
     * and belong to this recording; null for any other run or recording.
     */
    public static boolean[] labelledBeats(RunDirectory run, Recording recording) {
        Adaptation a = read(run);
        if (a == null || a.labels() == null) {
            return null;
        }
        Path file = Path.of(a.labels().file());
        boolean ownRecord = a.labels().source().equals("file")
                || Recording.annotationFile(recording.base()).toAbsolutePath().normalize().equals(file.normalize());
        try {
            if (!ownRecord || !Files.isRegularFile(file) || !Sha256.of(file).equals(a.labels().sha256())) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        LabelSource source = a.labels().source().equals("file") ? new LabelSource.AnnotationLabels(file)
                : new LabelSource.FirstMinutes(a.labels().minutes());
        PatientLabels labels;
        try {
            labels = PatientLabels.of(recording, source);
        } catch (BadInputException e) {
            return null; // the labels are not this recording's
        }
        boolean[] marked = new boolean[recording.beats().size()];
        for (int row : labels.rows()) {
            marked[row] = true;
        }
        return marked;
    }

    /** Metrics over the beats paired with a reference beat (missed and extra beats are counted apart). */
    static Metrics metrics(BeatComparison c) {
        int n = 0;
        for (int[] row : c.confusion()) {
            for (int v : row) {
                n += v;
            }
        }
        int[] truth = new int[n];
        int[] pred = new int[n];
        int k = 0;
        for (int t = 0; t < AamiClass.COUNT; t++) {
            for (int p = 0; p < AamiClass.COUNT; p++) {
                for (int i = 0; i < c.confusion()[t][p]; i++) {
                    truth[k] = t;
                    pred[k++] = p;
                }
            }
        }
        return Metrics.of("record", truth, pred).withEc57();
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }
}
