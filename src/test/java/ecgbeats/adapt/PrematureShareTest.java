package ecgbeats.adapt;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrematureShareTest {

    private static PatientLabels labels(int[] rows) {
        return new PatientLabels(null, rows, new byte[rows.length], 0, "", 0);
    }

    @Test
    void labelsSpreadOverTheRecordingGetTheSpreadShareAndTheFirstMinutesTheOther() {
        AdaptSettings defaults = AdaptSettings.defaults();
        PatientLabels asked = labels(IntStream.range(0, 100).map(i -> i * 20 + 5).toArray());
        PatientLabels firstMinutes = labels(IntStream.range(0, 350).toArray());
        assertEquals(0.0, PatientAdapter.prematureShare(defaults, asked, 2000));
        assertEquals(0.3, PatientAdapter.prematureShare(defaults, firstMinutes, 2000));
        AdaptSettings set = defaults.with("premature_spread", "0.2").with("premature", "0.1");
        assertEquals(0.2, PatientAdapter.prematureShare(set, asked, 2000));
        assertEquals(0.1, PatientAdapter.prematureShare(set, firstMinutes, 2000));
    }

    @Test
    void aMethodWithoutLabelsRecordsNoSpreadShare() {
        assertEquals(false, AdaptSettings.defaults(AdaptMethod.SELF_TRAINING).recordedFor(AdaptMethod.SELF_TRAINING)
                .containsKey("premature_spread"));
        assertEquals(0.0, AdaptSettings.defaults().recordedFor(AdaptMethod.FINE_TUNE).get("premature_spread"));
        // set for a method without labels, it would be silently unused: refused, naming it
        var e = org.junit.jupiter.api.Assertions.assertThrows(ecgbeats.util.BadInputException.class,
                () -> AdaptSettings.defaults(AdaptMethod.SELF_TRAINING).with("premature_spread", "0.2")
                        .checkedFor(AdaptMethod.SELF_TRAINING));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("premature_spread=0.2"), e.getMessage());
        AdaptSettings.defaults(AdaptMethod.BATCH_NORM).checkedFor(AdaptMethod.BATCH_NORM); // its defaults pass
    }
}
