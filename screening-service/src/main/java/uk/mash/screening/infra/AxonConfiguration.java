package uk.mash.screening.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.json.JacksonSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.screening.command.Case;
import uk.mash.screening.messaging.CaseEventPublisher;
import uk.mash.screening.query.CaseViewProjection;
import uk.mash.screening.query.CaseViewUpdates;

/**
 * Axon Framework inside Quarkus, without Axon Server: the Case's events in screening's own
 * PostgreSQL ({@code domainevententry}), Jackson for every message, JTA transactions, and two
 * tracking processors that read the event store: the case view, and the publisher that makes
 * the event store the outbox of {@code mash.case-events}. Each processor parks a case whose event
 * it cannot handle in a sequenced dead-letter queue (table {@code deadletterentry}, V1_7), per
 * case, so one poisoned case never stops the others; {@link ParkedCases} retries them.
 */
@Startup
@Singleton
public class AxonConfiguration {

    public static final String CASE_VIEW = "case-view";
    public static final String CASE_EVENTS = "case-events";

    /** A case's events read from the event store by one query (Axon's default); the processors' reads too. */
    private static final int EVENTS_PER_READ = 100;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionManager jta;

    @Inject
    TransactionSynchronizationRegistry transactionRegistry;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CaseViewProjection caseView;

    @Inject
    CaseViewUpdates viewUpdates;

    @Inject
    CaseEventPublisher publisher;

    @ConfigProperty(name = "mash.screening.processor-batch-size", defaultValue = "100")
    int batchSize;

    @ConfigProperty(name = "mash.screening.event-fetch-delay", defaultValue = "PT0.1S")
    Duration fetchDelay;

    @ConfigProperty(name = "mash.screening.cached-events", defaultValue = "1000")
    int cachedEvents;

    @ConfigProperty(name = "mash.screening.max-parked-cases", defaultValue = "1024")
    int maxParkedCases;

    /** Each case processor's segments: the most replicas that can share its work. */
    @ConfigProperty(name = "mash.screening.processor-segments")
    int segments;

    /** How long a replica's claim on a segment lasts unless renewed: a dead replica's work moves after it. */
    @ConfigProperty(name = "mash.screening.segment-claim-timeout")
    Duration claimTimeout;

    /** How often a replica looks for segments to claim, renews its claims and hands back what exceeds its share. */
    @ConfigProperty(name = "mash.screening.segment-claim-interval")
    Duration claimInterval;

    @Inject
    ScreeningReplicas replicas;

    int segments() {
        return segments;
    }

    /** Where the processors' positions and claims are kept ({@code tokenentry}). */
    JdbcTokenStore tokenStore() {
        return tokenStore;
    }

    Duration claimInterval() {
        return claimInterval;
    }

