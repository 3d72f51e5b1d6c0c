package ecgbeats.data.qrs;

import ecgbeats.data.beat.BeatExtractor;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.AnnotationCodes;
import ecgbeats.data.wfdb.AnnotationFile;
import ecgbeats.data.wfdb.WfdbRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The QRS detector against a record's reference beats, as AAMI EC57 asks: beats are matched
 * one to one within a window (150 ms), over the whole record, except inside ventricular
 * flutter or fibrillation episodes (between '[' and ']'), which EC57 leaves out of QRS
 * detection figures.
 */
public final class QrsEvaluation {

    /** One record's counts. */
    public record RecordResult(String record, int truePositives, int falseNegatives, int falsePositives) {
        public double sensitivity() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        public double positivePredictivity() {
            return ratio(truePositives, truePositives + falsePositives);
        }
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1 : (double) a / b;
    }

    private QrsEvaluation() {
    }

    /** Detects QRS complexes in record {@code base} (path without extension) and compares them with its .atr beats. */
    public static RecordResult evaluate(Path base, PanTompkins detector, double windowSeconds) {
        WfdbRecord record = WfdbRecord.read(base);
        List<Annotation> annotations = AnnotationFile.read(base.resolveSibling(base.getFileName() + ".atr"));
        double fs = record.frequency();
        int[] detected = detector.detect(record.physical(BeatExtractor.leadIndex(record)), fs);
        List<long[]> excluded = flutterEpisodes(annotations, record.length());
        List<Long> reference = new ArrayList<>();
        for (Annotation a : annotations) {
            if (a.isBeat() && !inside(a.sample(), excluded)) {
                reference.add(a.sample());
            }
        }
        List<Long> kept = new ArrayList<>();
        for (int d : detected) {
            if (!inside(d, excluded)) {
                kept.add((long) d);
            }
        }
        BeatMatcher.Result m = BeatMatcher.match(reference.stream().mapToLong(Long::longValue).toArray(),
                kept.stream().mapToLong(Long::longValue).toArray(), Math.round(windowSeconds * fs));
        return new RecordResult(record.name(), m.truePositives(), m.missed().size(), m.extra().size());
    }

    /** Sample ranges from each '[' to the next ']' (or the record's end). */
    static List<long[]> flutterEpisodes(List<Annotation> annotations, long length) {
        int on = AnnotationCodes.code("[");
        int off = AnnotationCodes.code("]");
        List<long[]> out = new ArrayList<>();
        long start = -1;
        for (Annotation a : annotations) {
            if (a.code() == on && start < 0) {
                start = a.sample();
            } else if (a.code() == off && start >= 0) {
                out.add(new long[] {start, a.sample()});
                start = -1;
            }
        }
        if (start >= 0) {
            out.add(new long[] {start, length});
        }
        return out;
    }

    private static boolean inside(long sample, List<long[]> ranges) {
        for (long[] r : ranges) {
            if (sample >= r[0] && sample <= r[1]) {
                return true;
            }
        }
        return false;
    }
}
