package ecgbeats.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataCommandsTest {

    @TempDir
    Path dir;

    private static JsonNode json(String s) throws IOException {
        return new ObjectMapper().readTree(s);
    }

    private static int sum(JsonNode split) {
        int n = 0;
        for (String c : List.of("N", "S", "V", "F", "Q")) {
            n += split.get(c).asInt();
        }
        return n;
    }

    @Test
    void buildStatsBalanceAndExportOnTheBundledRecords() throws IOException {
        Path data = dir.resolve("d.ecgb");
        Cli.Run build = Cli.run("data", "build", "--source", TestData.bundled().toString(), "--protocol", "intra",
                "--seed", "5", "--out", data.toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().contains("train"), build.out());

        Cli.Run stats = Cli.run("data", "stats", data.toString(), "--json");
        assertEquals(0, stats.code(), stats.err());
        JsonNode s = json(stats.out());
        assertEquals("intra", s.get("protocol").asText());
        int total = sum(s.get("splits").get("train")) + sum(s.get("splits").get("valid")) + sum(s.get("splits").get("test"));
        assertEquals(10194, total); // every classified beat of 208, 213, 217 and 232

        Path balanced = dir.resolve("b.ecgb");
        Cli.Run bal = Cli.run("data", "balance", "--in", data.toString(), "--method", "smote", "--seed", "1",
                "--out", balanced.toString());
        assertEquals(0, bal.code(), bal.err());
        JsonNode b = json(Cli.run("data", "stats", balanced.toString(), "--json").out());
        JsonNode train = b.get("splits").get("train");
        for (String c : List.of("S", "V", "F", "Q")) {
            assertEquals(train.get("N").asInt(), train.get(c).asInt(), c);
        }
        assertEquals(s.get("splits").get("test"), b.get("splits").get("test"));
        assertEquals(s.get("splits").get("valid"), b.get("splits").get("valid"));

        Path csv = dir.resolve("test.csv");
        Cli.Run export = Cli.run("data", "export-csv", data.toString(), "--split", "test", "--out", csv.toString());
        assertEquals(0, export.code(), export.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(sum(s.get("splits").get("test")), rows.size());
        assertEquals(188, rows.get(0).split(",").length);
        assertTrue(s.get("rr_features").asBoolean());
        assertEquals(11, s.get("rr_feature_count").asInt());
        assertTrue(Cli.run("data", "stats", data.toString()).out().contains("RR features: yes (pre_rr, post_rr"));

        Path withRr = dir.resolve("test-rr.csv");
        assertEquals(0, Cli.run("data", "export-csv", data.toString(), "--split", "test", "--rr", "--out",
                withRr.toString()).code());
        List<String> rrRows = Files.readAllLines(withRr);
        String[] first = rrRows.get(0).split(",");
        assertEquals(199, first.length, "187 samples, 11 RR features, the label");
        assertEquals(rows.get(0).substring(rows.get(0).lastIndexOf(',')), "," + first[198], "the label stays last");
        double preRr = Double.parseDouble(first[187]);
        assertTrue(preRr > 0.2 && preRr < 3, "pre-RR in seconds: " + preRr);

        Path imported = dir.resolve("i.ecgb");
        Cli.Run imp = Cli.run("data", "import-csv", "--train", csv.toString(), "--test", csv.toString(),
                "--out", imported.toString());
        assertEquals(0, imp.code(), imp.err());
        Cli.Run importedStats = Cli.run("data", "stats", imported.toString(), "--json");
        assertFalse(json(importedStats.out()).get("rr_features").asBoolean());
        assertEquals(0, json(importedStats.out()).get("rr_feature_count").asInt());
        assertBadInput(dir.resolve("never.csv"), "the dataset has no RR features (--rr)", "data", "export-csv",
                imported.toString(), "--split", "test", "--rr", "--out", dir.resolve("never.csv").toString());
        Path run = dir.resolve("never-run");
        assertBadInput(run, imported + ": the dataset has no RR features (a Kaggle CSV import", "train", "--data",
                imported.toString(), "--model", "cnn2d", "--set", "features=rr", "--out", run.toString());
    }

    @Test
    void aRecordWithFewerThanTwoBeatsIsRefused() throws IOException {
        Path src = Files.createDirectory(dir.resolve("lonely"));
        TestData.copyRecord("232", src);
        Files.write(src.resolve("232.atr"), ecgbeats.data.wfdb.AnnotationFile.encode(List.of(
                new ecgbeats.data.wfdb.Annotation(5000, 1, 0, 0, 0, ""),
                new ecgbeats.data.wfdb.Annotation(6000, 28, 0, 0, 0, "(N"))));
        Path out = dir.resolve("lonely.ecgb");
        assertBadInput(out, src.resolve("232.atr") + ": holds 1 beat: RR intervals need at least two",
                "data", "build", "--source", src.toString(), "--out", out.toString());
    }

    @Test
    void fullDatabaseBuildEndToEnd() throws IOException {
        Path db = TestData.fullDatabase();
        Path data = dir.resolve("full.ecgb");
        Cli.Run build = Cli.run("data", "build", "--source", db.toString(), "--protocol", "inter", "--out", data.toString());
        assertEquals(0, build.code(), build.err());
        JsonNode s = json(Cli.run("data", "stats", data.toString(), "--json").out()).get("splits");
        assertEquals(44259 + 1837 + 3221 + 388 + 7, sum(s.get("test")));
        assertEquals(45866 + 944 + 3788 + 415 + 8, sum(s.get("train")) + sum(s.get("valid")));
    }

    /** Bad input: exit 2, one line on stderr naming the problem, no stack trace, no output file. */
    private void assertBadInput(Path mustNotExist, String expected, String... args) {
        Cli.Run r = Cli.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        String firstLine = r.err().lines().findFirst().orElse("");
        assertTrue(firstLine.startsWith("ecgbeats: "), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "stack trace printed: " + r.err());
        if (mustNotExist != null) {
            assertFalse(Files.exists(mustNotExist), mustNotExist + " was written");
        }
    }

    @Test
    void badInputGetsOneMessageAndExitCodeTwo() throws IOException {
        Path out = dir.resolve("out.ecgb");
        assertBadInput(out, "--source " + dir.resolve("missing") + ": no such folder",
                "data", "build", "--source", dir.resolve("missing").toString(), "--out", out.toString());
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertBadInput(out, "no WFDB records", "data", "build", "--source", empty.toString(), "--out", out.toString());
        assertBadInput(out, "unknown record 999", "data", "build", "--source", TestData.bundled().toString(),
                "--records", "208,999", "--out", out.toString());
        assertBadInput(out, "--records: 'abc' is not a record number", "data", "build", "--source",
                TestData.bundled().toString(), "--records", "208,abc", "--out", out.toString());
        // DS2 names records this folder does not hold: refused by name, not silently narrowed
        assertBadInput(out, "unknown record", "data", "build", "--source", TestData.bundled().toString(),
                "--records", "DS2", "--out", out.toString());
        assertBadInput(out, "unknown protocol 'extra'", "data", "build", "--source", TestData.bundled().toString(),
                "--protocol", "extra", "--out", out.toString());
        assertBadInput(out, "--seed", "data", "build", "--source", TestData.bundled().toString(),
                "--seed", "abc", "--out", out.toString());
        assertBadInput(null, "Unknown option", "data", "stats", "x", "--frobnicate");
        Cli.Run none = Cli.run();
        assertEquals(2, none.code(), "no subcommand is bad usage");
        assertTrue(none.err().contains("Usage: ecgbeats"), none.err());
        assertBadInput(out, "--valid-records 208,x: expected record numbers separated by commas (e.g. 101,201,223) "
                + "or 'beats'", "data", "build", "--source", TestData.bundled().toString(), "--protocol", "inter",
                "--valid-records", "208,x", "--out", out.toString());
        assertBadInput(out, "--valid-records [208]: would leave no record to train on", "data", "build", "--source",
                TestData.bundled().toString(), "--protocol", "inter", "--valid-records", "208", "--out", out.toString());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2,3\n");
        assertBadInput(out, bad + ": line 1: 3 columns", "data", "import-csv", "--train", bad.toString(),
                "--test", bad.toString(), "--out", out.toString());
        assertBadInput(null, bad + ": not an ecgbeats dataset file", "data", "stats", bad.toString());
        assertBadInput(null, "dataset file not found", "data", "stats", dir.resolve("none.ecgb").toString());

        Path data = dir.resolve("d.ecgb");
        Cli.buildBundled("232", data);
        assertBadInput(out, "unknown balancing method 'magic'", "data", "balance", "--in", data.toString(),
                "--method", "magic", "--out", out.toString());
        assertBadInput(null, "unknown split 'dev'", "data", "export-csv", data.toString(), "--split", "dev",
                "--out", dir.resolve("x.csv").toString());
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void aBrokenRecordIsNamedAndNothingIsWritten() throws IOException {
        Path src = Files.createDirectory(dir.resolve("src"));
        TestData.copyRecord("232", src);
        Files.write(src.resolve("232.atr"), "garbage, not annotations".getBytes());
        Path out = dir.resolve("out.ecgb");
        assertBadInput(out, src.resolve("232.atr") + ": not a valid MIT-format annotation file",
                "data", "build", "--source", src.toString(), "--out", out.toString());
    }

    @Test
    void existingOutputSurvivesAFailedRun() throws IOException {
        Path out = dir.resolve("out.ecgb");
        Files.writeString(out, "precious");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "1,2\n");
        assertEquals(2, Cli.run("data", "import-csv", "--train", bad.toString(), "--test", bad.toString(),
                "--out", out.toString()).code());
        assertEquals("precious", Files.readString(out));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "a temporary file was left behind");
        }
    }

    @Test
    void debugPrintsTheStackTrace() {
        Cli.Run r = Cli.run("data", "stats", dir.resolve("none.ecgb").toString(), "--debug");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void quickstartBuildsTheBundledDataset() throws java.io.IOException {
        Cli.Run r = Cli.run("quickstart", "--out", dir.toString(), "--epochs", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(dir.resolve("dataset.ecgb")));
        assertTrue(r.out().contains("[208, 213, 217, 232]"), r.out());
        assertTrue(Files.exists(dir.resolve("report.html")), r.out());
        assertTrue(Files.exists(dir.resolve("run/metrics.json")));
        // a second quickstart, after one that was cut short: the half-trained run is cleared, the last complete
        // run stays until the new one is complete, then the new one takes its place
        Files.createDirectories(dir.resolve("run.partial"));
        Files.writeString(dir.resolve("run.partial/state.json"), "{\"status\": \"RUNNING\"}");
        String before = Files.readString(dir.resolve("run/config.json"));
        Cli.Run again = Cli.run("quickstart", "--out", dir.toString(), "--epochs", "1");
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.notExists(dir.resolve("run.partial")) && Files.notExists(dir.resolve("run.old")));
        assertTrue(Files.readString(dir.resolve("run/state.json")).contains("COMPLETE"));
        assertTrue(!before.equals(Files.readString(dir.resolve("run/config.json"))), "the new run replaced the old");
        assertTrue(Files.readString(dir.resolve("run/config.json")).contains("\"epochs\" : 1"));
    }
}
