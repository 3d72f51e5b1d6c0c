package ecgbeats.model;

import ecgbeats.util.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSpecTest {

    private static String refused(Architecture a, String key, String value) {
        return assertThrows(BadInputException.class, () -> ModelSpec.defaults(a).with(Map.of(key, value))).getMessage();
    }

    @Test
    void aHyperparameterTheModelDoesNotUseIsRefused() {
        String m = refused(Architecture.CNN2D, "gru_hidden", "64");
        assertTrue(m.startsWith("cnn2d does not use hyperparameter 'gru_hidden'"), m);
        assertTrue(m.contains("hidden, num_layers, num_blocks, dropout"), m);
        assertTrue(refused(Architecture.GRU, "num_blocks", "2").contains("gru does not use"));
    }

    @Test
    void valuesOutOfRangeAreNamed() {
        assertEquals("dropout=-0.1: must be in [0, 1)", refused(Architecture.CNN2D, "dropout", "-0.1"));
        assertEquals("hidden=0: must be 1 to 8192", refused(Architecture.CNN2D, "hidden", "0"));
        assertEquals("hidden=abc: not a number", refused(Architecture.CNN2D, "hidden", "abc"));
        assertTrue(refused(Architecture.CNN2D, "num_layers", "1").startsWith("num_layers=1: must be 2 to 16"));
        assertTrue(refused(Architecture.TRANSFORMER2D, "num_heads", "3").contains("must divide hidden (64)"));
        assertTrue(refused(Architecture.CNNGRU1D, "gru_input", "sideways").contains("not time or flat"));
        assertEquals("features: 'hrv' is not one of none, rr, rr_norm, rr_local", refused(Architecture.CNN2D, "features", "hrv"));
        assertTrue(refused(Architecture.CNN2D, "colour", "red").contains("unknown hyperparameter 'colour'"));
        assertEquals("template: 'mean' is not one of none, median", refused(Architecture.CNN2D, "template", "mean"));
    }

    @Test
    void aTemplateIsRecordedOnlyWhenTheModelHasOne() {
        // runs made before templates existed have none in their config, and load as they were
        for (Architecture a : Architecture.values()) {
            ModelSpec plain = ModelSpec.defaults(a);
            ModelSpec median = plain.with(Map.of("template", "median"));
            assertTrue(!plain.asMap().containsKey("template"), a.id());
            assertEquals("median", median.asMap().get("template"), a.id());
            assertEquals(median, ModelSpec.fromMap(a, median.asMap()));
            assertEquals(plain, ModelSpec.fromMap(a, plain.asMap()));
            assertEquals(2, median.template().channels());
        }
    }

    @Test
    void mapRoundTripKeepsOnlyUsedParameters() {
        ModelSpec s = ModelSpec.studyBest(Architecture.CNNGRU1D);
        Map<String, Object> m = s.asMap();
        assertEquals(Map.of("hidden", 64, "num_layers", 2, "num_blocks", 5, "dropout", 0.4, "gru_hidden", 256,
                "gru_input", "time", "features", "none"), m);
        assertEquals(s, ModelSpec.fromMap(Architecture.CNNGRU1D, m));
        assertTrue(!ModelSpec.defaults(Architecture.CNN2D).asMap().containsKey("gru_hidden"));
    }

    @Test
    void unknownModelIsNamed() {
        String m = assertThrows(BadInputException.class, () -> Architecture.parse("resnet50")).getMessage();
        assertTrue(m.startsWith("unknown model 'resnet50' (expected one of cnn2d, cnngru1d"), m);
    }
}
