package ecgbeats.adapt;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.qrs.BeatMatcher;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.AnnotationFile;
import ecgbeats.train.Recording;
import ecgbeats.util.BadInputException;
import ecgbeats.util.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The beats of a recording that a person labelled, as rows of the recording's beat table: each
 * label is given to the recording's beat within {@link #MATCH_SECONDS} of it (the recording's
 * beats may be the QRS detector's, not the annotator's). Beats of classes outside the five AAMI
 * ones are not labels.
 *
 * @param source    where the labels come from
 * @param rows      indices into the recording's beats, ascending
 * @param labels    the class of each ({@link AamiClass} labels)
 * @param until     the sample index at the end of the labelled span (exclusive): no beat at or after it is labelled
 * @param sha256    the SHA-256 of the file the labels were read from
 * @param unmatched labels that fell on no beat of the recording (the detector missed it)
 */
public record PatientLabels(LabelSource source, int[] rows, byte[] labels, long until, String sha256, int unmatched) {

    /** EC57's match window: a label and a beat within this many seconds are the same beat. */
    public static final double MATCH_SECONDS = 0.15;

    /** How many beats are labelled. */
    public int size() {
        return rows.length;
    }

    /**
     * The first sample a run adapted on these labels is judged from: after the span for the first
     * minutes (AAMI's protocol), else 0 (every beat not labelled is judged).
     */
    public long judgedFrom() {
        return source instanceof LabelSource.FirstMinutes ? until : 0;
    }

    /**
     * Whether the labelled beats are spread over the recording of {@code beats} beats, reaching into its
     * first and its last tenth (as the beats {@link BeatQuestions} chooses are): a sample of the whole
     * recording, which the first minutes are not.
     */
    public boolean spreadOver(int beats) {
        int tenth = Math.max(1, beats / 10);
        return rows.length > 0 && rows[0] < tenth && rows[rows.length - 1] >= beats - tenth;
    }

    /** Labelled beats per class, by label. */
    public int[] classCounts() {
        int[] c = new int[AamiClass.COUNT];
        for (byte b : labels) {
            c[b]++;
        }
        return c;
    }

    /**
     * The labels {@code source} gives the beats of {@code recording}.
     *
     * @throws BadInputException when there is nothing to read them from, the record is shorter than
     *                           the labelled span, the span holds no beat, or a label lies outside the record
     */
    public static PatientLabels of(Recording recording, LabelSource source) {
        Path base = recording.base();
        double fs = recording.record().frequency();
        if (source instanceof LabelSource.FirstMinutes f) {
            Path atr = Recording.annotationFile(base);
            if (recording.reference() == null) {
                throw BadInputException.inFile(atr, "not found: the first minutes' labels are the record's "
                        + "reference annotations");
            }
            long until = Math.round(f.minutes() * 60 * fs);
            if (until >= recording.record().length()) {
                throw new BadInputException(base + ": " + String.format(java.util.Locale.ROOT, "%.1f",
                        recording.record().length() / fs / 60) + " minutes long, not longer than the labelled span ("
                        + LabelSource.minutes(f.minutes()) + " minutes): nothing would be left to classify");
            }
            List<Annotation> span = recording.reference().stream().filter(a -> a.sample() < until).toList();
            PatientLabels labels = matched(recording, source, span, until, sha(atr));
            if (labels.size() == 0) {
                throw new BadInputException(atr + ": no beat of the five classes in the first "
                        + LabelSource.minutes(f.minutes()) + " minutes; there is nothing to learn the patient from");
            }
            return labels;
        }
        if (!(source instanceof LabelSource.AnnotationLabels given)) {
            throw new IllegalArgumentException("asked beats are labelled by asked(recording, rows, source)");
        }
        Path file = given.file();
        List<Annotation> beats = AnnotationFile.read(file).stream().filter(Annotation::isBeat).toList();
        for (Annotation a : beats) {
            if (a.sample() < 0 || a.sample() >= recording.record().length()) {
                throw BadInputException.inFile(file, "a beat at sample " + a.sample() + " lies outside " + base
                        + " (" + recording.record().length() + " samples): labels of another record?");
            }
        }
        long until = beats.stream().mapToLong(Annotation::sample).max().orElse(-1) + 1;
        PatientLabels labels = matched(recording, source, beats, until, sha(file));
        if (labels.size() == 0) {
            throw BadInputException.inFile(file, beats.isEmpty() ? "holds no beat annotation"
                    : "none of its " + beats.size() + " beats falls on a beat of " + base + " of the five classes");
        }
        return labels;
    }

