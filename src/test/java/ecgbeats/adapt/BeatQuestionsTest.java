package ecgbeats.adapt;

import ecgbeats.data.beat.AamiClass;
import ecgbeats.train.ClassifiedRecording;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BeatQuestionsTest {

    /** A classification of {@code n} beats: S at the rows {@code s}, N elsewhere (no recording: the choice reads only classes). */
    private static ClassifiedRecording classes(int n, int... s) {
        int[] c = new int[n];
        for (int i : s) {
            c[i] = AamiClass.S.label();
        }
        return new ClassifiedRecording(null, c, new float[n * AamiClass.COUNT]);
    }

    @Test
    void evenlySpacedRowsCoverTheWholeRecording() {
        assertArrayEquals(new int[] {5, 15, 25, 35, 45, 55, 65, 75, 85, 95},
                BeatQuestions.choose(classes(100), 10, BeatQuestions.Strategy.SPREAD));
        assertArrayEquals(new int[] {0, 1, 2}, BeatQuestions.choose(classes(3), 10, BeatQuestions.Strategy.CALLS),
                "every beat when there are fewer than asked for");
    }

    @Test
    void halfTheQuestionsGoToTheRunsEctopicCalls() {
        int[] s = java.util.stream.IntStream.range(0, 40).map(i -> 500 + 2 * i).toArray();  // 40 S calls in minute ~5
        int[] chosen = BeatQuestions.choose(classes(1000, s), 20, BeatQuestions.Strategy.CALLS);
        assertEquals(20, chosen.length);
        assertEquals(20, Arrays.stream(chosen).distinct().count());
        assertTrue(Arrays.equals(chosen, Arrays.stream(chosen).sorted().toArray()), "ascending");
        long calls = Arrays.stream(chosen).filter(i -> Arrays.binarySearch(s, i) >= 0).count();
        assertEquals(10, calls, "half among the S calls");
        assertTrue(chosen[0] < 100 && chosen[19] > 900, "the rest spread over the record: " + Arrays.toString(chosen));
    }

    @Test
    void halfTheQuestionsGoToTheBeatsTheRunIsLeastSureOf() {
        int n = 1000;
        int[] c = new int[n];
        float[] logp = new float[n * AamiClass.COUNT];
        for (int i = 0; i < n; i++) {
            // beats 600..849 are the unsure quarter: top probability 0.5, the rest 0.99
            double top = i >= 600 && i < 850 ? 0.5 : 0.99;
            for (int k = 0; k < AamiClass.COUNT; k++) {
                logp[i * AamiClass.COUNT + k] = (float) Math.log(k == 0 ? top : (1 - top) / 4);
            }
        }
        int[] chosen = BeatQuestions.choose(new ClassifiedRecording(null, c, logp), 20, BeatQuestions.Strategy.UNSURE);
        assertEquals(20, chosen.length);
        assertEquals(10, Arrays.stream(chosen).filter(i -> i >= 600 && i < 850).count(), Arrays.toString(chosen));
        assertTrue(chosen[0] < 100 && chosen[19] > 900, "the rest spread over the record: " + Arrays.toString(chosen));
    }

    @Test
    void withFewEctopicCallsTheRestAreSpread() {
        int[] chosen = BeatQuestions.choose(classes(1000, 10, 990), 20, BeatQuestions.Strategy.CALLS);
        assertEquals(20, chosen.length);
        assertTrue(Arrays.stream(chosen).anyMatch(i -> i == 10) && Arrays.stream(chosen).anyMatch(i -> i == 990));
    }

    @Test
    void theProtocolsAreParsedFromTheirNames() {
        assertEquals(new AdaptProtocol.FirstMinutes(5), AdaptProtocol.parse("5m"));
        assertEquals(new AdaptProtocol.Asked(40, BeatQuestions.DEFAULT), AdaptProtocol.parse("ask:40"));
        assertEquals(new AdaptProtocol.Asked(40, BeatQuestions.Strategy.SPREAD), AdaptProtocol.parse("ask:40:spread"));
        assertEquals(new AdaptProtocol.Unsupervised(AdaptMethod.BATCH_NORM), AdaptProtocol.parse("batch-norm"));
        assertEquals(new AdaptProtocol.Unsupervised(UnsupervisedAdaptation.DEFAULT), AdaptProtocol.parse("unsupervised"));
        for (String bad : new String[] {"5", "0m", "ask:0", "ask:40:nope", "fine-tune", "ask:"}) {
            ecgbeats.util.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                    ecgbeats.util.BadInputException.class, () -> AdaptProtocol.parse(bad), bad);
            assertTrue(e.phrasedAs("--adapt").startsWith("--adapt " + bad + ": expected"), e.phrasedAs("--adapt"));
        }
    }
}
