package ecgbeats.report;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatExtractor;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.data.beat.RhythmIrregularity;
import ecgbeats.data.qrs.BeatComparison;
import ecgbeats.data.qrs.BeatMatcher;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.WfdbRecord;
import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.FibrillationRule;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A classified recording as one offline HTML page for a reader: class counts; the beat-by-beat
 * comparison with the reference annotations (when the record has an .atr file); the RR
 * tachogram of the whole record coloured by predicted class; the rhythm's irregularity over the
 * record (where the fibrillation rule acts); and the ECG itself in rows of
 * {@value #ROW_SECONDS} s as inline SVG, each beat marked with its predicted class and every
 * beat where prediction and reference disagree highlighted with the reference's class.
 */
public final class RecordingReport {

    static final int ROW_SECONDS = 10;
    /** Matching window for the comparison, as in bxb and EvaluateCommand's default. */
    static final double MATCH_SECONDS = 0.15;
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 90;
    private static final int COLUMNS = 600; // signal decimated to a min and a max per column
    private static final String[] COLOURS = {"#555555", "#1f77b4", "#d62728", "#ff7f0e", "#9467bd"};

    private RecordingReport() {
    }

    /**
     * The report of a classified recording; {@code classifier} says what classified it (as
     * {@code RunEnsemble.describe()} does: "the run DIR", or an ensemble's runs). The beats marked
     * in {@code labelled} (one flag per beat; null for none) were labelled by a person and learnt
     * from (an adapted run): they are boxed in the ECG, and the counts say how many there were.
     * {@code turnedN} is how many of the network's S calls the fibrillation rule made N (null: the
     * rule was off); {@code onTimeN} how many S calls that came on time the early rule then made N
     * (null: the runs were not adapted with it, or it does not hold for this patient); {@code flooredS}
     * how many unsure S calls the S floor made their next likeliest class, before both (null likewise).
     */
    public static String render(ClassifiedRecording c, String classifier, boolean[] labelled, Integer turnedN,
                                Integer onTimeN, Integer flooredS) {
        WfdbRecord record = c.recording().record();
        double fs = record.frequency();
        int lead = BeatExtractor.leadIndex(record);
        Html h = new Html("Recording " + record.name() + " classified");
        h.paragraph(String.format(Locale.ROOT, "%s: %d beats over %s (%.0f Hz, lead %s), %s; classified by %s.",
                record.name(), c.recording().beats().size(), clock(record.length() / fs), fs,
                record.header().signals().get(lead).description(),
                c.recording().detected() ? "beats found by ecgbeats' QRS detector" : "beats at the reference annotations",
                classifier));
        int labelledCount = count(labelled);
        if (labelled != null) {
            h.paragraph(labelledCount + " beats, boxed in the ECG below, were labelled by a person and learnt from "
                    + "when the run was adapted to this recording; the figures below include them.");
        }
        if (flooredS != null) {
            h.paragraph("The S floor turned " + flooredS + " unsure S calls into their next likeliest class. It holds "
                    + "for this patient because the labelled beats, spread over the recording, hold no S beat: the "
                    + "record has few, and an S call needs a high probability.");
        }
        h.paragraph(turnedN == null ? (flooredS == null && onTimeN == null ? "The classes are the network's own: the "
                + "fibrillation rule was off." : "The fibrillation rule was off.")
                : "The fibrillation rule turned " + turnedN + " of the network's S calls into N: beats where the "
                + "rhythm is irregularly irregular (the irregularity chart below), as MIT-BIH labels atrial "
                + "fibrillation.");
        if (onTimeN != null) {
            h.paragraph("The early rule turned " + onTimeN + " S calls into N: beats that came on time for the rhythm "
                    + "around them, in a rhythm slower than 100 a minute. It holds for this patient because none of "
                    + "the patient's labelled S beats came on time.");
        }
        BeatComparison cmp = c.comparison(MATCH_SECONDS);
        counts(h, c, cmp);
        if (cmp != null) {
            comparison(h, cmp);
        }
        h.heading("RR tachogram");
        h.image(Charts.png(tachogram(c, fs)), "RR interval before each beat over the record, by predicted class");
        h.heading("Rhythm irregularity");
        h.image(Charts.png(irregularity(c, fs)), "How irregularly irregular the rhythm around each beat is (80 "
                + "intervals); at or above the dashed line, " + FibrillationRule.CHOSEN + ", it is atrial fibrillation "
                + "or flutter with varying block, where the fibrillation rule calls no beat S");
        h.heading("The ECG, " + ROW_SECONDS + " s a row");
        h.raw(legend(cmp != null, labelledCount > 0));
        strips(h, c, labelled);
        return h.render();
    }

    private static int count(boolean[] flags) {
        int n = 0;
        if (flags != null) {
            for (boolean b : flags) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }

    private static List<String> classHeader() {
        List<String> header = new ArrayList<>(List.of(""));
        for (AamiClass k : AamiClass.values()) {
            header.add(k.name());
        }
        return header;
    }

    /** Beats per class, predicted and (with a reference) annotated. */
    private static void counts(Html h, ClassifiedRecording c, BeatComparison cmp) {
        h.heading("Beats per class");
        List<List<String>> counts = new ArrayList<>();
        counts.add(classHeader());
        counts.add(row("predicted", c.counts()));
        if (cmp != null) {
            int[] ref = new int[AamiClass.COUNT];
            for (int k = 0; k < AamiClass.COUNT; k++) {
                ref[k] = cmp.reference(k);
            }
            counts.add(row("reference (.atr)", ref));
        }
        h.table(counts);
    }

    /** Se and +P per class against the reference, and the confusion. */
    private static void comparison(Html h, BeatComparison cmp) {
        h.heading("Beat by beat against the reference (AAMI EC57, bxb-style, match window 0.15 s)");
        List<List<String>> t = new ArrayList<>();
        t.add(List.of("", "QRS", "N", "S", "V", "F", "Q"));
        List<String> se = new ArrayList<>(List.of("Se %", pct(cmp.qrsSensitivity())));
        List<String> ppv = new ArrayList<>(List.of("+P %", pct(cmp.qrsPositivePredictivity())));
        for (AamiClass k : AamiClass.values()) {
            se.add(pct(cmp.sensitivity(k.label())));
            ppv.add(pct(cmp.positivePredictivity(k.label())));
        }
        t.add(se);
        t.add(ppv);
        h.table(t);
        h.paragraph("Rows of the confusion: reference class; columns: predicted class (N S V F Q).");
        List<List<String>> confusion = new ArrayList<>();
        confusion.add(classHeader());
        for (AamiClass k : AamiClass.values()) {
            confusion.add(row(k.name(), cmp.confusion()[k.label()]));
        }
        h.table(confusion);
    }

    private static String legend(boolean reference, boolean labelled) {
        StringBuilder legend = new StringBuilder("<p>");
        for (AamiClass k : AamiClass.values()) {
            legend.append("<span style=\"color:").append(COLOURS[k.label()]).append(";font-weight:bold\">")
                    .append(k.name()).append("</span> ");
        }
        if (labelled) {
            legend.append("<span style=\"border:1px solid #2ca02c\">boxed</span>: a labelled beat; ");
        }
        legend.append(!reference ? "predicted class above each beat.</p>"
                : "predicted class above each beat; <span style=\"background:#ffe08a\">highlighted</span>: the "
                + "reference (.atr) says otherwise (its class below), or has no beat there (“none”).</p>");
        return legend.toString();
    }

    /** The ECG in rows of {@link #ROW_SECONDS}, each beat's class above it. */
    private static void strips(Html h, ClassifiedRecording c, boolean[] labelled) {
        WfdbRecord record = c.recording().record();
        BeatTable beats = c.recording().beats();
        double fs = record.frequency();
        int[] refClass = referenceClassOfEachBeat(c);
        double[] signal = record.physical(BeatExtractor.leadIndex(record));
        double[] range = robustRange(signal);
        int rowSamples = (int) Math.round(ROW_SECONDS * fs);
        int beat = 0;
        for (int start = 0; start < signal.length; start += rowSamples) {
            int end = Math.min(signal.length, start + rowSamples);
            while (beat < beats.size() && beats.positions()[beat] < start) {
                beat++;
            }
            StringBuilder svg = new StringBuilder();
            svg.append(String.format(Locale.ROOT, "<div class=\"strip\"><span>%s</span><svg width=\"%d\" height=\"%d\" "
                    + "viewBox=\"0 0 %d %d\">", clock(start / fs), WIDTH, HEIGHT, WIDTH, HEIGHT));
            for (int i = beat; i < beats.size() && beats.positions()[i] < end; i++) {
                if (refClass != null && refClass[i] != c.classes()[i]) {
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"0\" width=\"%d\" height=\"%d\" "
                            + "fill=\"#ffe08a\"/>", x(beats.positions()[i] - start, rowSamples) - 12, 24, HEIGHT));
                }
            }
            svg.append("<polyline fill=\"none\" stroke=\"#222\" stroke-width=\"1\" points=\"")
                    .append(trace(signal, start, end, rowSamples, range)).append("\"/>");
            for (int i = beat; i < beats.size() && beats.positions()[i] < end; i++) {
                svg.append(marks(c, i, x(beats.positions()[i] - start, rowSamples), refClass,
                        labelled != null && labelled[i]));
            }
            svg.append("</svg></div>\n");
            h.raw(svg.toString());
        }
    }

    /** Beat i's class above it, its box when labelled, and the reference's class below where they differ. */
    private static String marks(ClassifiedRecording c, int i, int x, int[] refClass, boolean labelled) {
        StringBuilder svg = new StringBuilder();
        int k = c.classes()[i];
        if (labelled) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"0\" width=\"14\" height=\"13\" "
                    + "fill=\"none\" stroke=\"#2ca02c\"/>", x - 7));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"11\" fill=\"%s\" font-size=\"11\" "
                + "text-anchor=\"middle\">%s</text>", x, COLOURS[k], AamiClass.ofLabel(k).name()));
        if (refClass != null && refClass[i] != k) {
            String ref = refClass[i] == NO_REFERENCE ? "none"
                    : refClass[i] == OTHER ? "other" : AamiClass.ofLabel(refClass[i]).name();
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#000\" font-size=\"10\" "
                    + "text-anchor=\"middle\">%s</text>", x, HEIGHT - 2, ref));
        }
        return svg.toString();
    }

    /** The reference beat has no AAMI class (e.g. an unclassifiable beat outside the five). */
    static final int OTHER = -1;
    /** No reference beat within the match window. */
    static final int NO_REFERENCE = -2;

    /**
     * For each classified beat, the class of the reference beat paired with it ({@link #OTHER}
     * or {@link #NO_REFERENCE} when there is none of the five); null without a reference.
     */
    static int[] referenceClassOfEachBeat(ClassifiedRecording c) {
        List<Annotation> reference = c.recording().reference();
        if (reference == null) {
            return null;
        }
        long[] ref = reference.stream().mapToLong(Annotation::sample).toArray();
        long[] test = Arrays.stream(c.recording().beats().positions()).asLongStream().toArray();
        int[] out = new int[test.length];
        Arrays.fill(out, NO_REFERENCE);
        BeatMatcher.Result m = BeatMatcher.match(ref, test,
                Math.round(MATCH_SECONDS * c.recording().record().frequency()));
        for (BeatMatcher.Pair p : m.pairs()) {
            AamiClass k = AamiClass.ofSymbol(reference.get(p.reference()).symbol());
            out[p.detection()] = k == null ? OTHER : k.label();
        }
        return out;
    }

    private static XYChart tachogram(ClassifiedRecording c, double fs) {
        XYChart chart = new XYChartBuilder().width(2 * Charts.WIDTH).height(Charts.HEIGHT).title("RR tachogram")
                .xAxisTitle("time (min)").yAxisTitle("RR before the beat (s)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                .setChartBackgroundColor(Color.WHITE).setMarkerSize(3)
                .setLegendPosition(Styler.LegendPosition.InsideNE);
        BeatTable beats = c.recording().beats();
        for (AamiClass k : AamiClass.values()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < beats.size(); i++) {
                if (c.classes()[i] == k.label()) {
                    x.add(beats.positions()[i] / fs / 60);
                    y.add((double) beats.rr()[i * beats.rrWidth()]);
                }
            }
            if (!x.isEmpty()) {
                XYSeries s = chart.addSeries(k.name() + " (" + x.size() + ")", x, y);
                s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(Color.decode(COLOURS[k.label()]));
            }
        }
        return chart;
    }

    /** The rhythm's irregularity around each beat over the record, with the rule's threshold. */
    private static XYChart irregularity(ClassifiedRecording c, double fs) {
        XYChart chart = new XYChartBuilder().width(2 * Charts.WIDTH).height(Charts.HEIGHT)
                .title("Rhythm irregularity").xAxisTitle("time (min)").yAxisTitle("irregularity").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(0).setLegendVisible(false);
        int[] positions = c.recording().beats().positions();
        double[] v = RhythmIrregularity.of(Arrays.stream(positions).asLongStream().toArray());
        double[] minutes = Arrays.stream(positions).mapToDouble(p -> p / fs / 60).toArray();
        chart.addSeries("irregularity", minutes, v).setMarker(SeriesMarkers.NONE).setLineColor(Color.DARK_GRAY);
        double threshold = FibrillationRule.chosen().threshold();
        chart.addSeries("threshold", new double[] {minutes[0], minutes[minutes.length - 1]},
                new double[] {threshold, threshold}).setMarker(SeriesMarkers.NONE).setLineColor(Color.RED)
                .setLineStyle(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                        10f, new float[] {6f, 4f}, 0f));
        return chart;
    }

    private static int x(long offset, int rowSamples) {
        return (int) Math.round((double) offset * WIDTH / rowSamples);
    }

    /** The signal of [start, end) as polyline points: a column's minimum and maximum, so no peak is lost. */
    private static String trace(double[] signal, int start, int end, int rowSamples, double[] range) {
        StringBuilder b = new StringBuilder();
        int columns = (int) Math.ceil((double) COLUMNS * (end - start) / rowSamples);
        for (int col = 0; col < columns; col++) {
            int from = start + (int) ((long) col * rowSamples / COLUMNS);
            int to = Math.min(end, start + (int) ((long) (col + 1) * rowSamples / COLUMNS));
            if (from >= to) {
                continue;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                lo = Math.min(lo, signal[i]);
                hi = Math.max(hi, signal[i]);
            }
            int px = col * WIDTH / COLUMNS;
            b.append(px).append(',').append(y(hi, range)).append(' ').append(px).append(',').append(y(lo, range))
                    .append(' ');
        }
        return b.toString().trim();
    }

    private static int y(double v, double[] range) {
        double t = (v - range[0]) / (range[1] - range[0]);
        t = Math.max(-0.05, Math.min(1.05, t));
        return (int) Math.round(HEIGHT - 16 - t * (HEIGHT - 32));
    }

    /** The 0.1 % and 99.9 % points of the signal: the scale of every row, unmoved by a few artefacts. */
    static double[] robustRange(double[] signal) {
        double[] sorted = signal.clone();
        Arrays.sort(sorted);
        double lo = sorted[(int) (0.001 * (sorted.length - 1))];
        double hi = sorted[(int) (0.999 * (sorted.length - 1))];
        return hi > lo ? new double[] {lo, hi} : new double[] {lo - 1, lo + 1};
    }

    private static List<String> row(String name, int[] values) {
        List<String> r = new ArrayList<>(List.of(name));
        for (int v : values) {
            r.add(String.format(Locale.ROOT, "%,d", v));
        }
        return r;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", 100 * v);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
