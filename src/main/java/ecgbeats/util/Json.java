package ecgbeats.util;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON configuration of ecgbeats: {@link #MAPPER} writes compact JSON (journal lines,
 * messages, one-line outputs) and {@link #PRETTY} indented JSON (files people read, such as
 * config.json); both read files of later versions, ignoring fields they do not know.
 * Jackson's mappers are thread-safe once configured.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }
}
