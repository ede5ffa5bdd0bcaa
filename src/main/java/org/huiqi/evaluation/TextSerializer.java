package org.huiqi.evaluation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a {@link Text} in both languages, or in the one a caller asked for: the writer's
 * {@link Text#LANGUAGE} attribute, "zh" or "en". One place decides it, so every text of an answer
 * follows the same choice and no per-request copy of the results is made.
 */
final class TextSerializer extends StdSerializer<Text> {
    TextSerializer() {
        super(Text.class);
    }

    @Override
    public void serialize(Text text, JsonGenerator out, SerializerProvider provider) throws IOException {
        Object language = provider.getAttribute(Text.LANGUAGE);
        out.writeStartObject();
        if (!"en".equals(language)) out.writeStringField("zh", text.zh());
        if (!"zh".equals(language)) out.writeStringField("en", text.en());
        out.writeEndObject();
    }
}
