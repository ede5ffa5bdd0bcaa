package org.huiqi.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code profile.inputs} token by token. An answer to a declared input is a number,
 * true/false or a choice, so a list or an object is refused at its first token, naming
 * {@code profile.inputs.<id>}: nothing of it is built. The map holds at most
 * {@link ProfileLimits#MAX_INPUTS} answers, keyed by ids of at most
 * {@link ProfileLimits#MAX_INPUT_ID_LENGTH} characters, and a choice is at most
 * {@link ProfileLimits#MAX_INPUT_TEXT_LENGTH} characters; numbers are held to the same magnitude
 * and decimals as every other number. Whether an id is declared, and the answer of the declared
 * type, is checked later against the serving rule set.
 */
public final class InputAnswers extends StdDeserializer<Map<String, JsonNode>> {
    public InputAnswers() {
        super(Map.class);
    }

    @Override
    public Map<String, JsonNode> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.isExpectedStartObjectToken()) {
            throw new InputLimitException(p, "must be an object of answers keyed by input id", Map.class);
        }
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String id = p.nextFieldName(); id != null; id = p.nextFieldName()) {
            if (answers.size() == ProfileLimits.MAX_INPUTS) {
                throw new InputLimitException(p, "at most " + ProfileLimits.MAX_INPUTS + " answers are accepted", Map.class);
            }
            JsonToken token = p.nextToken();
            try {
                if (id.length() > ProfileLimits.MAX_INPUT_ID_LENGTH) {
                    throw new InputLimitException(p, "an input id is at most " + ProfileLimits.MAX_INPUT_ID_LENGTH + " characters", String.class);
                }
                answers.put(id, answer(p, token));
            } catch (JsonProcessingException e) {
                // The path names the answer: profile.inputs.<id> (an over-long id is cut, so the answer stays small).
                throw JsonMappingException.wrapWithPath(e, answers, shortened(id));
            }
        }
        return answers;
    }

    private static JsonNode answer(JsonParser p, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (token) {
            case VALUE_NULL -> nodes.nullNode();
            case VALUE_TRUE, VALUE_FALSE -> nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_STRING -> {
                if (p.getTextLength() > ProfileLimits.MAX_INPUT_TEXT_LENGTH) {
                    throw new InputLimitException(p, "a choice is at most " + ProfileLimits.MAX_INPUT_TEXT_LENGTH + " characters", String.class);
                }
                yield nodes.textNode(p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                BigDecimal value = p.getDecimalValue();
                String problem = BoundedInput.checkNumber(value);
                if (problem != null) throw new InputLimitException(p, problem, BigDecimal.class);
                yield token == JsonToken.VALUE_NUMBER_INT ? integer(p) : nodes.numberNode(p.getDoubleValue());
            }
            case START_OBJECT -> perYear(p);
            default -> throw new InputLimitException(p, "must be a number, true or false, or one of the input's choices; "
                    + "lists are not answers", JsonNode.class);
        };
    }

    /**
     * The answer to an input declared {@code perYear}: numbers keyed by four-digit years, like
     * {@code financials} ({@code {"2024": 1200}}). Whether the input is per year is checked against
     * the rule set afterwards, as every other answer is.
     */
    private static JsonNode perYear(JsonParser p) throws IOException {
        ObjectNode years = JsonNodeFactory.instance.objectNode();
        for (String year = p.nextFieldName(); year != null; year = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            if (!YearKeys.Validator.isYear(year)) {
                throw new InputLimitException(p, "keys of a per-year answer must be four-digit years, such as \"2025\"", Map.class);
            }
            if (years.size() == ProfileLimits.MAX_YEARS) {
                throw new InputLimitException(p, "at most " + ProfileLimits.MAX_YEARS + " years are accepted", Map.class);
            }
            if (token != JsonToken.VALUE_NULL && token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new InputLimitException(p, "a per-year answer holds numbers", BigDecimal.class);
            }
            years.set(year, answer(p, token));
        }
        return years;
    }

    /** The same node types Jackson's own tree reader makes, so rules see answers exactly as before. */
    private static JsonNode integer(JsonParser p) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (p.getNumberType()) {
            case INT -> nodes.numberNode(p.getIntValue());
            case LONG -> nodes.numberNode(p.getLongValue());
            default -> nodes.numberNode(p.getBigIntegerValue());
        };
    }

    private static String shortened(String id) {
        return id.length() <= ProfileLimits.MAX_INPUT_ID_LENGTH ? id : id.substring(0, ProfileLimits.MAX_INPUT_ID_LENGTH) + "…";
    }
}
