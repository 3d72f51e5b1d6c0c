package ecgbeats.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ecgbeats.adapt.AdaptMethod;
import ecgbeats.adapt.AdaptProtocol;
import ecgbeats.adapt.AdaptSettings;
import ecgbeats.adapt.AdaptiveEvaluation;
import ecgbeats.adapt.RecordAdapter;
import ecgbeats.data.BeatDataset;
import ecgbeats.data.DatasetFile;
import ecgbeats.data.Split;
import ecgbeats.data.qrs.BeatComparison;
import ecgbeats.report.AdaptiveTable;
import ecgbeats.report.Ec57Table;
import ecgbeats.train.Evaluation;
import ecgbeats.train.FibrillationRule;
import ecgbeats.train.Metrics;
import ecgbeats.train.Recording;
import ecgbeats.train.RunDirectory;
import ecgbeats.train.RunEnsemble;
import ecgbeats.util.AtomicFile;
import ecgbeats.util.BadInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code evaluate}: a trained run's metrics on a split, or beat by beat on recordings. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Reload a run and compute its metrics on a split of a dataset (--data), or compare its "
                + "classification of recordings beat by beat with their reference annotations, as WFDB's bxb "
                + "does (--records, --source). Several --run: the runs as one ensemble, each beat's "
                + "class probabilities the mean of theirs.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    DebugOption debug;

    @Mixin
    AfRuleOption afRule;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR", converter = RunFolder.class, description = "A run folder (train --out), or a cross-validation's (crossval --out: its fold runs as one ensemble); "
            + "repeat it to evaluate the runs as one ensemble.")
    List<Path> runs;

    @ArgGroup(multiplicity = "1")
    Input input;

    /** A dataset split, or recordings. */
    static final class Input {
        @Option(names = "--data", required = true, paramLabel = "FILE", description = "A dataset file.")
        Path data;

        @Option(names = "--records", required = true, split = ",", paramLabel = "LIST",
                description = "Records to compare beat by beat (all: those with an .atr): " + RecordList.GRAMMAR + ".")
        List<String> records;
    }

    @Option(names = "--split", defaultValue = "test", paramLabel = "test|valid|train", description = "With --data. "
            + "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--source", paramLabel = "DIR", description = "With --records: the folder of the WFDB records.")
    Path source;

    @Option(names = "--detect", description = "With --records: classify the beats our QRS detector finds, instead "
            + "of the reference beats.")
    boolean detect;

    @Option(names = "--window", defaultValue = "0.15", paramLabel = "SECONDS",
            description = "With --records: the match window. Default: ${DEFAULT-VALUE}.")
    double window;

    @Option(names = "--json", description = "Print JSON (metrics.json's format for --data).")
    boolean json;

    @Option(names = "--adapt", paramLabel = "5m|ask:N|unsupervised", description = "With --records: adapt the run to "
            + "each record. 5m: AAMI's patient-specific protocol, each record's first 5 minutes labelled from its "
            + ".atr and the rest judged; ask:N: N beats ecgbeats chooses over the whole record labelled from its .atr "
            + "(the default, ask:N:unsure: half of them among the quarter of the beats the run is least sure of; "
            + "ask:N:calls: half among its S, V, F and Q calls; ask:N:spread: evenly in time), every other beat "
            + "judged; unsupervised: self-training on each record's own beats (or name a method: "
            + "self-training, batch-norm, clusters), the whole record judged (transductive). The unadapted run is "
            + "judged on the same beats beside it. Several --run: each adapted, the adapted runs classifying as one "
            + "ensemble.")
    String adapt;

    @Option(names = "--adapt-set", paramLabel = "NAME=VALUE", description = "With --adapt: an adaptation setting, "
            + "as adapt --set takes it (adapt --help lists them).")
    List<String> adaptSettings = new ArrayList<>();

    @Option(names = "--beats", paramLabel = "DIR", description = "With --adapt: write each record's beats to "
            + "DIR/RECORD.csv (reference class, labelled, judged, the unadapted and the adapted run's classes, the "
            + "adapted run's probabilities, the beat against its neighbours' rhythm).")
    Path beatsDir;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "With --adapt: the adaptation's "
            + "seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        runs = RunDirectory.expand(runs);
        if (input.records != null) {
            refuse("--records", "--split");
            if (adapt == null && beatsDir != null) {
                throw new BadInputException("--beats goes with --adapt");
            }
            return adapt != null ? adaptive() : beatByBeat();
        }
        refuse("--data", "--source", "--detect", "--window", "--adapt", "--adapt-set", "--seed", "--beats", "--af-rule");
        Split s = Split.parse(split);
        try (RunEnsemble ensemble = RunEnsemble.load(runs)) {
            BeatDataset d = DatasetFile.read(input.data);
            Metrics m = Evaluation.metrics(ensemble.members(), d, s);
            if (json) {
                System.out.println(RunDirectory.metricsJson(m));
            } else {
                printEnsemble(ensemble);
                System.out.print(m.table());
            }
        }
        return 0;
    }

    /** Options of the other mode are refused rather than silently ignored. */
    private void refuse(String mode, String... options) {
        for (String o : options) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new BadInputException(o + " does not apply with " + mode
                        + (mode.equals("--data") ? " (it is for --records)" : " (it is for --data)"));
            }
        }
    }

    private static void printEnsemble(RunEnsemble ensemble) {
        if (ensemble.size() > 1) {
            System.out.printf("ensemble of %d runs (the mean of their class probabilities)%n", ensemble.size());
        }
    }

    private int beatByBeat() throws Exception {
        List<Path> bases = checkedRecords();
        List<String> names = bases.stream().map(b -> b.getFileName().toString()).toList();
        List<BeatComparison> parts = new ArrayList<>();
        try (RunEnsemble ensemble = RunEnsemble.load(runs)) {
            if (!json) {
                printEnsemble(ensemble);
            }
            for (Path base : bases) {
                parts.add(afRule.applied().apply(ensemble.classify(ensemble.cut(base, detect))).comparison(window));
            }
        }
        BeatComparison gross = BeatComparison.sum(parts);
        if (json) {
            ObjectNode root = Ec57Table.json(names, parts, gross);
            Ec57Table.putAfRule(root, afRuleThreshold());
            System.out.println(root);
        } else {
            System.out.print(Ec57Table.text(names, parts, gross));
            printRule();
        }
        return 0;
    }

    /**
     * An adaptive protocol (--adapt): each record adapted on its first minutes and judged on the
     * rest, or adapted without labels and judged whole.
     */
    private int adaptive() throws java.io.IOException {
        AdaptProtocol protocol = AdaptProtocol.parse(adapt);
        AdaptMethod method = protocol.method();
        if (!adaptSettings.isEmpty() && !protocol.hasSettings()) {
            throw new BadInputException("--adapt-set: --adapt " + adapt + " has no settings");
        }
        List<Path> bases = checkedRecords();
        AdaptSettings settings;
        try {
            settings = AdaptSettings.defaults(method).with(adaptSettings).checkedFor(method);
        } catch (BadInputException e) {
            throw new BadInputException(e.phrasedAs("--adapt-set"));
        }
        RecordAdapter adapter = protocol.adapter(runs, settings);
        List<AdaptiveEvaluation.RecordResult> results;
        try (RunEnsemble ensemble = RunEnsemble.load(runs)) {
            AdaptiveEvaluation evaluation = new AdaptiveEvaluation(ensemble, adapter, window, afRule.applied(),
                    settings);
            if (beatsDir != null) {
                java.nio.file.Files.createDirectories(beatsDir);
                evaluation.listingBeats();
            }
            results = evaluation.run(bases, detect, seed, this::progress);
        }
        if (json) {
            System.out.println(AdaptiveTable.json(protocol, settings, seed, afRuleThreshold(), results));
        } else {
            System.out.print(AdaptiveTable.text(protocol, results));
            printRule();
        }
        return 0;
    }


    /** The --af-rule threshold, or null without the rule: what classified the beats. */
    private Double afRuleThreshold() {
        FibrillationRule rule = afRule.rule();
        return rule == null ? null : rule.threshold();
    }

    /** Which calls the tables judged, on stderr beside the progress: the fibrillation rule's (the default) or the network's own. */
    private void printRule() {
        FibrillationRule rule = afRule.rule();
        spec.commandLine().getErr().println(rule == null ? "the network's own calls (--af-rule=off)"
                : String.format(Locale.ROOT, "S calls in an irregularly irregular rhythm made N (--af-rule %s; "
                + "--af-rule=off: the network's own calls)", rule.threshold()));
    }

    private void progress(AdaptiveEvaluation.RecordResult r) {
        if (r.beats() != null) {
            try {
                AtomicFile.writeString(beatsDir.resolve(r.record().getFileName() + ".csv"), r.beats());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (!json) {
            spec.commandLine().getErr().printf(Locale.ROOT, "%s: %s, adapted and classified in %.1f s%n",
                    r.record().getFileName(), r.labels() == null ? "no labels"
                            : r.labels().size() + " beats labelled (" + ClassCounts.text(r.labels().classCounts()) + ")",
                    r.seconds());
        }
    }

    /** The records' paths, each checked to have a header and reference annotations. */
    private List<Path> checkedRecords() {
        if (source == null) {
            throw new BadInputException("--records needs --source DIR (the folder of the WFDB records)");
        }
        if (window <= 0) {
            throw new BadInputException("--window " + window + ": must be positive");
        }
        List<Path> out = new ArrayList<>();
        for (String name : recordNames()) {
            Path base = source.resolve(name);
            if (!Files.exists(base.resolveSibling(name + ".hea"))) {
                throw new BadInputException("--records: record " + name + " is not in " + source + " ("
                        + base.resolveSibling(name + ".hea") + " not found)");
            }
            if (!Files.exists(Recording.annotationFile(base))) {
                throw new BadInputException(Recording.annotationFile(base)
                        + " not found: the record has no reference annotations to compare with");
            }
            out.add(base);
        }
        return out;
    }

    private List<String> recordNames() {
        List<String> out = RecordList.expand(input.records, () -> ecgbeats.data.wfdb.AnnotatedRecords.in(source));
        if (out.isEmpty()) {
            throw new BadInputException("--records: no records in " + source);
        }
        return out;
    }
}
