package ecgbeats.adapt;

import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RecordTemplates;
import ecgbeats.train.FineTuning;
import ecgbeats.train.Network;
import ecgbeats.train.Recording;
import ecgbeats.train.RunDirectory;
import ecgbeats.train.RunRecord;
import ecgbeats.util.BadInputException;
import ecgbeats.util.Seeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Makes a trained run one patient's: its network fine-tuned on the beats a person labelled in
 * that patient's recording ({@link PatientLabels}), with some of the run's own training beats
 * replayed beside them ({@link AdaptSettings}). Only labelled beats and replayed beats reach
 * training; the recording's other beats are seen only as what every classification of the
 * recording sees (its median beat, its RR intervals), never with a label.
 *
 * <p>Holds the run's replay beats in memory; one adapter adapts any number of recordings, each
 * from the run's own weights.
 */
public final class PatientAdapter {

    private final RunDirectory base;
    private final AdaptSettings settings;
    private final BeatTable pool;
    private final RecordTemplates poolTemplates;
    private final double[] classWeights;

    private PatientAdapter(RunDirectory base, AdaptSettings settings, BeatTable pool, RecordTemplates poolTemplates,
                           double[] classWeights) {
        this.base = base;
        this.settings = settings;
        this.pool = pool;
        this.poolTemplates = poolTemplates;
        this.classWeights = classWeights;
    }

