package ecgbeats.cli;

import ecgbeats.TestData;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.data.wfdb.Annotation;
import ecgbeats.data.wfdb.AnnotationCodes;
import ecgbeats.data.wfdb.AnnotationFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** adapt and evaluate --adapt end to end on the bundled records, and their bad input. */
class AdaptCommandTest {

    /** 232's first minute holds about 60 beats, N and S: enough to adapt on, quick to train. */
    private static final String MINUTES = "1";

    @TempDir
    static Path dir;
    static Path data;
    static Path run;

    @BeforeAll
    static void trainABase() {
        data = dir.resolve("d.ecgb");
        Cli.buildBundled("208,213", data);
        run = dir.resolve("base");
        Cli.Run r = Cli.run("train", "--data", data.toString(), "--model", "cnn2d", "--set", "hidden=4",
                "--set", "features=rr_norm", "--set", "template=median", "--fraction", "0.2", "--epochs", "1",
                "--class-weights", "--skip-test", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
    }

    /** adapt RUN to RECORD on its first minute, quickly; the result. */
    private static Cli.Run adapt(Path record, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("adapt", "--run", run.toString(), "--record", record.toString(),
                "--set", "epochs=2", "--set", "replay=300", "--out", out.toString()));
        args.addAll(List.of(more));
        if (!args.contains("--labels") && !args.contains("--unsupervised") && !args.contains("--labelled-minutes")) {
            args.addAll(List.of("--labelled-minutes", MINUTES));
        }
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void anAdaptedRunIsARunThatRecordsWhatItLearntFrom() throws IOException {
        Path out = dir.resolve("adapted");
        Cli.Run r = adapt(TestData.bundled().resolve("232"), out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("labelled (N "), r.out());
        assertTrue(r.out().contains("on the beats after the labelled span:"), r.out());
        var config = ecgbeats.util.Json.MAPPER.readTree(out.resolve("config.json").toFile());
        var a = config.get("adaptation");
        assertEquals("fine-tune", a.get("method").asText());
        assertFalse(a.get("transductive").asBoolean());
        assertEquals("first_minutes", a.get("labels").get("source").asText());
        assertEquals(ecgbeats.util.Sha256.of(TestData.bundled().resolve("232.atr")), a.get("labels").get("sha256").asText());
        assertEquals(360 * 60, a.get("labels").get("until_sample").asLong());
        assertEquals(ecgbeats.util.Sha256.of(run.resolve("model.params")), a.get("base_params_sha256").asText());
        assertEquals(ecgbeats.train.FibrillationRule.chosen().threshold(), a.get("af_rule").asDouble(),
                "the calls judged went through the fibrillation rule, as evaluate's and predict's do");
        var metrics = ecgbeats.util.Json.MAPPER.readTree(out.resolve("metrics.json").toFile());
        assertEquals(360 * 60, metrics.get("judged_from_sample").asLong());
        assertFalse(metrics.get("transductive").asBoolean());
        // predict takes it as it takes any run
        Path csv = dir.resolve("adapted-232.csv");
        Path html = dir.resolve("adapted-232.html");
        Cli.Run p = Cli.run("predict", "--run", out.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--out", csv.toString(), "--report", html.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.readAllLines(csv).size() > 1000);
        // the report boxes the beats the run learnt from: the first minute's
        String report = Files.readString(html);
        int labelled = a.get("labels").get("beats").get("N").asInt() + a.get("labels").get("beats").get("S").asInt();
        assertTrue(report.contains(labelled + " beats, boxed in the ECG below, were labelled"), report.substring(0, 600));
        assertEquals(labelled, report.split("stroke=\"#2ca02c\"", -1).length - 1);
        // another record: nothing of it was labelled
        Path other = dir.resolve("adapted-217.html");
        assertEquals(0, Cli.run("predict", "--run", out.toString(), "--record", TestData.bundled().resolve("217")
                .toString(), "--out", dir.resolve("adapted-217.csv").toString(), "--report", other.toString()).code());
        assertFalse(Files.readString(other).contains("were labelled"));
    }

    @Test
    void noLabelAfterTheSpanReachesAdaptation() throws IOException {
        // the same record twice, once with every label after the first minute changed: the same weights
        Path a = dir.resolve("same-a");
        Path b = dir.resolve("same-b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        Path ra = TestData.copyRecord("232", a);
        Path rb = TestData.copyRecord("232", b);
        List<Annotation> changed = new ArrayList<>();
        for (Annotation x : AnnotationFile.read(rb.resolveSibling("232.atr"))) {
            boolean after = x.sample() >= 360L * 60;
            changed.add(after && x.isBeat() ? new Annotation(x.sample(), AnnotationCodes.code(
                    x.symbol().equals("N") ? "V" : "N"), 0, 0, 0, "") : x);
        }
        Files.write(rb.resolveSibling("232.atr"), AnnotationFile.encode(changed));
        assertEquals(0, adapt(ra, dir.resolve("from-a")).code());
        assertEquals(0, adapt(rb, dir.resolve("from-b")).code());
        assertArrayEquals(Files.readAllBytes(dir.resolve("from-a/model.params")),
                Files.readAllBytes(dir.resolve("from-b/model.params")));
        // and a change inside the span does change them (the check can fail)
        Path c = dir.resolve("same-c");
        Files.createDirectories(c);
        Path rc = TestData.copyRecord("232", c);
        List<Annotation> early = new ArrayList<>();
        for (Annotation x : AnnotationFile.read(rc.resolveSibling("232.atr"))) {
            early.add(x.sample() < 360L * 60 && x.isBeat() ? new Annotation(x.sample(), AnnotationCodes.code("V"), 0, 0,
                    0, "") : x);
        }
        Files.write(rc.resolveSibling("232.atr"), AnnotationFile.encode(early));
        assertEquals(0, adapt(rc, dir.resolve("from-c")).code());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("from-a/model.params")),
                Files.readAllBytes(dir.resolve("from-c/model.params"))));
    }

