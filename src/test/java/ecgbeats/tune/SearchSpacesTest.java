package ecgbeats.tune;

import ecgbeats.util.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchSpacesTest {

    @Test
    void presetsEqualTheStudysTables() {
        SearchSpace gru = SearchSpaces.load("seed-cnngru1d");
        assertEquals(List.of("gru_hidden", "batch", "num_layers", "num_blocks", "dropout", "optimizer", "balance",
                "factor"), List.copyOf(gru.domains().keySet()));
        assertEquals(new Domain.Choice(List.of(32, 64, 128, 256, 512)), gru.domains().get("gru_hidden"));
        assertEquals(new Domain.Numeric(Domain.Numeric.Kind.RANDINT, 1, 5, 1), gru.domains().get("num_blocks"));
        assertEquals(new Domain.Choice(List.of("smote", "oversample")), gru.domains().get("balance"));
        SearchSpace cnn = SearchSpaces.load("seed-cnn2d");
        assertEquals(new Domain.Numeric(Domain.Numeric.Kind.RANDINT, 62, 256, 1), cnn.domains().get("hidden"));
        assertEquals(new Domain.Numeric(Domain.Numeric.Kind.UNIFORM, 0.1, 0.4, 1), cnn.domains().get("dropout"));
    }

    @Test
    void jsonAndYamlGiveTheSameSpace() {
        SearchSpace y = SearchSpaces.parse("y", "lr: {loguniform: [0.0001, 0.01]}\nh: {quniform: [8, 64, 8]}\n");
        SearchSpace j = SearchSpaces.parse("j", "{\"lr\": {\"loguniform\": [0.0001, 0.01]}, \"h\": {\"quniform\": [8, 64, 8]}}");
        assertEquals(y, j);
    }

    @Test
    void samplesStayInTheirDomains() {
        SearchSpace s = SearchSpaces.parse("s", "a: {randint: [2, 4]}\nb: {loguniform: [0.001, 0.1]}\n"
                + "c: {quniform: [0, 1, 0.25]}\nd: {choice: [x, y]}\n");
        SplittableRandom r = new SplittableRandom(1);
        int[] seen = new int[5];
        for (int i = 0; i < 2000; i++) {
            Map<String, Object> p = s.sample(r);
            int a = (Integer) p.get("a");
            assertTrue(a >= 2 && a <= 4);
            seen[a]++;
            double b = (Double) p.get("b");
            assertTrue(b >= 0.001 && b <= 0.1);
            double c = (Double) p.get("c");
            assertEquals(0, c * 4 - Math.rint(c * 4), 1e-12);
            assertTrue(List.of("x", "y").contains(p.get("d")));
        }
        for (int v = 2; v <= 4; v++) {
            assertTrue(seen[v] > 550, "randint value " + v + " drawn " + seen[v] + " times of 2000");
        }
    }

    @Test
    void malformedSpacesAreNamed() {
        assertBad("x: {gaussian: [0, 1]}", "x: unknown kind 'gaussian'");
        assertBad("x: {uniform: [2, 1]}", "x: lo > hi");
        assertBad("x: {choice: []}", "x: empty choice");
        assertBad("x: {quniform: [0, 1]}", "quniform takes 3 numbers");
        assertBad("x: {loguniform: [0, 1]}", "loguniform needs lo > 0");
        assertBad("x: [1, 2", "not valid YAML or JSON");
        assertBad("a: {choice: [1]}\nb: {uniform: [3, 1]}", "space.yaml, line 2: b: lo > hi");
        assertBad("a: {choice: [1]}\nb: {choice: [1, 2]\n", ", line ");
        assertBad("x: 3", "expected one of");
        String m = assertThrows(BadInputException.class, () -> SearchSpaces.load("no-such-preset")).getMessage();
        assertTrue(m.contains("neither a preset"), m);
    }

    private static void assertBad(String text, String expected) {
        String m = assertThrows(BadInputException.class, () -> SearchSpaces.parse("space.yaml", text)).getMessage();
        assertTrue(m.startsWith("space.yaml"), m);
        assertTrue(m.contains(expected), m);
    }
}