    /**
     * The reference labels of the beats {@code rows} of {@code recording} (ascending), for a person
     * asked about just those beats ({@link LabelSource.Asked}): each row takes the class of the
     * nearest reference annotation within {@link #MATCH_SECONDS}; a row without one, or whose
     * annotation is of none of the five classes, is left unlabelled and counted as unmatched.
     *
     * @throws BadInputException when the recording has no reference annotations, or none of the rows gets a label
     */
    public static PatientLabels asked(Recording recording, int[] rows, LabelSource.Asked source) {
        Path atr = Recording.annotationFile(recording.base());
        if (recording.reference() == null) {
            throw BadInputException.inFile(atr,
                    "not found: the asked beats' labels are the record's reference annotations");
        }
        long[] ref = recording.reference().stream().mapToLong(Annotation::sample).toArray();
        long window = Math.round(MATCH_SECONDS * recording.record().frequency());
        int[] positions = recording.beats().positions();
        int[] kept = new int[rows.length];
        byte[] labels = new byte[rows.length];
        int n = 0;
        for (int row : rows) {
            int k = nearest(ref, positions[row]);
            AamiClass c = k < 0 || Math.abs(ref[k] - positions[row]) > window ? null
                    : AamiClass.ofSymbol(recording.reference().get(k).symbol());
            if (c != null) {
                kept[n] = row;
                labels[n++] = (byte) c.label();
            }
        }
        if (n == 0) {
            throw BadInputException.inFile(atr, "no reference beat of the five classes at the " + rows.length
                    + " beats asked about");
        }
        long until = positions[kept[n - 1]] + 1L;
        return new PatientLabels(source, Arrays.copyOf(kept, n), Arrays.copyOf(labels, n), until, sha(atr),
                rows.length - n);
    }

    /** The index of the sample in ascending {@code samples} nearest {@code at}; -1 when there is none. */
    static int nearest(long[] samples, long at) {
        int i = Arrays.binarySearch(samples, at);
        if (i >= 0) {
            return i;
        }
        int after = -i - 1;
        if (after == 0) {
            return samples.length == 0 ? -1 : 0;
        }
        if (after == samples.length) {
            return after - 1;
        }
        return at - samples[after - 1] <= samples[after] - at ? after - 1 : after;
    }

    /** Gives each annotation of the five classes to the recording's beat within the window before {@code until}. */
    private static PatientLabels matched(Recording recording, LabelSource source, List<Annotation> annotations,
                                         long until, String sha) {
        List<Annotation> labelled = annotations.stream().filter(a -> AamiClass.ofSymbol(a.symbol()) != null)
                .sorted(java.util.Comparator.comparingLong(Annotation::sample)).toList();
        int[] positions = recording.beats().positions();
        int inSpan = 0;
        while (inSpan < positions.length && positions[inSpan] < until) {
            inSpan++;
        }
        long[] candidates = new long[inSpan];
        for (int i = 0; i < inSpan; i++) {
            candidates[i] = positions[i];
        }
        long[] samples = labelled.stream().mapToLong(Annotation::sample).toArray();
        long window = Math.round(MATCH_SECONDS * recording.record().frequency());
        BeatMatcher.Result m = BeatMatcher.match(samples, candidates, window);
        int n = m.pairs().size();
        long[] byRow = new long[n];
        for (int k = 0; k < n; k++) {
            BeatMatcher.Pair p = m.pairs().get(k);
            int label = AamiClass.ofSymbol(labelled.get(p.reference()).symbol()).label();
            byRow[k] = ((long) p.detection() << 8) | label;
        }
        Arrays.sort(byRow);
        int[] rows = new int[n];
        byte[] labels = new byte[n];
        for (int k = 0; k < n; k++) {
            rows[k] = (int) (byRow[k] >>> 8);
            labels[k] = (byte) (byRow[k] & 0xFF);
        }
        return new PatientLabels(source, rows, labels, until, sha, m.missed().size());
    }

    private static String sha(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatientLabels p && source.equals(p.source) && Arrays.equals(rows, p.rows)
                && Arrays.equals(labels, p.labels) && until == p.until && sha256.equals(p.sha256)
                && unmatched == p.unmatched;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rows) * 31 + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return rows.length + " labelled beats before sample " + until;
    }
}