    /**
     * An adapter of the run in {@code run}: reads the run's training beats for replay from the dataset
     * file its config.json names, which must still be there with the same SHA-256.
     *
     * @throws BadInputException when the run cannot adapt (not a finished run, its training data
     *                           gone or changed, beats that name no records for a model with a template)
     */
    public static PatientAdapter of(Path run, AdaptSettings settings) {
        RunDirectory dir = new RunDirectory(run);
        RunRecord record = dir.readRecord();
        if (!Files.exists(dir.params())) {
            throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, run,
                    "the run has no model parameters: did its training finish?");
        }
        dir.recordingCut(); // a run whose model ecgbeats cannot cut recordings for cannot adapt either
        BeatTable pool = null;
        RecordTemplates templates = null;
        if (settings.replay() > 0) {
            pool = replayPool(dir, record);
            if (!RecordTemplates.namesRecords(pool)) {
                // the patient's own beats, labels and all, could be among them
                throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, run, "cannot adapt: its training "
                        + "beats do not name their records (a Kaggle CSV import), so the patient's own beats could be "
                        + "among those replayed beside the labelled ones");
            }
            if (record.runConfig().model().template().usesRecord()) {
                templates = RecordTemplates.median(pool);
            }
        }
        return new PatientAdapter(dir, settings, pool, templates, classWeights(record));
    }

    /**
     * The training beats to replay: the run's own replay file ({@link RunDirectory#REPLAY}: a
     * shipped run carries a sample of them), or else the train split of the dataset it was trained
     * on, which must still be where it was, with the same SHA-256.
     */
    private static BeatTable replayPool(RunDirectory dir, RunRecord record) {
        Path shipped = dir.dir().resolve(RunDirectory.REPLAY);
        if (Files.exists(shipped)) {
            return DatasetFile.read(shipped).train();
        }
        Path file = Path.of(record.data() == null ? "" : record.data().file());
        if (!Files.isRegularFile(file)) {
            throw BadInputException.about(BadInputException.Subject.RUN_FOLDER, dir.dir(), "cannot adapt: its training "
                    + "data " + file + " is not here, and adapting replays some of its beats so that classes the "
                    + "patient's labels lack are not forgotten");
        }
        try {
            if (!DatasetFile.sha256(file).equals(record.data().sha256())) {
                throw BadInputException.inFile(file, "changed since the run " + dir.dir() + " was trained on it (its "
                        + "SHA-256 differs); adapting replays the run's own training beats");
            }
        } catch (IOException e) {
            throw BadInputException.inFile(file, "cannot read: " + e.getMessage());
        }
        BeatDataset data = DatasetFile.read(file);
        if (data.provenance().balancing() != null) {
            throw BadInputException.inFile(file, "its train split is balanced; adapting replays real beats");
        }
        return data.train();
    }

    /** The run's loss weight per class, all 1 for a run trained without class weights. */
    private static double[] classWeights(RunRecord record) {
        double[] w = new double[AamiClass.COUNT];
        Arrays.fill(w, 1);
        if (record.classWeights() != null && record.classWeights().length == AamiClass.COUNT) {
            w = record.classWeights().clone();
        }
        return w;
    }

    public RunDirectory base() {
        return base;
    }

    public AdaptSettings settings() {
        return settings;
    }

    /**
     * The run's network fine-tuned on {@code labels} of {@code recording}; the caller closes it.
     * The same recording, labels and seed give the same weights.
     */
    public Network adapt(Recording recording, PatientLabels labels, long seed) {
        return adapt(recording, labels.rows(), labels.labels(), seed,
                prematureShare(settings, labels, recording.beats().size()));
    }

    /**
     * The premature copies' share for {@code labels} of a recording of {@code beats} beats: {@link
     * AdaptSettings#prematureSpread()} where they are spread over it (asked beats: a sample that holds
     * the patient's S beats when it has them, docs/results.md "A twenty-second look"), else {@link
     * AdaptSettings#premature()}.
     */
    static double prematureShare(AdaptSettings settings, PatientLabels labels, int beats) {
        return labels.spreadOver(beats) ? settings.prematureSpread() : settings.premature();
    }

    /**
     * The run's network fine-tuned on the beats {@code rows} of {@code recording} labelled
     * {@code labels}; the caller closes it.
     */
    public Network adapt(Recording recording, int[] rows, byte[] labels, long seed) {
        return adapt(recording, rows, labels, seed, settings.premature());
    }

    private Network adapt(Recording recording, int[] rows, byte[] labels, long seed, double premature) {
        Network net = base.loadNetwork();
        try {
            TrainingSet t = trainingSet(recording, rows, labels, net, seed, premature);
            FineTuning.run(net, t.beats(), t.weights(), t.templates(), settings.fineTuning(), Seeds.derive(seed, "adapt"));
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /**
     * What fine-tuning trains on: the labelled beats, then the replayed ones.
     *
     * @param beats     the beats with their labels
     * @param weights   each beat's loss weight
     * @param templates each beat's record's median beat, or null for a model without a template
     */
    record TrainingSet(BeatTable beats, double[] weights, RecordTemplates templates) {
    }

    /** The beats {@link #adapt} trains {@code net} on, with premature copies of a share {@code premature} of the N beats. */
    TrainingSet trainingSet(Recording recording, int[] rows, byte[] labels, Network net, long seed, double premature) {
        BeatTable beats = recording.beats();
        BeatTable local = labelled(beats, rows, labels);
        long copySeed = Seeds.derive(seed, "adapt");
        for (BeatTable copies : new BeatTable[] {
            RhythmCopies.premature(local, prematureGateOpen(beats, local) ? premature : 0, copySeed),
            RhythmCopies.rate(local, settings.rate(), copySeed)}) {
            if (copies.size() > 0) {
                local = local.concat(copies);
            }
        }
        short record = beats.records()[0];
        BeatTable replay = replay(record, seed);
        BeatTable all = replay == null ? local : concat(local, replay, net.rrWidth());
        RecordTemplates templates = null;
        if (net.spec().template().usesRecord()) {
            templates = RecordTemplates.median(beats);
            if (replay != null) {
                templates = templates.with(poolTemplates.without(record));
            }
        }
        return new TrainingSet(all, weights(local, replay), templates);
    }

    /**
     * Whether this patient gets premature copies: whether a share of at least {@link
     * AdaptSettings#prematureRegular()} of the labelled N beats (or, with {@link
     * AdaptSettings.Gate#RECORD}, of all the recording's beats, no label read) are in a regular rhythm.
     */
    private boolean prematureGateOpen(BeatTable recording, BeatTable labelled) {
        double regular = settings.prematureGate() == AdaptSettings.Gate.RECORD
                ? RhythmCopies.regularShare(recording, false) : RhythmCopies.regularShare(labelled, true);
        return regular >= settings.prematureRegular();
    }

    /** The labelled beats of the recording, with their labels. */
    static BeatTable labelled(BeatTable beats, int[] rows, byte[] labels) {
        BeatTable s = beats.select(rows);
        return new BeatTable(s.beatLength(), s.samples(), labels.clone(), s.records(), s.positions(), s.rr(),
                s.rrWidth());
    }

    /** {@link AdaptSettings#replay()} training beats drawn at random, none of the patient's own record; null for none. */
    private BeatTable replay(short record, long seed) {
        if (settings.replay() == 0) {
            return null;
        }
        int[] candidates = java.util.stream.IntStream.range(0, pool.size())
                .filter(i -> record == BeatTable.UNKNOWN_RECORD || pool.records()[i] != record).toArray();
        SplittableRandom random = Seeds.random(seed, "adapt-replay");
        int[] order = Seeds.permutation(candidates.length, random);
        int n = Math.min(settings.replay(), candidates.length);
        int[] rows = new int[n];
        for (int k = 0; k < n; k++) {
            rows[k] = candidates[order[k]];
        }
        Arrays.sort(rows);
        return pool.select(rows);
    }

    /** The patient's beats share {@link AdaptSettings#localShare()} of the loss weight; replayed beats keep the run's class weights. */
    private double[] weights(BeatTable local, BeatTable replay) {
        int r = replay == null ? 0 : replay.size();
        double[] w = new double[local.size() + r];
        double replaySum = 0;
        for (int i = 0; i < r; i++) {
            w[local.size() + i] = settings.replayWeights() ? classWeights[replay.label(i)] : 1;
            replaySum += w[local.size() + i];
        }
        double each = r == 0 ? 1 : settings.localShare() / (1 - settings.localShare()) * replaySum / local.size();
        Arrays.fill(w, 0, local.size(), each);
        return w;
    }

    private static BeatTable concat(BeatTable a, BeatTable b, int rrWidth) {
        int width = Math.min(a.rrWidth(), b.rrWidth());
        if (width < rrWidth) {
            throw new IllegalStateException("beats carry " + width + " RR features, the model reads " + rrWidth);
        }
        return new BeatTable.Builder(a.beatLength(), width).addAll(a).addAll(b).build();
    }
}
