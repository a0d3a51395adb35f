package uk.mash.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;
import java.time.temporal.Temporal;

/**
 * An enum or a point in time (a date, an instant) is read only from a JSON string written exactly
 * as CONTRACT.md shows it: not from a number or an array (Jackson's date and ordinal forms), and
 * not with spaces around it (Jackson's enum lookup trims, so {@code "NEGLECT "} was NEGLECT).
 * Case is already exact: Jackson matches enum names case-sensitively by default.
 */
final class ExactStringValue extends DelegatingDeserializer {

    ExactStringValue(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
        return new ExactStringValue(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return ctxt.handleUnexpectedToken(handledType(), p);
        }
        String text = p.getText();
        if (!text.equals(text.strip())) {
            return ctxt.handleWeirdStringValue(handledType(), text, "has spaces around it");
        }
        return _delegatee.deserialize(p, ctxt);
    }

    /** Puts every enum's and every date/time type's deserializer behind the exact-string check. */
    static final class Modifier extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description, JsonDeserializer<?> deserializer) {
            return new ExactStringValue(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            // points in time only: a Duration may be written as a number of seconds
            return Temporal.class.isAssignableFrom(description.getBeanClass())
                    ? new ExactStringValue(deserializer) : deserializer;
        }
    }
}
