package ecgbeats.adapt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeacherTest {

    @Test
    void theAutomaticTeacherReadsTheRecordsStatisticsOnlyForAMostlyNormalRecord() {
        AdaptSettings.Teacher auto = AdaptSettings.Teacher.AUTO;
        assertTrue(auto.readsRecordStatistics(1500, 2000));
        assertTrue(auto.readsRecordStatistics(1000, 2000), "half is mostly enough");
        assertFalse(auto.readsRecordStatistics(398, 1780), "232: most beats are its atrial rhythm, S");
        for (int n : new int[] {0, 398, 1780}) {
            assertTrue(AdaptSettings.Teacher.ADABN.readsRecordStatistics(n, 1780));
            assertFalse(AdaptSettings.Teacher.TRAINED.readsRecordStatistics(n, 1780));
        }
    }

    @Test
    void selfTrainingDefaultsToTheAutomaticTeacherAndFineTuningHasNone() {
        assertTrue(AdaptSettings.defaults(AdaptMethod.SELF_TRAINING).teacher() != AdaptSettings.Teacher.TRAINED);
        assertTrue(AdaptSettings.defaults(AdaptMethod.FINE_TUNE).teacher() == AdaptSettings.Teacher.TRAINED);
    }

    @Test
    void selfTrainingStartsFromFineTuningsSettingsWithItsOwnRateTeacherAndNoLabelsOnlyRule() {
        var fineTuning = AdaptSettings.defaults().asMap();
        var selfTraining = AdaptSettings.defaults(AdaptMethod.SELF_TRAINING).asMap();
        java.util.Set<String> differ = new java.util.TreeSet<>();
        fineTuning.forEach((k, v) -> {
            if (!v.equals(selfTraining.get(k))) {
                differ.add(k);
            }
        });
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Set.of("lr", "teacher", "early_rule", "s_floor"), differ);
        org.junit.jupiter.api.Assertions.assertEquals(3e-4, selfTraining.get("lr"));
        org.junit.jupiter.api.Assertions.assertEquals(0.0, selfTraining.get("s_floor"));
        org.junit.jupiter.api.Assertions.assertEquals(0.3, selfTraining.get("premature"), "copies of the beats it is sure are N");
    }

    @Test
    void eachMethodRecordsTheSettingsItUses() {
        var selfTraining = AdaptSettings.defaults(AdaptMethod.SELF_TRAINING).recordedFor(AdaptMethod.SELF_TRAINING);
        assertTrue(selfTraining.containsKey("teacher"));
        assertFalse(selfTraining.containsKey("early_rule"), "no labels decide it");
        var fineTuning = AdaptSettings.defaults(AdaptMethod.FINE_TUNE).recordedFor(AdaptMethod.FINE_TUNE);
        assertFalse(fineTuning.containsKey("teacher"), "self-training's only");
        assertTrue(fineTuning.get("early_rule").equals(0.9), fineTuning.toString());
        assertTrue(fineTuning.containsKey("premature"));
        assertFalse(fineTuning.containsKey("rounds"), "self-training's only");
    }

    @Test
    void roundsAreSelfTrainingsOnly() {
        AdaptSettings two = AdaptSettings.defaults(AdaptMethod.FINE_TUNE).with("rounds", "2");
        org.junit.jupiter.api.Assertions.assertThrows(ecgbeats.util.BadInputException.class,
                () -> two.checkedFor(AdaptMethod.FINE_TUNE));
        AdaptSettings selfTraining = AdaptSettings.defaults(AdaptMethod.SELF_TRAINING).with("rounds", "2");
        assertTrue(selfTraining.checkedFor(AdaptMethod.SELF_TRAINING).rounds() == 2);
        org.junit.jupiter.api.Assertions.assertThrows(ecgbeats.util.BadInputException.class,
                () -> selfTraining.with("rounds", "0"));
    }
}
