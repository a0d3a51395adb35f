package uk.mash.support.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * One CloudEvent consumed from Kafka: its attributes as SmallRye read them from the {@code ce_*}
 * headers, where it came from, and its JSON data, read into a type only when asked.
 */
public record InboundEvent(String id, String type, String topic, int partition, long offset, String key,
                           String json, ObjectMapper mapper) {

    static InboundEvent of(IncomingCloudEventMetadata<?> ce, String topic, int partition, long offset, String key,
                           String json, ObjectMapper mapper) {
        return new InboundEvent(ce.getId(), ce.getType(), topic, partition, offset, key, json, mapper);
    }

    public boolean is(String ceType) {
        return ceType.equals(type);
    }

    /** The data as {@code type}; data that does not fit is a {@link PermanentFailure} naming the path, not the value. */
    public <T> T data(Class<T> as) {
        if (json == null) {
            throw new PermanentFailure("A " + type + " record without data");
        }
        T data;
        try {
            data = mapper.readValue(json, as);
        } catch (JsonMappingException e) {
            throw new PermanentFailure("The data of " + type + " does not match " + as.getSimpleName() + " at '"
                    + path(e) + "' (" + e.getClass().getSimpleName() + ")");
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("The data of " + type + " is not well-formed JSON ("
                    + e.getClass().getSimpleName() + at(e) + ")");
        }
        if (data == null) {
            throw new PermanentFailure("The data of " + type + " is JSON null");
        }
        return data;
    }

    /** A field the consumer cannot do without. */
    public static void require(boolean present, String type, String field) {
        if (!present) {
            throw new PermanentFailure("A " + type + " without '" + field + "' cannot be processed");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
