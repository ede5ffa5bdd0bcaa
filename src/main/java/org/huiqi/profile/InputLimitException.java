package org.huiqi.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value that is well-formed JSON of the right type but outside {@link ProfileLimits}. It is
 * raised while the body is read, so an oversize list or an absurd number never reaches memory or
 * arithmetic; its message is meant for the caller as it stands.
 */
public class InputLimitException extends MismatchedInputException {
    public InputLimitException(JsonParser parser, String message, Class<?> type) {
        super(parser, message, type);
    }
}
