package uk.mash.support.messaging;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Outgoing Kafka records as binary-mode CloudEvents: SmallRye writes the {@code ce_*} headers
 * from this metadata. {@code id} must be stable across redelivery so consumers can drop duplicates.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    /**
     * A message whose {@code delivered} future completes when the broker acknowledged the record
     * (with the channel's {@code acks}), or fails when it could not be written.
     */
    public static <T> Message<T> cloudEvent(String topic, String id, String type, URI source, String subject, Instant time,
                                            String key, T data, CompletableFuture<Void> delivered) {
        OutgoingCloudEventMetadata<T> ce = OutgoingCloudEventMetadata.<T>builder()
                .withId(id)
                .withType(type)
                .withSource(source)
                .withSubject(subject)
                .withTimestamp(time.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).build();
        return Message.of(data, Metadata.of(ce, kafka),
                () -> {
                    delivered.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    delivered.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
