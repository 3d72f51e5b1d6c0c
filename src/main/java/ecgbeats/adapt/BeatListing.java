package ecgbeats.adapt;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RrFeatures;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.train.ClassifiedRecording;

import java.util.List;
import java.util.Locale;

/**
 * One recording's beats as CSV, for looking at what an adaptation changed beat by beat: each
 * beat's sample, its reference class (the nearest reference beat within the match window, empty
 * when none), whether it was labelled, and whether it is judged; the unadapted run's class, the
 * adapted run's class and probabilities; the beat against its neighbours' rhythm.
 */
public final class BeatListing {

    /** The CSV's header line. */
    public static final String HEADER = "sample,time_s,reference,labelled,judged,unadapted,adapted,p_N,p_S,p_V,p_F,p_Q,"
            + "pre_rr_local,post_rr_local,rr_irregularity";

    private BeatListing() {
    }

    /**
     * The CSV of {@code adapted}'s recording.
     *
     * @param unadapted  the unadapted run's classification of the same recording
     * @param labelled   rows that were labelled
     * @param judgedFrom the first judged sample
     * @param window     the match window, seconds
     */
    public static String csv(ClassifiedRecording unadapted, ClassifiedRecording adapted, int[] labelled,
                             long judgedFrom, double window) {
        BeatTable beats = adapted.recording().beats();
        double fs = adapted.recording().record().frequency();
        List<Annotation> ref = adapted.recording().reference();
        long[] refSamples = ref == null ? new long[0] : ref.stream().mapToLong(Annotation::sample).toArray();
        long w = Math.round(window * fs);
        boolean[] isLabelled = new boolean[beats.size()];
        for (int r : labelled) {
            isLabelled[r] = true;
        }
        boolean rhythm = beats.rrWidth() >= RrFeatures.COUNT;
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < beats.size(); i++) {
            long at = beats.positions()[i];
            int k = PatientLabels.nearest(refSamples, at);
            AamiClass c = k < 0 || Math.abs(refSamples[k] - at) > w ? null : AamiClass.ofSymbol(ref.get(k).symbol());
            b.append(at).append(',').append(String.format(Locale.ROOT, "%.3f", at / fs)).append(',')
                    .append(c == null ? "" : c.name()).append(',').append(isLabelled[i] ? 1 : 0).append(',')
                    .append(!isLabelled[i] && at >= judgedFrom ? 1 : 0).append(',')
                    .append(AamiClass.ofLabel(unadapted.classes()[i]).name()).append(',')
                    .append(AamiClass.ofLabel(adapted.classes()[i]).name());
            for (int j = 0; j < AamiClass.COUNT; j++) {
                b.append(String.format(Locale.ROOT, ",%.4f", adapted.probability(i, j)));
            }
            for (int f : new int[] {RrFeatures.PRE_RR_LOCAL, RrFeatures.POST_RR_LOCAL, RrFeatures.RR_IRREGULARITY}) {
                b.append(',');
                if (rhythm) {
                    b.append(String.format(Locale.ROOT, "%.4f", beats.rr()[i * beats.rrWidth() + f]));
                }
            }
            b.append('\n');
        }
        return b.toString();
    }
}
