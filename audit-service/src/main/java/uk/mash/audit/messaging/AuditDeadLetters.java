package uk.mash.audit.messaging;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The appender's last resort: a record the log could store neither as it is nor in its unstorable
 * form goes to {@code mash.dead-letter} as it was received, with the headers SmallRye's own
 * dead-letter queue writes (reason, origin topic, partition, offset), so it is found and replayed
 * like any other dead letter. The batch consumer cannot use SmallRye's, which would send the whole batch.
 */
@ApplicationScoped
public class AuditDeadLetters {

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<byte[]> emitter;

    /** Completes when the broker has the dead letter; fails when it could not be written. */
    CompletableFuture<Void> send(ConsumerRecord<byte[], byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(DEAD_LETTER_REASON, utf8(reason));
        headers.add(DEAD_LETTER_TOPIC, utf8(record.topic()));
        headers.add(DEAD_LETTER_PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(DEAD_LETTER_OFFSET, utf8(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<byte[]> kafka = OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withKey(record.key()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(record.value(), Metadata.of(kafka))).subscribeAsCompletionStage();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
