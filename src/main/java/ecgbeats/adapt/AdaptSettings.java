package ecgbeats.adapt;

import ecgbeats.train.FineTuning;
import ecgbeats.util.BadInputException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a trained run learns a patient from labelled beats: fine-tuning every weight for a fixed
 * number of epochs on the patient's labelled beats, with {@code replay} of the run's own
 * training beats beside them so that classes the labelled minutes lack are not forgotten. The
 * defaults were chosen over DS1's records (docs/results.md), never over DS2's.
 *
 * @param epochs      passes over the labelled and replayed beats
 * @param lr          AdamW's learning rate
 * @param batch       beats per step
 * @param weightDecay AdamW's weight decay
 * @param replay      training beats of the run replayed beside the patient's (drawn at random)
 * @param localShare  the share of the loss weight the patient's beats carry, the rest the replayed beats'
 *                    (above 0, below 1; without replay the patient's beats carry it all)
 * @param part        which weights change: all, trunk (what reads the beat's shape) or head
 */
public record AdaptSettings(int epochs, double lr, int batch, double weightDecay, int replay, double localShare,
                            FineTuning.Part part) {

    /** The settings' names, as {@code NAME=VALUE} takes them. */
    public enum Param {
        EPOCHS, LR, BATCH, WEIGHT_DECAY, REPLAY, LOCAL_SHARE, PART;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Param of(String id) {
            for (Param p : values()) {
                if (p.id().equals(id)) {
                    return p;
                }
            }
            return null;
        }
    }

    public AdaptSettings {
        if (epochs < 1 || batch < 1 || !(lr > 0) || weightDecay < 0 || replay < 0
                || !(localShare > 0 && localShare < 1) || part == null) {
            throw new IllegalArgumentException("adaptation settings out of range: " + this);
        }
    }

    public static AdaptSettings defaults() {
        return new AdaptSettings(6, 3e-4, 32, 1e-5, 2000, 0.6, FineTuning.Part.ALL);
    }

    /** These settings with {@code name} set to {@code value}; an unknown name or a bad value is a {@link BadInputException}. */
    public AdaptSettings with(String name, String value) {
        Param p = Param.of(name.trim());
        if (p == null) {
            throw BadInputException.about(BadInputException.Subject.SETTING, name, "not an adaptation setting (known: "
                    + String.join(", ", java.util.Arrays.stream(Param.values()).map(Param::id).toList()) + ")");
        }
        try {
            AdaptSettings s = switch (p) {
                case EPOCHS -> new AdaptSettings(Integer.parseInt(value), lr, batch, weightDecay, replay, localShare, part);
                case LR -> new AdaptSettings(epochs, Double.parseDouble(value), batch, weightDecay, replay, localShare,
                        part);
                case BATCH -> new AdaptSettings(epochs, lr, Integer.parseInt(value), weightDecay, replay, localShare,
                        part);
                case WEIGHT_DECAY -> new AdaptSettings(epochs, lr, batch, Double.parseDouble(value), replay, localShare,
                        part);
                case REPLAY -> new AdaptSettings(epochs, lr, batch, weightDecay, Integer.parseInt(value), localShare,
                        part);
                case LOCAL_SHARE -> new AdaptSettings(epochs, lr, batch, weightDecay, replay, Double.parseDouble(value),
                        part);
                case PART -> new AdaptSettings(epochs, lr, batch, weightDecay, replay, localShare,
                        FineTuning.Part.valueOf(value.trim().toUpperCase(Locale.ROOT)));
            };
            return s;
        } catch (IllegalArgumentException e) {
            throw BadInputException.about(BadInputException.Subject.SETTING, name + "=" + value,
                    "not a valid value (" + e.getMessage() + ")");
        }
    }

    /** The settings by name, as config.json records them. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Param.EPOCHS.id(), epochs);
        m.put(Param.LR.id(), lr);
        m.put(Param.BATCH.id(), batch);
        m.put(Param.WEIGHT_DECAY.id(), weightDecay);
        m.put(Param.REPLAY.id(), replay);
        m.put(Param.LOCAL_SHARE.id(), localShare);
        m.put(Param.PART.id(), part.name().toLowerCase(Locale.ROOT));
        return m;
    }

    FineTuning.Settings fineTuning() {
        return new FineTuning.Settings(epochs, lr, batch, weightDecay, part);
    }
}
