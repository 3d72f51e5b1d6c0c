package ecgbeats.cli;

import ecgbeats.adapt.AdaptJob;
import ecgbeats.adapt.AdaptMethod;
import ecgbeats.adapt.AdaptSettings;
import ecgbeats.adapt.EarlyRuleDecision;
import ecgbeats.adapt.SFloorDecision;
import ecgbeats.adapt.LabelSource;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.qrs.BeatComparison;
import ecgbeats.util.BadInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code adapt}: a trained run made one patient's, from labels a person gave or from the recording alone. */
@Command(name = "adapt", mixinStandardHelpOptions = true,
        description = "Adapt a trained run to one recording: fine-tuned on the beats a person labelled (the first "
                + "minutes of the record's .atr, or an annotation file of any beats), or, without labels, on the "
                + "recording's own beats (transductive). Writes a run folder "
                + "that predict, evaluate and report use like any run.")
final class AdaptCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Mixin
    AfRuleOption afRule;

    @Option(names = "--run", required = true, paramLabel = "DIR", converter = RunFolder.class, description = "The run to adapt (train --out), or a "
            + "cross-validation's folder (crossval --out, pretrained:inter-folds): each fold run adapted the same way "
            + "and written as OUT/NAME, which --run OUT takes as one ensemble.")
    Path run;

    @Option(names = "--record", required = true, paramLabel = "PATH",
            description = "The WFDB record, PATH without extension.")
    Path record;

    @ArgGroup(multiplicity = "1")
    Labels labels;

    /** Exactly one source of labels, or none. */
    static final class Labels {
        @Option(names = "--labelled-minutes", required = true, paramLabel = "M", description = "Labels: PATH.atr's "
                + "beats of the first M minutes (AAMI's patient-specific practice: 5).")
        Double minutes;

        @Option(names = "--labels", required = true, paramLabel = "FILE", description = "Labels: an annotation file "
                + "(MIT format) holding just the beats someone labelled.")
        Path file;

        @Option(names = "--unsupervised", required = true, arity = "0..1", fallbackValue = "self-training",
                paramLabel = "METHOD", description = "No labels, the recording's own beats: self-training (the "
                + "default: fine-tuned on the beats the run classifies confidently) or batch-norm (AdaBN). "
                + "Transductive, and said so in the run folder.")
        String unsupervised;
    }

    @Option(names = "--detect", description = "Classify the beats our QRS detector finds, even when PATH.atr exists.")
    boolean detect;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "An adaptation setting (defaults chosen over "
            + "DS1's records): epochs (6), lr (1e-3), batch (32), weight_decay (1e-5), replay (2000 training beats), "
            + "local_share (0.6, the labelled beats' share of the loss), part (all, trunk or head), premature (0.3, "
            + "premature copies of labelled N beats, labelled S), premature_spread (0, that share instead where the "
            + "labelled beats are spread over the recording, as asked beats are), premature_regular (0.3, the share of regular N "
            + "beats a patient needs for copies), premature_gate (labelled: that share of the labelled N beats; record: "
            + "of all the recording's beats, from their RR intervals), rate (0, rate copies of labelled N beats: the rhythm faster, "
            + "labelled N), replay_weights (true: the run's class weights on replayed beats), teacher (self-training: "
            + "auto, the run with the recording's BatchNorm statistics gives the pseudo-labels where the run calls "
            + "most beats N; adabn, always; trained, never), rounds (self-training: 1, how many times it learns "
            + "the confident calls of the round before), early_rule (0.9; with labels only: S calls on time for "
            + "their rhythm made N unless a labelled S beat of the patient came on time; 0, off), s_floor (0.99; with "
            + "labels spread over the recording and none of them S: S calls below this probability made their next "
            + "likeliest class; 0, off).")
    List<String> settings = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The adapted run folder to create.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(record.resolveSibling(record.getFileName() + ".hea"))) {
            throw new BadInputException("--record " + record + ": " + record.getFileName() + ".hea not found");
        }
        if (labels.minutes != null && !(labels.minutes > 0)) {
            throw new BadInputException("--labelled-minutes " + labels.minutes + ": must be positive");
        }
        if (labels.file != null && !Files.isRegularFile(labels.file)) {
            throw new BadInputException("--labels " + labels.file + ": no such file");
        }
        AdaptMethod method = labels.unsupervised == null ? AdaptMethod.FINE_TUNE : AdaptMethod.of(labels.unsupervised);
        if (labels.unsupervised != null
                && (method == null || method == AdaptMethod.FINE_TUNE || method == AdaptMethod.CLUSTERS)) {
            throw new BadInputException("--unsupervised " + labels.unsupervised + ": expected self-training or "
                    + "batch-norm (clusters adapt no weights: evaluate --adapt clusters measures them)");
        }
        if (method == AdaptMethod.BATCH_NORM && !settings.isEmpty()) {
            throw new BadInputException("--set: batch-norm has no settings");
        }
        AdaptSettings s = AdaptSettings.defaults(method).with(settings).checkedFor(method);
        LabelSource source = labels.minutes != null ? new LabelSource.FirstMinutes(labels.minutes)
                : labels.file != null ? new LabelSource.AnnotationLabels(labels.file) : null;
        List<Path> members = ecgbeats.train.RunDirectory.expand(List.of(run));
        AdaptJob.Outcome o = members.size() == 1
                ? AdaptJob.run(run, record, source, method, s, detect, seed, afRule.rule(), out)
                : AdaptJob.runEnsemble(members, record, source, method, s, detect, seed, afRule.rule(), out);
        if (o.labels() != null) {
            System.out.printf(Locale.ROOT, "%s: %d beats (%s); %d labelled (%s) before %.1f s%s%n", record, o.beats(),
                    o.adaptation().detected() ? "found by the QRS detector" : "from the .atr file", o.labels().size(),
                    ClassCounts.text(o.labels().classCounts()), o.labels().until() / o.frequency(), o.labels().unmatched() == 0 ? ""
                            : "; " + o.labels().unmatched() + " labels fell on no beat and were not used");
        } else {
            System.out.printf("%s: %d beats; no labels (%s, transductive)%n", record, o.beats(), method.id());
        }
        System.out.printf(Locale.ROOT, "adapted in %.1f s -> %s%s%n", o.seconds(), out, members.size() == 1 ? ""
                : " (" + members.size() + " runs, each adapted, classifying as one)");
        EarlyRuleDecision timing = o.adaptation().earlyRule();
        if (timing != null) {
            System.out.printf(Locale.ROOT, "early rule (S calls on time made N, share %s): %s%n", timing.share(),
                    timing.applies() ? "applies (none of the " + timing.labelledS() + " labelled S beats came on time)"
                    : "left alone (" + timing.labelledSOnTime() + " of the " + timing.labelledS()
                    + " labelled S beats came on time: this patient's S beats are part of its rhythm)");
        }
        SFloorDecision floor = o.adaptation().sFloor();
        if (floor != null) {
            System.out.printf(Locale.ROOT, "S floor (S calls below %s of probability made their next class): %s%n",
                    floor.floor(), floor.applies() ? "applies (the labelled beats, spread over the recording, hold no S)"
                    : floor.spread() ? "left alone (" + floor.labelledS() + " labelled S beats)"
                    : "left alone (the labelled beats are not spread over the recording)");
        }
        if (o.adapted() != null) {
            System.out.println(o.labels() == null ? "on the whole record:" : o.judgedFrom() > 0
                    ? "on the beats after the labelled span:" : "on the beats not labelled:");
            System.out.print(compare("base", o.base()) + compare("adapted", o.adapted()));
        }
        return 0;
    }

    private static String compare(String name, BeatComparison c) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-8s", name));
        for (AamiClass k : AamiClass.values()) {
            if (c.reference(k.label()) > 0 || c.predicted(k.label()) > 0) {
                b.append(String.format(Locale.ROOT, "  %s Se %s +P %s", k.name(), pct(c.sensitivity(k.label())),
                        pct(c.positivePredictivity(k.label()))));
            }
        }
        return b.append('\n').toString();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

}
