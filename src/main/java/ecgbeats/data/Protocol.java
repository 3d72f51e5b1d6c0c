package ecgbeats.data;

import ecgbeats.util.EnumIds;
import ecgbeats.util.BadInputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/** How beats are divided into train and test (docs/reference.md §1). */
public enum Protocol {
    /** All beats pooled, stratified random 80/20 split: the study's and Kaggle's protocol. */
    INTRA,
    /** de Chazal et al. 2004: train on the patients of DS1, test on the other patients, DS2. */
    INTER;

    /** de Chazal's training records. */
    public static final List<Integer> DS1 = List.of(101, 106, 108, 109, 112, 114, 115, 116, 118, 119, 122,
            124, 201, 203, 205, 207, 208, 209, 215, 220, 223, 230);
    /** de Chazal's test records. */
    public static final List<Integer> DS2 = List.of(100, 103, 105, 111, 113, 117, 121, 123, 200, 202, 210,
            212, 213, 214, 219, 221, 222, 228, 231, 232, 233, 234);

    /**
     * The DS1 records that {@code inter} holds out whole for validation by default: patients
     * training does not see, with beats of every class (N 5,540, S 204, V 671, F 16, Q 2 of DS1's
     * N 45,866, S 944, V 3,788, F 415, Q 8). F beats sit almost all in record 208 (373 of 415),
     * which training needs, so validation has few.
     */
    public static final List<Integer> DEFAULT_VALID_RECORDS = List.of(101, 201, 223);
    /** Records with paced beats, left out of the inter-patient protocol. */
    public static final List<Integer> PACED = List.of(102, 104, 107, 217);

    @JsonValue
    public String id() {
        return EnumIds.id(this);
    }

    @JsonCreator
    public static Protocol parse(String s) {
        return EnumIds.find(Protocol.class, s).orElseThrow(() -> new BadInputException(
                "unknown protocol '" + s + "' (expected intra or inter)"));
    }
}
