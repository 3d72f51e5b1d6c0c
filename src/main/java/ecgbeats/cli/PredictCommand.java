package ecgbeats.cli;

import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import ecgbeats.data.KaggleCsv;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.AnnotationCodes;
import ecgbeats.data.wfdb.AnnotationFile;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.beat.BeatTable;
import ecgbeats.report.RecordingReport;
import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.FibrillationRule;
import ecgbeats.train.Network;
import ecgbeats.train.RunDirectory;
import ecgbeats.train.RunEnsemble;
import ecgbeats.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code predict}: classify beats with a trained run. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify beats with a trained run: rows of the Kaggle CSV layout (--csv), or every beat of a "
                + "WFDB recording (--record), found in its .atr file or by the QRS detector (--detect).")
final class PredictCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Mixin
    AfRuleOption afRule;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR", converter = RunFolder.class, description = "A run folder (train --out), or a cross-validation's (crossval --out: its fold runs as one ensemble); "
            + "repeat it to classify with several runs as one ensemble (each beat's class probabilities the mean "
            + "of theirs).")
    List<Path> runs;

    @picocli.CommandLine.ArgGroup(multiplicity = "1")
    Input input;

    /** Exactly one of the two inputs. */
    static final class Input {
        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Beats, one per row.")
        Path csv;

        @Option(names = "--record", required = true, paramLabel = "PATH",
                description = "A WFDB record, PATH without extension (PATH.hea, its signal file, PATH.atr if any).")
        Path record;
    }

    @Option(names = "--detect", description = "With --record: find beats with our QRS detector even when PATH.atr "
            + "exists.")
    boolean detect;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the CSV (default: stdout).")
    Path out;

    @Option(names = "--annotations", paramLabel = "FILE", description = "With --record: also write the beats as a "
            + "WFDB annotation file (MIT format, symbols N, S, V, F, Q).")
    Path annotations;

    @Option(names = "--ask", paramLabel = "N", description = "With --annotations: write only N beats chosen for a "
            + "person to confirm or correct (half among the quarter of the beats the run is least sure of, the rest spread over the "
            + "recording), each with the run's class; the corrected file is what adapt --labels learns from.")
    Integer ask;

    @Option(names = "--report", paramLabel = "FILE.html", description = "With --record: also write a report to look "
            + "at: the ECG in 10-second rows with each beat's class, disagreements with PATH.atr marked, the RR "
            + "tachogram, class counts and the beat-by-beat comparison.")
    Path report;

    @Override
    public Integer call() throws Exception {
        runs = RunDirectory.expand(runs);
        if (input.record != null) {
            return predictRecord();
        }
        for (String option : new String[] {"--detect", "--annotations", "--ask", "--report", "--af-rule"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new BadInputException(option + " goes with --record (a CSV's rows are beats without a recording)");
            }
        }
        StringBuilder sb = new StringBuilder("index,class,p_N,p_S,p_V,p_F,p_Q\n");
        BeatTable beats;
        try (RunEnsemble ensemble = RunEnsemble.load(runs)) {
            Network withTemplate = ensemble.withTemplate();
            if (withTemplate != null) {
                // a CSV's rows name no patient, so there is no record's median beat to compare with
                throw new BadInputException("--csv: the model compares each beat with its record's median beat "
                        + "(template=" + withTemplate.spec().template().id() + "), and a CSV names no records; "
                        + "classify a recording with --record");
            }
            beats = KaggleCsv.readForPrediction(input.csv);
            float[] logp = ensemble.logProbabilities(beats);
            int[] classes = Training.argmax(logp);
            for (int i = 0; i < beats.size(); i++) {
                int best = classes[i];
                sb.append(i).append(',').append(AamiClass.ofLabel(best).name());
                for (int c = 0; c < AamiClass.COUNT; c++) {
                    sb.append(',').append(String.format(Locale.ROOT, "%.6f", Math.exp(logp[i * AamiClass.COUNT + c])));
                }
                sb.append('\n');
            }
        }
        if (out == null) {
            System.out.print(sb);
        } else {
            AtomicFile.writeString(out, sb.toString());
            spec.commandLine().getErr().printf("%d beats classified -> %s%n", beats.size(), out);
        }
        return 0;
    }

    private int predictRecord() throws Exception {
        if (ask != null && (annotations == null || ask < 1)) {
            throw new BadInputException("--ask " + ask + ": " + (ask < 1 ? "must be at least 1"
                    : "goes with --annotations FILE (the beats to ask about are written there)"));
        }
        ClassifiedRecording network;
        String classifier;
        try (RunEnsemble ensemble = RunEnsemble.load(runs)) {
            network = ensemble.classify(ensemble.cut(input.record, detect));
            classifier = ensemble.describe();
        }
        FibrillationRule rule = afRule.rule();
        // the S floor and the early rule the runs were adapted with, where this patient's labelled beats let them hold
        ecgbeats.adapt.PatientRules rules = ecgbeats.adapt.AdaptedRun.rules(runs.stream().map(RunDirectory::new).toList());
        ecgbeats.adapt.PatientRules.Stages stages = rules.stages(network, rule == null ? x -> x : rule::apply);
        ClassifiedRecording c = stages.calls();
        boolean[] labelled = labelledBeats(c);
        BeatTable beats = c.recording().beats();
        String csv = recordCsv(c);
        List<Annotation> marks = new ArrayList<>();
        int[] rows = ask == null ? java.util.stream.IntStream.range(0, beats.size()).toArray()
                // the network's own doubts, as evaluate --adapt ask chooses them, whatever the rule then decides
                : ecgbeats.adapt.BeatQuestions.choose(network, ask, ecgbeats.adapt.BeatQuestions.DEFAULT);
        for (int i : rows) {
            marks.add(new Annotation(beats.positions()[i], AnnotationCodes.code(AamiClass.ofLabel(c.classes()[i]).name()),
                    0, 0, 0, ""));
        }
        if (annotations != null) {
            byte[] encoded = AnnotationFile.encode(marks);
            AtomicFile.write(annotations, o -> o.write(encoded));
        }
        if (report != null) {
            Integer turnedN = rule == null ? null : changed(stages.floored(), stages.afterAf());
            Integer onTimeN = c == stages.afterAf() ? null : changed(stages.afterAf(), c);
            Integer flooredS = stages.floored() == network ? null : changed(network, stages.floored());
            AtomicFile.writeString(report, RecordingReport.render(c, classifier, labelled, turnedN, onTimeN, flooredS));
        }
        if (out == null) {
            System.out.print(csv);
        } else {
            AtomicFile.writeString(out, csv);
        }
        StringBuilder summary = new StringBuilder();
        int[] counts = c.counts();
        for (AamiClass k : AamiClass.values()) {
            summary.append(' ').append(k.name()).append(' ').append(counts[k.label()]);
        }
        spec.commandLine().getErr().printf("%s: %d beats (%s),%s%s%s%s%n", input.record, beats.size(),
                c.recording().detected() ? "found by the QRS detector" : "from the .atr file", summary,
                out == null ? "" : " -> " + out, annotations == null ? "" : ", " + (ask == null ? "annotations"
                        : marks.size() + " beats to ask about") + " -> " + annotations,
                report == null ? "" : ", report -> " + report);
        return 0;
    }

    /**
     * The beats the runs learnt from (runs adapted to this recording, an ensemble's members all to
     * the same labels), to box in the report; null when there are none or the members disagree.
     */
    private boolean[] labelledBeats(ClassifiedRecording c) {
        boolean[] first = null;
        for (Path r : runs) {
            boolean[] marked = ecgbeats.adapt.AdaptedRun.labelledBeats(new RunDirectory(r), c.recording());
            if (marked == null || (first != null && !java.util.Arrays.equals(first, marked))) {
                return null;
            }
            first = first == null ? marked : first;
        }
        return first;
    }

    /** How many beats' classes differ between {@code a} and {@code b}, two classifications of one recording. */
    private static int changed(ClassifiedRecording a, ClassifiedRecording b) {
        return (int) java.util.stream.IntStream.range(0, a.classes().length)
                .filter(i -> a.classes()[i] != b.classes()[i]).count();
    }

    /** Each beat of the recording: sample, time, class and the five probabilities. */
    private static String recordCsv(ClassifiedRecording c) {
        BeatTable beats = c.recording().beats();
        double fs = c.recording().record().frequency();
        StringBuilder sb = new StringBuilder("sample,time_s,class,p_N,p_S,p_V,p_F,p_Q\n");
        for (int i = 0; i < beats.size(); i++) {
            long sample = beats.positions()[i];
            sb.append(sample).append(',').append(String.format(Locale.ROOT, "%.3f", sample / fs)).append(',')
                    .append(AamiClass.ofLabel(c.classes()[i]).name());
            for (int j = 0; j < AamiClass.COUNT; j++) {
                sb.append(',').append(String.format(Locale.ROOT, "%.6f", c.probability(i, j)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