    @Test
    void theSameSeedAdaptsTheSameWay() throws IOException {
        Path record = TestData.bundled().resolve("232");
        assertEquals(0, adapt(record, dir.resolve("seed-1a"), "--seed", "1").code());
        assertEquals(0, adapt(record, dir.resolve("seed-1b"), "--seed", "1").code());
        assertEquals(0, adapt(record, dir.resolve("seed-2"), "--seed", "2").code());
        byte[] first = Files.readAllBytes(dir.resolve("seed-1a/model.params"));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("seed-1b/model.params")));
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(dir.resolve("seed-2/model.params"))));
    }

    @Test
    void aCrossValidationsFoldRunsAdaptAsOneEnsemble() throws IOException {
        // two fold runs (copies of the base: what matters is that the folder holds fold-N runs)
        Path folds = dir.resolve("folds");
        for (String fold : new String[] {"fold-1", "fold-2"}) {
            Files.createDirectories(folds.resolve(fold));
            for (String f : new String[] {"config.json", "model.params", "state.json"}) {
                Files.copy(run.resolve(f), folds.resolve(fold).resolve(f));
            }
        }
        Path out = dir.resolve("folds-232");
        Cli.Run r = Cli.run("adapt", "--run", folds.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--set", "epochs=2", "--set", "replay=300", "--labelled-minutes", MINUTES, "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(2 runs, each adapted, classifying as one)"), r.out());
        for (String fold : new String[] {"fold-1", "fold-2"}) {
            var a = ecgbeats.util.Json.MAPPER.readTree(out.resolve(fold).resolve("config.json").toFile())
                    .get("adaptation");
            assertEquals(folds.resolve(fold).toAbsolutePath().toString(), a.get("base_run").asText());
            assertEquals(Math.round(Double.parseDouble(MINUTES) * 60 * 360), a.get("labels").get("until_sample").asLong());
        }
        // the same members adapted alike as evaluate --adapt adapts an ensemble: the same calls
        Path one = dir.resolve("fold-1-232");
        assertEquals(0, adapt(TestData.bundled().resolve("232"), one).code());
        Path byEnsemble = dir.resolve("folds-232.csv");
        Path byOne = dir.resolve("fold-1-232.csv");
        assertEquals(0, Cli.run("predict", "--run", out.toString(), "--record", TestData.bundled().resolve("232")
                .toString(), "--out", byEnsemble.toString(), "--report", dir.resolve("folds-232.html").toString()).code());
        assertEquals(0, Cli.run("predict", "--run", one.toString(), "--record", TestData.bundled().resolve("232")
                .toString(), "--out", byOne.toString()).code());
        // two copies of one base, adapted with one seed, vote as that base adapted alone
        List<String> alone = Files.readAllLines(byOne);
        List<String> voting = Files.readAllLines(byEnsemble);
        assertEquals(alone.size(), voting.size());
        for (int i = 1; i < alone.size(); i++) {
            String[] a = alone.get(i).split(",");
            String[] b = voting.get(i).split(",");
            assertEquals(a[0] + a[2], b[0] + b[2], "beat " + i);
            for (int k = 3; k < 8; k++) {
                assertEquals(Double.parseDouble(a[k]), Double.parseDouble(b[k]), 2e-6, "beat " + i);
            }
        }
        assertTrue(Files.readString(dir.resolve("folds-232.html")).contains("were labelled"),
                "the members' labelled beats are boxed");
        assertBad(Cli.run("adapt", "--run", folds.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--labelled-minutes", "1", "--out", out.toString()), "already exists", null);
        // a fold still training (no model.params yet) is refused once the folds before it are adapted: nothing left
        Path unfinished = dir.resolve("folds-unfinished");
        for (String fold : new String[] {"fold-1", "fold-2"}) {
            Files.createDirectories(unfinished.resolve(fold));
            for (String f : new String[] {"config.json", "model.params", "state.json"}) {
                if (!(fold.equals("fold-2") && f.equals("model.params"))) {
                    Files.copy(run.resolve(f), unfinished.resolve(fold).resolve(f));
                }
            }
        }
        assertBad(Cli.run("adapt", "--run", unfinished.toString(), "--record", TestData.bundled().resolve("232")
                .toString(), "--set", "epochs=2", "--set", "replay=300", "--labelled-minutes", MINUTES, "--out",
                dir.resolve("folds-unfinished-232").toString()), "did its training finish?",
                dir.resolve("folds-unfinished-232"));
    }

    @Test
    void labelsFromAFileAndNoLabelsAtAll() throws IOException {
        // a person labelled a handful of beats: every tenth of the first 200
        List<Annotation> some = new ArrayList<>();
        List<Annotation> beats = AnnotationFile.read(TestData.bundled().resolve("232.atr")).stream()
                .filter(Annotation::isBeat).toList();
        for (int i = 0; i < 200; i += 10) {
            some.add(beats.get(i));
        }
        Path labels = dir.resolve("some.atr");
        Files.write(labels, AnnotationFile.encode(some));
        Path out = dir.resolve("from-file");
        Cli.Run r = adapt(TestData.bundled().resolve("232"), out, "--labels", labels.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("20 labelled"), r.out());
        var l = ecgbeats.util.Json.MAPPER.readTree(out.resolve("config.json").toFile()).get("adaptation").get("labels");
        assertEquals("file", l.get("source").asText());
        assertEquals(ecgbeats.util.Sha256.of(labels), l.get("sha256").asText());

        Path none = dir.resolve("unsupervised");
        Cli.Run u = Cli.run("adapt", "--run", run.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--unsupervised", "--out", none.toString());
        assertEquals(0, u.code(), u.err());
        assertTrue(u.out().contains("transductive"), u.out());
        var a = ecgbeats.util.Json.MAPPER.readTree(none.resolve("config.json").toFile()).get("adaptation");
        assertTrue(a.get("transductive").asBoolean());
        assertEquals("self-training", a.get("method").asText());
        assertEquals("auto", a.get("settings").get("teacher").asText(), "the record's statistics for a mostly normal record");
        // a second round learns from the first round's calls: other weights, recorded
        Path twice = dir.resolve("unsupervised-2");
        Cli.Run u2 = Cli.run("adapt", "--run", run.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--unsupervised", "--set", "rounds=2", "--out", twice.toString());
        assertEquals(0, u2.code(), u2.err());
        assertEquals(2, ecgbeats.util.Json.MAPPER.readTree(twice.resolve("config.json").toFile()).get("adaptation")
                .get("settings").get("rounds").asInt());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(none.resolve("model.params")),
                Files.readAllBytes(twice.resolve("model.params"))));
        assertBad(Cli.run("adapt", "--run", run.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--unsupervised", "--set", "teacher=oracle", "--out", dir.resolve("oracle").toString()),
                "teacher=oracle", dir.resolve("oracle"));
        Path bn = dir.resolve("batch-norm");
        Cli.Run b = Cli.run("adapt", "--run", run.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--unsupervised", "batch-norm", "--af-rule=off", "--out", bn.toString());
        assertEquals(0, b.code(), b.err());
        var bnAdaptation = ecgbeats.util.Json.MAPPER.readTree(bn.resolve("config.json").toFile()).get("adaptation");
        assertEquals("batch-norm", bnAdaptation.get("method").asText());
        assertTrue(bnAdaptation.get("af_rule").isNull(), bnAdaptation.toString());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(bn.resolve("model.params")),
                Files.readAllBytes(run.resolve("model.params"))), "the statistics moved");
        assertTrue(ecgbeats.util.Json.MAPPER.readTree(none.resolve("metrics.json").toFile()).get("transductive")
                .asBoolean());
    }

    @Test
    void theEarlyRuleHoldsWhereNoLabelledSBeatCameOnTime() throws IOException {
        Path record = TestData.bundled().resolve("232");
        // only N beats labelled (232's are right bundle branch block, R): nothing says this patient's S
        // beats come on time, so the rule holds
        Path labels = dir.resolve("n-only.atr");
        Files.write(labels, AnnotationFile.encode(AnnotationFile.read(TestData.bundled().resolve("232.atr")).stream()
                .filter(x -> x.symbol().equals("R")).limit(40).toList()));
        Path plain = dir.resolve("rule-off");
        Path ruled = dir.resolve("rule-on");
        Cli.Run p0 = adapt(record, plain, "--labels", labels.toString(), "--set", "early_rule=0");
        assertEquals(0, p0.code(), p0.err());
        assertFalse(p0.out().contains("early rule"), p0.out());
        Cli.Run r = adapt(record, ruled, "--labels", labels.toString());  // the rule at its default share
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("early rule (S calls on time made N, share 0.9): applies"), r.out());
        var early = ecgbeats.util.Json.MAPPER.readTree(ruled.resolve("config.json").toFile()).get("adaptation")
                .get("early_rule");
        assertTrue(early.get("applies").asBoolean(), early.toString());
        assertEquals(0, early.get("labelled_s").asInt());
        assertArrayEquals(Files.readAllBytes(plain.resolve("model.params")), Files.readAllBytes(ruled.resolve("model.params")),
                "the rule decides calls, not weights");
        // predict with the ruled run: the plain run's calls, with exactly its S calls on time made N
        List<String[]> off = predictRows(plain, record);
        List<String[]> on = predictRows(ruled, record);
        int[] positions = off.stream().mapToInt(x -> Integer.parseInt(x[0])).toArray();
        boolean[] onTime = new ecgbeats.train.EarlyRule(0.9).onTime(positions, 360);
        int turned = 0;
        for (int i = 0; i < off.size(); i++) {
            String expected = off.get(i)[2].equals("S") && onTime[i] ? "N" : off.get(i)[2];
            assertEquals(expected, on.get(i)[2], "beat " + i);
            turned += expected.equals(off.get(i)[2]) ? 0 : 1;
        }
        assertTrue(turned > 0, "the check can fail: some S calls of 232 come on time");
        Path html = dir.resolve("rule-on.html");
        assertEquals(0, Cli.run("predict", "--run", ruled.toString(), "--record", record.toString(), "--out",
                dir.resolve("rule-on-2.csv").toString(), "--report", html.toString()).code());
        assertTrue(Files.readString(html).contains("The early rule turned " + turned + " S calls into N"));
        // 232's own first minute labels S beats on time (its atrial beats are its rhythm): the rule stays off
        Path minute = dir.resolve("rule-minute");
        Cli.Run m = adapt(record, minute);
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("left alone"), m.out());
        var kept = ecgbeats.util.Json.MAPPER.readTree(minute.resolve("config.json").toFile()).get("adaptation")
                .get("early_rule");
        assertFalse(kept.get("applies").asBoolean(), kept.toString());
        assertTrue(kept.get("labelled_s_on_time").asInt() > 0);
        // no labels, nothing to decide by
        assertBad(Cli.run("adapt", "--run", run.toString(), "--record", record.toString(), "--unsupervised",
                "--set", "early_rule=0.9", "--out", dir.resolve("rule-unsup").toString()),
                "early_rule=0.9", dir.resolve("rule-unsup"));
    }

    @Test
    void theSFloorHoldsWhereLabelsSpreadOverTheRecordingHoldNoSBeat() throws IOException {
        Path record = TestData.bundled().resolve("232");
        // every tenth of 232's N beats (right bundle branch block, R), over the whole recording: a sample without S
        List<Annotation> rBeats = AnnotationFile.read(TestData.bundled().resolve("232.atr")).stream()
                .filter(x -> x.symbol().equals("R")).toList();
        Path labels = dir.resolve("n-spread.atr");
        Files.write(labels, AnnotationFile.encode(java.util.stream.IntStream.range(0, rBeats.size())
                .filter(i -> i % 10 == 0 || i == rBeats.size() - 1).mapToObj(rBeats::get).toList()));
        Path plain = dir.resolve("floor-off");
        Path floored = dir.resolve("floor-on");
        Cli.Run p0 = adapt(record, plain, "--labels", labels.toString(), "--set", "early_rule=0", "--set", "s_floor=0");
        assertEquals(0, p0.code(), p0.err());
        assertFalse(p0.out().contains("S floor"), p0.out());
        Cli.Run f = adapt(record, floored, "--labels", labels.toString(), "--set", "early_rule=0");
        assertEquals(0, f.code(), f.err());
        assertTrue(f.out().contains("S floor (S calls below 0.99 of probability made their next class): applies"),
                f.out());
        var floor = ecgbeats.util.Json.MAPPER.readTree(floored.resolve("config.json").toFile()).get("adaptation")
                .get("s_floor");
        assertTrue(floor.get("applies").asBoolean() && floor.get("spread").asBoolean(), floor.toString());
        assertEquals(0, floor.get("labelled_s").asInt());
        assertArrayEquals(Files.readAllBytes(plain.resolve("model.params")), Files.readAllBytes(floored.resolve("model.params")),
                "the floor decides calls, not weights");
        // predict with the floored run: the plain run's calls, with exactly its S calls below 0.99 made the next likeliest
        List<String[]> off = predictRows(plain, record, "--af-rule=off");
        List<String[]> on = predictRows(floored, record, "--af-rule=off");
        int turned = 0;
        for (int i = 0; i < off.size(); i++) {
            String[] row = off.get(i);
            double pS = Double.parseDouble(row[4]);
            String expected = row[2];
            if (row[2].equals("S") && pS < 0.99) {
                int best = 0;
                for (int c = 1; c < AamiClass.COUNT; c++) {
                    if (c != AamiClass.S.label() && Double.parseDouble(row[3 + c]) > Double.parseDouble(row[3 + best])) {
                        best = c;
                    }
                }
                expected = AamiClass.ofLabel(best).name();
            }
            assertEquals(expected, on.get(i)[2], "beat " + i);
            turned += expected.equals(row[2]) ? 0 : 1;
        }
        assertTrue(turned > 0, "the check can fail: some of 232's S calls are unsure after N-only labels");
        Path html = dir.resolve("floor-on.html");
        assertEquals(0, Cli.run("predict", "--run", floored.toString(), "--record", record.toString(), "--af-rule=off",
                "--out", dir.resolve("floor-on-2.csv").toString(), "--report", html.toString()).code());
        assertTrue(Files.readString(html).contains("The S floor turned " + turned + " unsure S calls"));
        // the first minutes are not a sample of the recording: the floor stays off
        Path minute = dir.resolve("floor-minute");
        assertEquals(0, adapt(record, minute, "--set", "early_rule=0").code());
        var firstMinutes = ecgbeats.util.Json.MAPPER.readTree(minute.resolve("config.json").toFile()).get("adaptation")
                .get("s_floor");
        assertFalse(firstMinutes.get("applies").asBoolean() || firstMinutes.get("spread").asBoolean(),
                firstMinutes.toString());
        assertBad(Cli.run("adapt", "--run", run.toString(), "--record", record.toString(), "--unsupervised",
                "--set", "s_floor=0.99", "--out", dir.resolve("floor-unsup").toString()),
                "s_floor=0.99", dir.resolve("floor-unsup"));
    }

    @Test
    void adaptsHelpNamesEverySetting() {
        Cli.Run help = Cli.run("adapt", "--help");
        assertEquals(0, help.code());
        String text = help.out().replaceAll("\\s+", " ");
        for (ecgbeats.adapt.AdaptSettings.Param p : ecgbeats.adapt.AdaptSettings.Param.values()) {
            assertTrue(text.contains(" " + p.id() + " ("), p.id() + " is not in adapt --help: " + text);
        }
    }

    /** predict's rows (sample, time, class, ...) for RECORD classified by RUN. */
    private static List<String[]> predictRows(Path runDir, Path record, String... more) throws IOException {
        Path csv = dir.resolve(runDir.getFileName() + "-predicted.csv");
        List<String> args = new ArrayList<>(List.of("predict", "--run", runDir.toString(), "--record", record.toString(),
                "--out", csv.toString()));
        args.addAll(List.of(more));
        Cli.Run p = Cli.run(args.toArray(String[]::new));
        assertEquals(0, p.code(), p.err());
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")).toList();
    }

    @Test
    void predictAsksAboutBeatsThatAdaptThenLearnsFrom() throws IOException {
        Path questions = dir.resolve("ask-232.atr");
        Cli.Run p = Cli.run("predict", "--run", run.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--ask", "25", "--annotations", questions.toString(), "--out", dir.resolve("232.csv").toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.err().contains("25 beats to ask about"), p.err());
        List<Annotation> asked = AnnotationFile.read(questions);
        assertEquals(25, asked.size());
        long whole = AnnotationFile.read(TestData.bundled().resolve("232.atr")).stream().filter(Annotation::isBeat).count();
        assertTrue(asked.get(24).sample() - asked.get(0).sample() > 0.8 * 30 * 60 * 360,
                "the questions span the recording, not its first minutes");
        // the questions are the network's doubts, whatever the fibrillation rule then makes of its calls
        Path withoutRule = dir.resolve("ask-232-off.atr");
        Cli.Run off = Cli.run("predict", "--run", run.toString(), "--record", TestData.bundled().resolve("232")
                .toString(), "--ask", "25", "--annotations", withoutRule.toString(), "--af-rule=off");
        Path strictRule = dir.resolve("ask-232-strict.atr");
        Cli.Run strict = Cli.run("predict", "--run", run.toString(), "--record", TestData.bundled().resolve("232")
                .toString(), "--ask", "25", "--annotations", strictRule.toString(), "--af-rule=0.01");
        assertTrue(sCalls(strict.err()) < sCalls(off.err()), "the strict rule changes calls: " + strict.err() + off.err());
        for (Path other : List.of(withoutRule, strictRule)) {
            assertEquals(asked.stream().map(Annotation::sample).toList(),
                    AnnotationFile.read(other).stream().map(Annotation::sample).toList(), other.toString());
        }
        Path out = dir.resolve("from-asked");
        Cli.Run a = adapt(TestData.bundled().resolve("232"), out, "--labels", questions.toString());
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("25 labelled") && a.out().contains("on the beats not labelled"), a.out());
        var m = ecgbeats.util.Json.MAPPER.readTree(out.resolve("metrics.json").toFile());
        int judged = m.get("n").asInt();
        assertTrue(judged > whole - 40 && judged <= whole - 25, judged + " judged of " + whole);
        assertBad(Cli.run("predict", "--run", run.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--ask", "25"), "--ask 25: goes with --annotations", null);
    }

    @Test
    void theShippedLabelFilesAreBeatsOf232AsItsReferenceLabelsThem() {
        java.util.Map<Long, String> reference = new java.util.HashMap<>();
        for (Annotation a : AnnotationFile.read(TestData.bundled().resolve("232.atr"))) {
            if (a.isBeat()) {
                reference.put(a.sample(), a.symbol());
            }
        }
        for (String example : new String[] {"232-labels.atr", "232-ask.atr"}) {
            List<Annotation> labels = AnnotationFile.read(Path.of("examples", example));
            assertFalse(labels.isEmpty(), example);
            for (Annotation a : labels) {
                assertEquals(reference.get(a.sample()), a.symbol(), example + " at sample " + a.sample());
            }
        }
        assertEquals(100, AnnotationFile.read(Path.of("examples", "232-ask.atr")).size());
    }

    @Test
    void evaluateRunsThePatientSpecificProtocolOverRecords() throws IOException {
        Cli.Run e = Cli.run("evaluate", "--run", run.toString(), "--records", "232,217", "--source",
                TestData.bundled().toString(), "--adapt", MINUTES + "m", "--adapt-set", "epochs=1", "--adapt-set",
                "replay=200", "--json");
        assertEquals(0, e.code(), e.err());
        var root = ecgbeats.util.Json.MAPPER.readTree(e.out());
        assertEquals(2, root.get("adapted").get("records").size());
        assertFalse(root.get("transductive").asBoolean());
        // judged after the first minute only: fewer reference beats than the whole record's
        int whole = (int) AnnotationFile.read(TestData.bundled().resolve("232.atr")).stream()
                .filter(x -> x.isBeat()).count();
        var rec = root.get("adapted").get("records").get(0);
        int judged = 0;
        for (String c : new String[] {"N", "S", "V", "F", "Q"}) {
            judged += rec.get(c).get("reference").asInt();
        }
        assertTrue(judged < whole - 40 && judged > whole - 200, judged + " of " + whole);
        // the same run twice, each adapted alike, classifies as the run alone
        Cli.Run twice = Cli.run("evaluate", "--run", run.toString(), "--run", run.toString(), "--records", "232,217",
                "--source", TestData.bundled().toString(), "--adapt", MINUTES + "m", "--adapt-set", "epochs=1",
                "--adapt-set", "replay=200", "--json");
        assertEquals(0, twice.code(), twice.err());
        assertEquals(root.get("adapted").get("gross"), ecgbeats.util.Json.MAPPER.readTree(twice.out()).get("adapted")
                .get("gross"));
        // 30 beats asked about over the whole record: every other beat is judged, the asked ones are not
        Cli.Run asked = Cli.run("evaluate", "--run", run.toString(), "--records", "232", "--source",
                TestData.bundled().toString(), "--adapt", "ask:30", "--adapt-set", "epochs=1", "--adapt-set",
                "replay=200", "--json");
        assertEquals(0, asked.code(), asked.err());
        var a = ecgbeats.util.Json.MAPPER.readTree(asked.out());
        assertTrue(a.get("protocol").asText().contains("30 beats chosen"), a.get("protocol").asText());
        int judgedAsked = 0;
        int judgedBase = 0;
        for (String c : new String[] {"N", "S", "V", "F", "Q"}) {
            judgedAsked += a.get("adapted").get("gross").get(c).get("reference").asInt();
            judgedBase += a.get("base").get("gross").get(c).get("reference").asInt();
        }
        int fiveClasses = (int) AnnotationFile.read(TestData.bundled().resolve("232.atr")).stream()
                .filter(x -> ecgbeats.data.beat.AamiClass.ofSymbol(x.symbol()) != null).count();
        assertEquals(fiveClasses - 30, judgedAsked, "the asked beats are left out of the judged ones");
        assertEquals(judgedAsked, judgedBase, "the unadapted run is judged on the same beats");
        Cli.Run u = Cli.run("evaluate", "--run", run.toString(), "--records", "232", "--source",
                TestData.bundled().toString(), "--adapt", "unsupervised");
        assertEquals(0, u.code(), u.err());
        assertTrue(u.out().contains("transductive"), u.out());
    }

    @Test
    void badInputGetsOneLineAndWritesNothing() throws IOException {
        Path record = TestData.bundled().resolve("232");
        Path out = dir.resolve("never");
        assertBad(adapt(record, out, "--labelled-minutes", "45"), "minutes long, not longer than the labelled span",
                out);
        // a record whose labelled span holds no beat
        Path late = dir.resolve("late");
        Files.createDirectories(late);
        Path lr = TestData.copyRecord("232", late);
        Files.write(lr.resolveSibling("232.atr"), AnnotationFile.encode(AnnotationFile.read(
                TestData.bundled().resolve("232.atr")).stream().filter(x -> x.sample() > 360L * 120).toList()));
        assertBad(adapt(lr, out), "no beat of the five classes in the first 1 minutes", out);
        // labels of another, longer record: beats past this one's end
        Path foreign = dir.resolve("foreign.atr");
        Files.write(foreign, AnnotationFile.encode(List.of(new Annotation(700_000, AnnotationCodes.code("N"), 0, 0, 0,
                ""))));
        assertBad(adapt(record, out, "--labels", foreign.toString()), "lies outside", out);
        // a run trained on beats ecgbeats does not cut recordings for
        Path odd = dir.resolve("odd-run");
        Files.createDirectories(odd);
        for (String f : new String[] {"config.json", "model.params", "state.json"}) {
            Files.copy(run.resolve(f), odd.resolve(f));
        }
        String cfg = Files.readString(odd.resolve("config.json")).replace("\"beatLength\" : 187", "\"beatLength\" : 250");
        assertTrue(cfg.contains("250"));
        Files.writeString(odd.resolve("config.json"), cfg);
        assertBad(Cli.run("adapt", "--run", odd.toString(), "--record", record.toString(), "--labelled-minutes", "1",
                "--out", out.toString()), "ecgbeats cuts recordings for", out);
        // a run trained on a Kaggle CSV: its beats name no records, so the patient's own could be replayed
        Path csvTrain = dir.resolve("k-train.csv");
        Path csvTest = dir.resolve("k-test.csv");
        assertEquals(0, Cli.run("data", "export-csv", data.toString(), "--split", "train", "--out", csvTrain.toString())
                .code());
        assertEquals(0, Cli.run("data", "export-csv", data.toString(), "--split", "test", "--out", csvTest.toString())
                .code());
        Path kaggle = dir.resolve("k.ecgb");
        assertEquals(0, Cli.run("data", "import-csv", "--train", csvTrain.toString(), "--test", csvTest.toString(),
                "--out", kaggle.toString()).code());
        Path kRun = dir.resolve("k-run");
        assertEquals(0, Cli.run("train", "--data", kaggle.toString(), "--model", "cnn2d", "--set", "hidden=4",
                "--fraction", "0.1", "--epochs", "1", "--skip-test", "--out", kRun.toString()).code());
        assertBad(Cli.run("adapt", "--run", kRun.toString(), "--record", record.toString(), "--labelled-minutes", "1",
                "--out", out.toString()), "cannot adapt: its training beats do not name their records", out);
        assertBad(Cli.run("evaluate", "--run", kRun.toString(), "--records", "232", "--source",
                TestData.bundled().toString(), "--adapt", "5m"), "cannot adapt", null);
        assertBad(Cli.run("evaluate", "--run", run.toString(), "--records", "232", "--source",
                TestData.bundled().toString(), "--adapt", "5"), "--adapt 5: expected the labelled minutes", null);
        assertBad(adapt(record, out, "--set", "epochs=0"), "--set epochs=0", out);
        assertBad(adapt(record, out, "--set", "epochs"), "--set epochs: expected NAME=VALUE, e.g. epochs=6", out);
        assertBad(Cli.run("evaluate", "--run", run.toString(), "--records", "232", "--source",
                TestData.bundled().toString(), "--adapt", "5m", "--adapt-set", "nope=1"), "--adapt-set nope", null);
        // an existing run is never overwritten
        Path existing = dir.resolve("existing");
        Files.createDirectories(existing);
        Files.writeString(existing.resolve("keep.txt"), "mine");
        assertBad(adapt(record, existing), "already exists and is not empty", null);
        assertEquals("mine", Files.readString(existing.resolve("keep.txt")));
    }

    /** The S calls predict's summary line reports ("... N 1500 S 270 ..."). */
    private static int sCalls(String summary) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" S (\\d+)").matcher(summary);
        assertTrue(m.find(), summary);
        return Integer.parseInt(m.group(1));
    }

    private static void assertBad(Cli.Run r, String expected, Path notWritten) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        if (notWritten != null) {
            assertFalse(Files.exists(notWritten), notWritten + " was written");
            try (var s = Files.list(notWritten.getParent())) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("." + notWritten.getFileName())),
                        "a temporary folder was left");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
