package ecgbeats.cli;

import ecgbeats.TestData;
import ecgbeats.train.FibrillationRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train, evaluate and predict end to end on a real (small) dataset, and their bad input. */
class ModelCommandsTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path run;

    @BeforeAll
    static void trainOnce() {
        data = dir.resolve("d.ecgb");
        Cli.buildBundled("232,208", data);
        run = dir.resolve("run");
        Cli.Run r = Cli.run("train", "--data", data.toString(), "--model", "cnn2d", "--set", "hidden=8",
                "--set", "fraction=0.3", "--epochs", "2", "--seed", "3", "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("epoch  2/2"), r.out());
        assertTrue(r.out().contains("test: "), r.out());
    }

    @Test
    void evaluatePrintsTheMetricsTheRunWrote() throws IOException {
        Cli.Run r = Cli.run("evaluate", "--run", run.toString(), "--data", data.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(run.resolve("metrics.json")), r.out());
        Cli.Run valid = Cli.run("evaluate", "--run", run.toString(), "--data", data.toString(), "--split", "valid");
        assertTrue(valid.out().startsWith("valid: "), valid.out());
        // intra: both records' beats are in every split, each gets its line
        String perRecord = valid.out().substring(valid.out().indexOf("per record:"));
        assertTrue(perRecord.lines().anyMatch(l -> l.trim().startsWith("208 ")), valid.out());
        assertTrue(perRecord.lines().anyMatch(l -> l.trim().startsWith("232 ")), valid.out());
    }

    @Test
    void predictClassifiesKaggleRowsWithAndWithoutLabels() throws IOException {
        Path csv = dir.resolve("test.csv");
        assertEquals(0, Cli.run("data", "export-csv", data.toString(), "--split", "test", "--out", csv.toString()).code());
        Path out = dir.resolve("pred.csv");
        Cli.Run r = Cli.run("predict", "--run", run.toString(), "--csv", csv.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals("index,class,p_N,p_S,p_V,p_F,p_Q", rows.get(0));
        assertEquals(Files.readAllLines(csv).size() + 1, rows.size());
        String[] f = rows.get(1).split(",");
        double sum = 0;
        for (int i = 2; i < 7; i++) {
            sum += Double.parseDouble(f[i]);
        }
        assertEquals(1, sum, 1e-4);
        // the predictions agree with the run's own (same beats, same order)
        List<String> own = Files.readAllLines(run.resolve("predictions.csv"));
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(own.get(i).split(",")[3], rows.get(i).split(",")[1], "row " + i); // index,record,true,pred
        }
        Path unlabelled = dir.resolve("unlabelled.csv");
        Files.write(unlabelled, Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        Cli.Run u = Cli.run("predict", "--run", run.toString(), "--csv", unlabelled.toString());
        assertEquals(0, u.code(), u.err());
        assertEquals(Files.readString(out), u.out());
    }

    @Test
    void predictAnnotatesARecordAtItsReferenceBeatsOrItsDetectedOnes() throws IOException {
        Path record = TestData.bundled().resolve("232");
        Path csv = dir.resolve("232.csv");
        Path atr = dir.resolve("232.test");
        Cli.Run r = Cli.run("predict", "--run", run.toString(), "--record", record.toString(), "--out", csv.toString(),
                "--annotations", atr.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1780 beats (from the .atr file)"), r.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("sample,time_s,class,p_N,p_S,p_V,p_F,p_Q", rows.get(0));
        assertEquals(1781, rows.size());
        List<ecgbeats.data.wfdb.Annotation> reference = ecgbeats.data.wfdb.AnnotationFile.read(
                TestData.bundled().resolve("232.atr")).stream().filter(ecgbeats.data.wfdb.Annotation::isBeat).toList();
        List<ecgbeats.data.wfdb.Annotation> written = ecgbeats.data.wfdb.AnnotationFile.read(atr);
        assertEquals(reference.size(), written.size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(reference.get(i).sample(), written.get(i).sample());
            String[] row = rows.get(i + 1).split(",");
            assertEquals(Long.toString(written.get(i).sample()), row[0]);
            assertEquals(row[2], written.get(i).symbol(), "row " + i);
        }
        // beats cut at the reference positions are the beats the dataset holds: the same classes as evaluate's
        Cli.Run detected = Cli.run("predict", "--run", run.toString(), "--record", record.toString(), "--detect");
        assertEquals(0, detected.code(), detected.err());
        assertTrue(detected.err().contains("found by the QRS detector"), detected.err());
        int n = detected.out().split("\n").length - 1;
        assertTrue(Math.abs(n - 1780) <= 5, n + " beats detected");
    }

    @Test
    void evaluateComparesRecordsBeatByBeat() throws IOException {
        Cli.Run r = Cli.run("evaluate", "--run", run.toString(), "--records", "232,208", "--source",
                TestData.bundled().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode j;
        try {
            j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError(r.out(), e);
        }
        assertEquals(1.0, j.get("gross").get("qrs_se").asDouble(), 1e-12); // reference positions: all paired
        assertEquals(2, j.get("records").size());
        long expected = ecgbeats.data.wfdb.AnnotationFile.read(TestData.bundled().resolve("232.atr")).stream()
                .filter(a -> a.isBeat() && ecgbeats.data.beat.AamiClass.ofSymbol(a.symbol())
                        == ecgbeats.data.beat.AamiClass.S).count();
        assertTrue(expected > 1000);
        assertEquals(expected, j.get("records").get(0).get("S").get("reference").asInt(), "record 232's S beats");
        Cli.Run detect = Cli.run("evaluate", "--run", run.toString(), "--records", "232", "--source",
                TestData.bundled().toString(), "--detect");
        assertEquals(0, detect.code(), detect.err());
        assertTrue(detect.out().contains("gross"), detect.out());
        assertTrue(detect.err().contains("made N (--af-rule 0.12"), "the tables say whose calls they judged: "
                + detect.err());
        for (String row : detect.out().split("\n")) {
            // every row lines up under the header: the first column is 8 characters wide
            assertEquals(detect.out().split("\n")[0].indexOf('|'), row.indexOf('|'), row);
        }
    }

    @Test
    void theFibrillationRuleOnlyTurnsSCallsIntoN() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode[] gross = new com.fasterxml.jackson.databind.JsonNode[2];
        String[][] rules = {{"--af-rule=off"}, {"--af-rule=0.01"}};
        for (int k = 0; k < 2; k++) {
            List<String> args = new java.util.ArrayList<>(List.of("evaluate", "--run", run.toString(), "--records",
                    "232,208", "--source", TestData.bundled().toString(), "--json"));
            args.addAll(List.of(rules[k]));
            Cli.Run r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            com.fasterxml.jackson.databind.JsonNode j = m.readTree(r.out());
            assertEquals(k == 0, j.get("af_rule").isNull(), r.out());
            gross[k] = j.get("gross");
        }
        int fewerS = gross[0].get("S").get("predicted").asInt() - gross[1].get("S").get("predicted").asInt();
        assertTrue(fewerS > 0, "a low threshold turns some S calls into N");
        assertEquals(fewerS, gross[1].get("N").get("predicted").asInt() - gross[0].get("N").get("predicted").asInt());
        for (String c : new String[] {"V", "F", "Q"}) {
            assertEquals(gross[0].get(c).get("predicted"), gross[1].get(c).get("predicted"), c);
        }
        Cli.Run byDefault = Cli.run("evaluate", "--run", run.toString(), "--records", "232", "--source",
                TestData.bundled().toString(), "--json");
        assertEquals(0, byDefault.code(), byDefault.err());
        assertEquals(FibrillationRule.chosen().threshold(), m.readTree(byDefault.out()).get("af_rule").asDouble(),
                "the rule is on unless turned off");
        assertBad("--af-rule maybe: a threshold (e.g. 0.12) or off", "evaluate", "--run", run.toString(),
                "--records", "232", "--source", TestData.bundled().toString(), "--af-rule=maybe");
        assertBad("--af-rule -1: the irregularity threshold must be positive", "evaluate", "--run", run.toString(),
                "--records", "232", "--source", TestData.bundled().toString(), "--af-rule=-1");
        assertBad("--af-rule does not apply with --data", "evaluate", "--run", run.toString(), "--data",
                data.toString(), "--af-rule");
        assertBad("--af-rule goes with --record", "predict", "--run", run.toString(), "--csv",
                dir.resolve("x.csv").toString(), "--af-rule");
    }

    @Test
    void badRecordsAreRefused() throws IOException {
        assertBad("header file not found", "predict", "--run", run.toString(), "--record",
                dir.resolve("nothing").toString());
        assertBad("--detect goes with --record", "predict", "--run", run.toString(), "--csv",
                dir.resolve("x.csv").toString(), "--detect");
        // a record of 5 s: shorter than one beat window
        Path shortDir = Files.createDirectories(dir.resolve("short"));
        Files.writeString(shortDir.resolve("s1.hea"), "s1 1 360 1800\ns1.dat 16 200 11 1024 0 0 0 MLII\n");
        Files.write(shortDir.resolve("s1.dat"), new byte[3600]);
        assertBad("shorter than one beat window", "predict", "--run", run.toString(), "--record",
                shortDir.resolve("s1").toString());
        assertBad("s1.atr not found: the record has no reference annotations to compare with", "evaluate", "--run",
                run.toString(), "--records", "s1", "--source", shortDir.toString());
        assertBad("--records: record 100 is not in " + TestData.bundled(), "evaluate", "--run", run.toString(),
                "--records", "100", "--source", TestData.bundled().toString());
        assertBad("--records: 'x/y' is not a record", "evaluate", "--run", run.toString(),
                "--records", "x/y", "--source", TestData.bundled().toString());
        // an option of the other mode is refused, not ignored
        assertBad("--split does not apply with --records", "evaluate", "--run", run.toString(),
                "--records", "232", "--source", TestData.bundled().toString(), "--split", "valid");
        assertBad("--detect does not apply with --data", "evaluate", "--run", run.toString(),
                "--data", data.toString(), "--detect");
        assertBad("--window does not apply with --data", "evaluate", "--run", run.toString(),
                "--data", data.toString(), "--window", "0.1");
        // a run whose model takes another input layout
        Path other = Files.createDirectories(dir.resolve("other-layout"));
        for (String f : List.of("config.json", "model.params", "history.csv")) {
            Files.copy(run.resolve(f), other.resolve(f));
        }
        Files.writeString(other.resolve("config.json"), Files.readString(run.resolve("config.json"))
                .replace("\"grid_16x12\"", "\"image_64x64\""));
        assertBad("laid out as 'image_64x64'", "predict", "--run", other.toString(), "--record",
                TestData.bundled().resolve("232").toString());
    }

    private static void assertBad(String expected, String... args) {
        Cli.Run r = Cli.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("ecgbeats: "), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void badTrainingInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = dir.resolve("never");
        String d = data.toString();
        assertBad("unknown model 'vgg'", "train", "--data", d, "--model", "vgg", "--out", out.toString());
        assertBad("--set hidden: expected NAME=VALUE", "train", "--data", d, "--model", "cnn2d", "--set", "hidden",
                "--out", out.toString());
        assertBad("dropout=-0.2: must be in [0, 1)", "train", "--data", d, "--model", "cnn2d", "--set", "dropout=-0.2",
                "--out", out.toString());
        assertBad("hidden=0: must be 1 to 8192", "train", "--data", d, "--model", "cnn2d", "--set", "hidden=0",
                "--out", out.toString());
        assertBad("cnn2d does not use hyperparameter 'gru_hidden'", "train", "--data", d, "--model", "cnn2d",
                "--set", "gru_hidden=64", "--out", out.toString());
        Path notData = dir.resolve("notdata.ecgb");
        Files.writeString(notData, "hello");
        assertBad("not an ecgbeats dataset file", "train", "--data", notData.toString(), "--model", "cnn2d",
                "--out", out.toString());
        Path badConfig = dir.resolve("bad.json");
        Files.writeString(badConfig, "{\"hidden\": ");
        assertBad(badConfig + ": not valid JSON", "train", "--data", d, "--model", "cnn2d", "--config",
                badConfig.toString(), "--out", out.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aRunFolderWithoutParametersOrConfigIsRefused() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-run"));
        assertBad("--run " + empty + ": not a run (no config.json)", "evaluate", "--run", empty.toString(), "--data", data.toString());
        Path noParams = Files.createDirectories(dir.resolve("no-params"));
        Files.copy(run.resolve("config.json"), noParams.resolve("config.json"));
        assertBad("has no model parameters", "evaluate", "--run", noParams.toString(), "--data", data.toString());
        assertBad("has no model parameters", "predict", "--run", noParams.toString(), "--csv", data.toString());
    }

    @Test
    void aRunOfAnEarlierVersionStillLoadsAndPredictsAsItDidThen() throws Exception {
        // a cnn2d (hidden 8, 3 layers) trained by the ecgbeats of 2026-11-27, before RR features and aligned
        // convolutions, with its predict --csv output on 20 beats from back then
        Path then = Path.of(getClass().getResource("/run-2026-11-27/config.json").toURI()).getParent();
        Path old = Files.createDirectories(dir.resolve("old-run"));
        for (String f : List.of("config.json", "model.params")) {
            Files.copy(then.resolve(f), old.resolve(f));
        }
        Path now = dir.resolve("now.csv");
        Cli.Run r = Cli.run("predict", "--run", old.toString(), "--csv", then.resolve("beats.csv").toString(),
                "--out", now.toString());
        assertEquals(0, r.code(), r.err());
        List<String> expected = Files.readAllLines(then.resolve("predictions-then.csv"));
        List<String> actual = Files.readAllLines(now);
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.get(0), actual.get(0));
        for (int i = 1; i < expected.size(); i++) {
            String[] e = expected.get(i).split(",");
            String[] a = actual.get(i).split(",");
            assertEquals(e[1], a[1], "class of beat " + i);
            for (int k = 2; k < e.length; k++) {
                assertEquals(Double.parseDouble(e[k]), Double.parseDouble(a[k]), 2e-6, "beat " + i + " column " + k);
            }
        }
    }

    @org.junit.jupiter.api.Tag("browser")
    @Test
    void aRecordingReportShowsEveryRowEveryBeatAndEveryDisagreement() throws Exception {
        Path html = dir.resolve("232.html");
        Path csv = dir.resolve("232-for-report.csv");
        Cli.Run r = Cli.run("predict", "--run", run.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--out", csv.toString(), "--report", html.toString());
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(html);
        assertEquals(181, page.split("<div class=\"strip\">", -1).length - 1, "30:06 in rows of 10 s");
        List<String> rows = Files.readAllLines(csv);
        assertEquals(rows.size() - 1, page.split("font-size=\"11\" text-anchor=\"middle\">", -1).length - 1,
                "one class mark per beat");
        // disagreements counted here from the .atr file itself: the beats are cut at its annotations
        java.util.Map<Long, String> reference = new java.util.HashMap<>();
        for (var a : ecgbeats.data.wfdb.AnnotationFile.read(TestData.bundled().resolve("232.atr"))) {
            var k = ecgbeats.data.beat.AamiClass.ofSymbol(a.symbol());
            if (a.isBeat()) {
                reference.put(a.sample(), k == null ? "other" : k.name());
            }
        }
        long disagreements = rows.stream().skip(1).map(l -> l.split(","))
                .filter(f -> !f[2].equals(reference.get(Long.parseLong(f[0])))).count();
        assertTrue(disagreements > 0, "the two-epoch model of this class is not perfect");
        assertEquals(disagreements, page.split("fill=\"#ffe08a\"", -1).length - 1);
        assertTrue(page.contains("Beat by beat against the reference"));
        assertTrue(page.contains("RR tachogram"));
        assertTrue(page.contains("Rhythm irregularity"));
        // the page says how many S calls the fibrillation rule (on by default) took from the network
        Path networkCsv = dir.resolve("232-network.csv");
        Path strictHtml = dir.resolve("232-strict.html");
        assertEquals(0, Cli.run("predict", "--run", run.toString(), "--record", TestData.bundled().resolve("232")
                .toString(), "--af-rule=off", "--out", networkCsv.toString()).code());
        assertEquals(0, Cli.run("predict", "--run", run.toString(), "--record", TestData.bundled().resolve("232")
                .toString(), "--af-rule=0.01", "--out", dir.resolve("232-strict.csv").toString(), "--report",
                strictHtml.toString()).code());
        List<String> network = Files.readAllLines(networkCsv);
        List<String> strict = Files.readAllLines(dir.resolve("232-strict.csv"));
        long turned = java.util.stream.IntStream.range(1, network.size())
                .filter(i -> !network.get(i).split(",")[2].equals(strict.get(i).split(",")[2])).count();
        assertTrue(turned > 0, "a threshold of 0.01 takes some of 232's S calls");
        assertTrue(Files.readString(strictHtml).contains("The fibrillation rule turned " + turned
                + " of the network's S calls into N"));
        assertFalse(page.contains("http://") || page.contains("https://") || page.contains("<script"));
        if (java.nio.file.Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            // in a browser: both charts (tachogram, irregularity) decode and every row is an SVG drawing with a trace
            String seen = ecgbeats.Browser.evaluate(page, ecgbeats.Browser.DECODED_IMAGES + " + ' ' + "
                    + "[...document.querySelectorAll('svg polyline')].filter(p => p.points.numberOfItems > 100).length",
                    dir);
            assertEquals("2/2 181", seen);
        }
        assertBad("--report goes with --record", "predict", "--run", run.toString(),
                "--csv", csv.toString(), "--report", html.toString());
    }

    @Test
    void aModelWithRrFeaturesClassifiesRecordsButNotKaggleRows() throws IOException {
        Path rr = dir.resolve("rr-run");
        Cli.Run t = Cli.run("train", "--data", data.toString(), "--model", "cnn2d", "--set", "hidden=4",
                "--set", "features=rr", "--set", "fraction=0.5", "--fraction", "0.2", "--epochs", "1",
                "--out", rr.toString());
        assertEquals(0, t.code(), t.err());
        // --fraction, tune's name for the setting, wins over --set as --epochs does
        assertEquals(0.2, ecgbeats.util.Json.MAPPER.readTree(rr.resolve("config.json").toFile())
                .get("training").get("fraction").asDouble(), 1e-12);
        Path out = dir.resolve("rr-232.csv");
        Cli.Run p = Cli.run("predict", "--run", rr.toString(), "--record", TestData.bundled().resolve("232").toString(),
                "--out", out.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.readAllLines(out).size() > 1000);
        Path csv = dir.resolve("rows.csv");
        assertEquals(0, Cli.run("data", "export-csv", data.toString(), "--split", "test", "--out", csv.toString()).code());
        assertBad("the model reads RR features (features=rr), and these beats have none", "predict", "--run",
                rr.toString(), "--csv", csv.toString());
    }

    /** A one-epoch cnn2d of hidden 4 on a fifth of the train split, with {@code options} added; its folder. */
    private static Path smallRun(String name, String... options) {
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", data.toString(), "--model", "cnn2d",
                "--set", "hidden=4", "--fraction", "0.2", "--epochs", "1", "--out", out.toString()));
        args.addAll(List.of(options));
        Cli.Run t = Cli.run(args.toArray(String[]::new));
        assertEquals(0, t.code(), t.err());
        return out;
    }

    @Test
    void aModelWithATemplateClassifiesRecordingsButNotCsvRows() throws IOException {
        Path median = smallRun("median-run", "--set", "template=median");
        Path out = dir.resolve("median-232.csv");
        Cli.Run p = Cli.run("predict", "--run", median.toString(), "--record", TestData.bundled().resolve("232")
                .toString(), "--out", out.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.readAllLines(out).size() > 1000);
        Cli.Run e = Cli.run("evaluate", "--run", median.toString(), "--records", "232", "--source",
                TestData.bundled().toString());
        assertEquals(0, e.code(), e.err());
        Path csv = dir.resolve("median-rows.csv");
        assertEquals(0, Cli.run("data", "export-csv", data.toString(), "--split", "test", "--out", csv.toString()).code());
        assertBad("--csv: the model compares each beat with its record's median beat (template=median), and a CSV "
                + "names no records; classify a recording with --record", "predict", "--run", median.toString(),
                "--csv", csv.toString());
        assertBad("template=median with balance=smote", "train", "--data", data.toString(), "--model", "cnn2d",
                "--set", "template=median", "--balance", "smote", "--out", dir.resolve("never").toString());
        assertTrue(!Files.exists(dir.resolve("never")));
    }

    @Test
    void severalRunsEvaluateAsOneEnsemble() throws IOException {
        Path other = smallRun("ensemble-member", "--seed", "9");
        Cli.Run e = Cli.run("evaluate", "--run", run.toString(), "--run", other.toString(), "--data", data.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().startsWith("ensemble of 2 runs (the mean of their class probabilities)\ntest: "), e.out());
        // the same run twice votes as the run alone
        Cli.Run twice = Cli.run("evaluate", "--run", run.toString(), "--run", run.toString(), "--data",
                data.toString(), "--json");
        assertEquals(0, twice.code(), twice.err());
        assertEquals(Files.readString(run.resolve("metrics.json")).trim(), twice.out().trim());
        // on recordings too: the same run twice compares beat by beat as the run alone
        String source = TestData.bundled().toString();
        Cli.Run alone = Cli.run("evaluate", "--run", run.toString(), "--records", "232", "--source", source, "--json");
        Cli.Run pair = Cli.run("evaluate", "--run", run.toString(), "--run", run.toString(), "--records", "232",
                "--source", source, "--json");
        assertEquals(0, pair.code(), pair.err());
        assertEquals(alone.out(), pair.out());
        Cli.Run mixed = Cli.run("evaluate", "--run", run.toString(), "--run", other.toString(), "--records", "232",
                "--source", source);
        assertEquals(0, mixed.code(), mixed.err());
        assertTrue(mixed.out().startsWith("ensemble of 2 runs (the mean of their class probabilities)\nrecord "),
                mixed.out());
    }

    @Test
    void severalRunsClassifyARecordingAsOne() throws IOException {
        Path other = smallRun("recording-member", "--seed", "11");
        String record = TestData.bundled().resolve("232").toString();
        List<String> a = predictRecord(run.toString());
        List<String> b = predictRecord(other.toString());
        List<String> both = predictRecord(run.toString(), "--run", other.toString());
        assertEquals(a.size(), both.size());
        int differ = 0;
        for (int i = 1; i < both.size(); i++) {
            String[] ra = a.get(i).split(","), rb = b.get(i).split(","), r = both.get(i).split(",");
            assertEquals(ra[0], r[0], "the same beats, at the same samples");
            for (int c = 3; c < 8; c++) {
                double mean = (Double.parseDouble(ra[c]) + Double.parseDouble(rb[c])) / 2;
                assertEquals(mean, Double.parseDouble(r[c]), 2e-6, "beat " + i + ": the mean of the two runs'");
            }
            differ += ra[2].equals(rb[2]) ? 0 : 1;
        }
        assertTrue(differ > 0, "the two members disagree somewhere, or the test shows nothing");
        Path html = dir.resolve("pair-232.html");
        Cli.Run r = Cli.run("predict", "--run", run.toString(), "--run", other.toString(), "--record", record,
                "--out", dir.resolve("pair-232.csv").toString(), "--report", html.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(html).contains("classified by the ensemble of the runs " + run + ", " + other),
                "the report names its members");

        // a run whose beats were cut otherwise (its config.json says so) cannot vote on the same beats
        Path odd = dir.resolve("odd-cut");
        Files.createDirectories(odd);
        for (String f : List.of("config.json", "model.params")) {
            Files.copy(other.resolve(f), odd.resolve(f));
        }
        Files.writeString(odd.resolve("config.json"), Files.readString(odd.resolve("config.json"))
                .replace("\"rrFactor\" : 1.2", "\"rrFactor\" : 1.5"));
        assertBad("--run " + odd + ": its beats were cut otherwise than those of " + run, "predict", "--run",
                run.toString(), "--run", odd.toString(), "--record", record);
        assertEquals(0, Cli.run("predict", "--run", odd.toString(), "--record", record, "--out",
                dir.resolve("odd.csv").toString()).code(), "alone, it classifies the recording its own way");
    }

    /** predict --record on the bundled record 232 with {@code --run RUN} and the options added; the CSV's lines. */
    private static List<String> predictRecord(String run, String... options) throws IOException {
        Path out = dir.resolve("predict-" + Integer.toHexString((run + String.join(" ", options)).hashCode()) + ".csv");
        List<String> args = new java.util.ArrayList<>(List.of("predict", "--run", run));
        args.addAll(List.of(options));
        args.addAll(List.of("--record", TestData.bundled().resolve("232").toString(), "--out", out.toString()));
        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return Files.readAllLines(out);
    }

    @Test
    void aRunsConfigReproducesItsHyperparameters() throws IOException {
        Path again = dir.resolve("again");
        // the run's config.json names its model: no --model needed
        Cli.Run r = Cli.run("train", "--data", data.toString(), "--config", run.resolve("config.json").toString(),
                "--out", again.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(run.resolve("metrics.json")), Files.readString(again.resolve("metrics.json")));
    }
}
