package ecgbeats.adapt;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import ecgbeats.data.beat.AamiClass;
import ecgbeats.train.ClassifiedRecording;
import ecgbeats.train.SConfidenceFloor;
import ecgbeats.train.Recording;

/**
 * Whether the {@link SConfidenceFloor} holds for one patient, decided from the patient's labelled
 * beats: it does when they are spread over the whole recording (reaching into its first and its
 * last tenth of beats, as the beats {@code predict --ask} chooses are) and none of them is an S
 * beat. Such labels are a sample of the recording, and a sample without S says the record has few;
 * the first minutes are not (a patient's S beats may all come later). Recorded in config.json under
 * {@code adaptation.s_floor}, so that the adapted run classifies as it was judged.
 *
 * @param floor     the probability an S call needs to stay S
 * @param applies   whether the floor acts on the adapted run's calls
 * @param labelledS labelled S beats
 * @param spread    whether the labelled beats reach into the recording's first and last tenth
 */
@JsonPropertyOrder({"floor", "applies", "labelled_s", "spread"})
public record SFloorDecision(double floor, boolean applies, @JsonProperty("labelled_s") int labelledS,
                             boolean spread) {

    public SFloorDecision {
        if (applies != (spread && labelledS == 0)) {
            throw new IllegalArgumentException("the floor applies exactly when the labels are spread and hold no S beat");
        }
    }

    /** The decision for the patient of {@code recording}, whose labelled beats are {@code labels}. */
    public static SFloorDecision of(SConfidenceFloor rule, Recording recording, PatientLabels labels) {
        int s = labels.classCounts()[AamiClass.S.label()];
        boolean spread = labels.spreadOver(recording.beats().size());
        return new SFloorDecision(rule.floor(), spread && s == 0, s, spread);
    }

    /** {@code classified} with the floor applied, if it {@link #applies}. */
    public ClassifiedRecording apply(ClassifiedRecording classified) {
        return applies ? new SConfidenceFloor(floor).apply(classified) : classified;
    }
}
