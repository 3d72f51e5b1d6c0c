package ecgbeats.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecgbeats.util.BadInputException;

import java.io.IOException;

/**
 * What every trial of a study shares, as the coordinator publishes it to its workers: the
 * dataset (path and checksum), the model and the training budget. Trials add their own
 * hyperparameters and seed.
 */
public record StudyJob(String data, @JsonProperty("data_sha256") String dataSha256, String model, int epochs,
                double fraction, String objective) {

    private static final ObjectMapper JSON = ecgbeats.util.Json.MAPPER;

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static StudyJob fromJson(String json) {
        try {
            return JSON.readValue(json, StudyJob.class);
        } catch (IOException e) {
            throw new BadInputException("the coordinator's study description is not readable: " + e.getMessage());
        }
    }
}