    /** A case processor, once Axon runs ({@link #CASE_VIEW}, {@link #CASE_EVENTS}). */
    public Optional<StreamingEventProcessor> processor(String name) {
        return axon == null ? Optional.empty()
                : axon.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class);
    }

    private Configuration axon;
    private CaseEventWakeUps wakeUps;
    private JdbcTokenStore tokenStore;
    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> parkedCases = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper.copy()).build();
        JtaTransactionManager transactions = new JtaTransactionManager(jta);
        ConnectionProvider connections = dataSource::getConnection;

        JdbcEventStorageEngine storage = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                // two commands racing for a case's next event: the loser's insert breaks the unique
                // (aggregate, sequence) key. Axon's default resolver knows only the JDBC exception type
                // pgjdbc never throws, so it would be an EventStoreException (a lasting failure, the
                // report dead-lettered); as a ConcurrencyException the report is screened again
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                // a case's events are read in ranges of sequence numbers; Axon's JDBC engine reads until a
                // range comes back empty, a second query for every change to a case. A case's sequence
                // numbers have no gaps (each event takes the next, under its unique key), so a range not
                // full is its last
                .batchSize(EVENTS_PER_READ)
                .finalAggregateBatchPredicate(batch -> batch.size() < EVENTS_PER_READ)
                .build();
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                // names the replica in the token table's owner column, for whoever reads who holds what
                .nodeId("screening-" + replicas.id())
                .claimTimeout(claimTimeout)
                .build();
        tokenStore = tokens;
        // Axon's own tables; idempotent (our tables are Flyway's)
        transactions.executeInTransaction(() -> {
            storage.createSchema(PostgresEventTableFactory.INSTANCE);
            tokens.createSchema(PostgresTokenTableFactory.INSTANCE);
        });

        CommitAwareEventStore eventStore = new CommitAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storage)
                .fetchDelay(fetchDelay.toMillis())
                // the recent events the two processors read from memory rather than the
                // database; Axon's default of 10,000 held ~35 MB of a 128 MB heap under load,
                // and the processors keep within a few hundred events of the head
                .cachedEvents(cachedEvents), jta, transactionRegistry, dataSource);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEventStore(c -> eventStore)
                .configureAggregate(Case.class);
        configurer.eventProcessing(processing -> {
            // tracking processors, one thread per segment: a replica claims what is free, the
            // SegmentBalancer hands back what exceeds its share. Each thread's stream tails the
            // embedded store's one reader (its cache), so more segments cost no more queries, and a
            // commit or a notification wakes the threads at once. (A pooled streaming processor,
            // tried first, polls every 500 ms when idle on this event store, which offers no
            // availability callback: a case event then waited ~0.5-1 s for each processor.)
            // A case's events are all in one segment (per-aggregate sequencing): in order on any replica.
            TrackingEventProcessorConfiguration tracking = TrackingEventProcessorConfiguration
                    .forParallelProcessing(segments)
                    .andInitialSegmentsCount(segments)
                    .andBatchSize(batchSize)
                    .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS);
            processing.registerTokenStore(c -> tokens)
                    .registerTrackingEventProcessor(CASE_VIEW, c -> c.eventStore(), c -> tracking)
                    .registerTrackingEventProcessor(CASE_EVENTS, c -> c.eventStore(), c -> tracking);
            // a case whose event a group cannot handle is parked, the others go on; a transient
            // failure (database or Kafka away) fails the batch, retried from the token (ParkingPolicy)
            for (String group : List.of(CASE_VIEW, CASE_EVENTS)) {
                JdbcSequencedDeadLetterQueue<EventMessage<?>> parked = JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .genericSerializer(serializer)
                        .eventSerializer(serializer)
                        .maxSequences(maxParkedCases)
                        .build();
                parkedCases.put(group, parked);
                processing
                        .registerSequencingPolicy(group, c -> SequentialPerAggregatePolicy.instance())
                        .registerDeadLetterQueue(group, c -> parked)
                        .registerDeadLetterPolicy(group, c -> new ParkingPolicy(group))
                        // the queue is asked about an event's case only while some case may be parked
                        // (Axon's sequence identifier cache), not for every event
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (c, invoker) -> invoker.enableSequenceIdentifierCache());
            }
            processing
                    .registerEventHandler(c -> caseView)
                    .registerEventHandler(c -> publisher)
                    .assignHandlerInstancesMatching(CASE_VIEW, h -> h == caseView)
                    .assignHandlerInstancesMatching(CASE_EVENTS, h -> h == publisher);
        });
        axon = configurer.buildConfiguration();
        axon.start();
        wakeUps = new CaseEventWakeUps(dataSource, eventStore::wakeReaders, viewUpdates::changed);
        wakeUps.start();
    }

    /** Axon stops first, before the datasource closes under its processors. */
    void stop(@Observes @Priority(1) ShutdownEvent shutdown) {
        if (wakeUps != null) {
            wakeUps.close();
        }
        if (axon != null) {
            axon.shutdown();
        }
    }

    /** The cases a processing group has parked (its dead-letter queue), to count them. */
    SequencedDeadLetterQueue<EventMessage<?>> parkedCases(String processingGroup) {
        return parkedCases.get(processingGroup);
    }

    /** Handles a processing group's parked cases again (its dead-lettering invoker). */
    SequencedDeadLetterProcessor<EventMessage<?>> parkedCaseRetry(String processingGroup) {
        return axon.eventProcessingConfiguration().sequencedDeadLetterProcessor(processingGroup).orElseThrow();
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return axon.commandGateway();
    }
}
