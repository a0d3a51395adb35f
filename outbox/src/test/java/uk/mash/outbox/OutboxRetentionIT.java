package uk.mash.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.mash.testsupport.MashTestInfrastructure;

/** Published outbox entries are deleted once they are older than the retention; nothing else is. */
class OutboxRetentionIT {

    static AgroalDataSource dataSource;
    OutboxRetention retention;

    @BeforeAll
    static void database() throws Exception {
        Map<String, String> infra = new MashTestInfrastructure().start();
        dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(2)
                        .connectionFactoryConfiguration(factory -> factory
                                .jdbcUrl(infra.get("quarkus.datasource.jdbc.url"))
                                .principal(new NamePrincipal(infra.get("quarkus.datasource.username")))
                                .credential(new SimplePassword(infra.get("quarkus.datasource.password"))))));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.io.InputStream migration = OutboxRetentionIT.class.getClassLoader()
                     .getResourceAsStream("db/outbox/R__outbox.sql")) {
            // the table as the module's own migration makes it in every service
            s.execute(new String(migration.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE outbox");
        }
        OutboxStore store = new OutboxStore();
        store.dataSource = dataSource;
        retention = new OutboxRetention();
        retention.outbox = store;
        retention.keepPublished = Duration.ofDays(3);
        retention.batchSize = 2;
    }

    @Test
    void entriesPublishedLongerAgoThanTheRetentionAreDeletedYoungerAndUnpublishedOnesKept() throws Exception {
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {   // more than two batches
            old.add(entry("4 days", "4 days"));
        }
        String publishedJustInside = entry("3 days", "2 days 23 hours");
        String publishedToday = entry("1 hour", "59 minutes");
        String neverPublished = entry("10 days", null);

        retention.deleteExpired();

        assertThat(remaining()).containsExactlyInAnyOrder(publishedJustInside, publishedToday, neverPublished)
                .doesNotContainAnyElementsOf(old);
    }

    @Test
    void aSecondRunWithNothingExpiredDeletesNothing() throws Exception {
        String published = entry("2 days", "2 days");
        String unpublished = entry("30 days", null);

        retention.deleteExpired();
        retention.deleteExpired();

        assertThat(remaining()).containsExactlyInAnyOrder(published, unpublished);
    }

    /** An entry written {@code writtenAgo} and published {@code publishedAgo} (null: not yet); returns its event id. */
    private static String entry(String writtenAgo, String publishedAgo) throws Exception {
        String eventId = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO outbox (event_id, topic, type, message_key, occurred_at, payload, published_at)
                VALUES (?::uuid, 'mash.reports', 'mash.report.received.v1', ?, now() - ?::interval, '{}',
                        now() - ?::interval)""")) {
            s.setString(1, eventId);
            s.setString(2, UUID.randomUUID().toString());
            s.setString(3, writtenAgo);
            s.setString(4, publishedAgo);
            s.executeUpdate();
        }
        return eventId;
    }

    private static List<String> remaining() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT event_id FROM outbox")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }
}
