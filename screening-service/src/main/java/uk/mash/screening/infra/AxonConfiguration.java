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
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.mash.screening.command.Case;
import uk.mash.screening.messaging.CaseEventPublisher;
import uk.mash.screening.query.CaseViewProjection;

/**
 * Axon Framework inside Quarkus, without Axon Server: the Case's events in screening's own
 * PostgreSQL ({@code domainevententry}), Jackson for every message, JTA transactions, and two
 * tracking processors that read the event store: the case view, and the publisher that makes
 * the event store the outbox of {@code mash.case-events}.
 */
@Startup
@Singleton
public class AxonConfiguration {

    public static final String CASE_VIEW = "case-view";
    public static final String CASE_EVENTS = "case-events";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionManager jta;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CaseViewProjection caseView;

    @Inject
    CaseEventPublisher publisher;

    @ConfigProperty(name = "mash.screening.processor-batch-size", defaultValue = "100")
    int batchSize;

    @ConfigProperty(name = "mash.screening.event-fetch-delay", defaultValue = "PT0.1S")
    Duration fetchDelay;

    @ConfigProperty(name = "mash.screening.cached-events", defaultValue = "1000")
    int cachedEvents;

    private Configuration axon;

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
                .build();
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .build();
        // Axon's own tables; idempotent (our tables are Flyway's)
        transactions.executeInTransaction(() -> {
            storage.createSchema(PostgresEventTableFactory.INSTANCE);
            tokens.createSchema(PostgresTokenTableFactory.INSTANCE);
        });

        TrackingEventProcessorConfiguration tracking = TrackingEventProcessorConfiguration
                .forSingleThreadedProcessing()
                .andBatchSize(batchSize);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEventStore(c -> EmbeddedEventStore.builder()
                        .storageEngine(storage)
                        .fetchDelay(fetchDelay.toMillis())
                        // the recent events the two processors read from memory rather than the
                        // database; Axon's default of 10,000 held ~35 MB of a 128 MB heap under load,
                        // and the processors keep within a few hundred events of the head
                        .cachedEvents(cachedEvents)
                        .messageMonitor(c.messageMonitor(EmbeddedEventStore.class, "eventStore"))
                        .build())
                .configureAggregate(Case.class);
        configurer.eventProcessing(processing -> processing
                .registerTokenStore(c -> tokens)
                .registerTrackingEventProcessor(CASE_VIEW, c -> c.eventStore(), c -> tracking)
                .registerTrackingEventProcessor(CASE_EVENTS, c -> c.eventStore(), c -> tracking)
                // a failure (database or Kafka away) stops the batch; the processor retries it from its token
                .registerListenerInvocationErrorHandler(CASE_VIEW, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(CASE_EVENTS, c -> PropagatingErrorHandler.instance())
                .registerEventHandler(c -> caseView)
                .registerEventHandler(c -> publisher)
                .assignHandlerInstancesMatching(CASE_VIEW, h -> h == caseView)
                .assignHandlerInstancesMatching(CASE_EVENTS, h -> h == publisher));
        axon = configurer.buildConfiguration();
        axon.start();
    }

    /** Axon stops first, before the datasource closes under its processors. */
    void stop(@Observes @Priority(1) ShutdownEvent shutdown) {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return axon.commandGateway();
    }
}
