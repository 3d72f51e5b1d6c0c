package ecgbeats.util;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Settings named by an enum of keys, as text: how a record of settings is copied with one of them
 * changed (every value as text, the one changed, then all parsed again by the record's own parser).
 */
public final class SettingTexts {

    private SettingTexts() {
    }

    /**
     * {@code NAME=VALUE} split at its first {@code =}, both sides trimmed; anything else is a
     * {@link BadInputException} about a setting, showing {@code example}.
     */
    public static Map.Entry<String, String> assignment(String s, String example) {
        int eq = s.indexOf('=');
        if (eq <= 0 || eq == s.length() - 1) {
            throw BadInputException.about(BadInputException.Subject.SETTING, s, "expected NAME=VALUE, e.g. " + example);
        }
        return Map.entry(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
    }

    /**
     * {@code current} (each setting by its id) as text, keyed by {@code type}'s constants, with
     * {@code changed} set to {@code value}.
     */
    public static <E extends Enum<E>> Map<E, String> with(Class<E> type, Map<String, Object> current,
                                                          Function<String, E> byId, E changed, String value) {
        Map<E, String> texts = new EnumMap<>(type);
        current.forEach((k, v) -> texts.put(byId.apply(k), String.valueOf(v)));
        texts.put(changed, value.trim());
        return texts;
    }
}
