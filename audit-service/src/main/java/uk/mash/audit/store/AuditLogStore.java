package uk.mash.audit.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.postgresql.PGStatement;
import uk.mash.audit.log.AuditEntry;
import uk.mash.audit.log.CanonicalForm;
import uk.mash.audit.log.ReceivedEvent;
import uk.mash.audit.reportcard.CardFact;
import uk.mash.contracts.EventTypes;
import uk.mash.support.store.StoreException;

/** audit's log and its projection report_case, in its own PostgreSQL database; the appender also writes report_card_facts (CardFactStore). */
@ApplicationScoped
public class AuditLogStore {

    private static final String COLUMNS = """
            e.sequence, e.event_id, e.type, e.source, e.case_id, e.occurred_at, e.recorded_at,
            e.actor_sub, e.actor_agency, e.data, e.previous_hash, e.hash""";

    /** The last entry of the chain: its sequence and hash (0 and the genesis value for an empty log). */
    public record Head(long sequence, String hash) {
    }

    /** What one batch did: entries appended, duplicates dropped, and the head after it. */
    public record Appended(int appended, int duplicates, Head head) {
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AuditLogStore.class);

    @Inject
    AgroalDataSource dataSource;

    /**
     * Appends the batch in one transaction, in the order given, skipping events whose id is
     * already in the log (or earlier in the batch). Each entry is chained to the one before.
     */
    public Appended append(List<ReceivedEvent> batch, Instant recordedAt) {
        Instant recorded = CanonicalForm.stored(recordedAt);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                AppenderLock.take(c);
                Head head = head(c);
                Set<String> known = existingIds(c, batch);
                long sequence = head.sequence();
                String previous = head.hash();
                int appended = 0;
                int duplicates = 0;
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO audit_entries (sequence, event_id, type, source, case_id, occurred_at, recorded_at,
                                                   actor_sub, actor_agency, data, previous_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                     PreparedStatement mapping = c.prepareStatement("""
                             INSERT INTO report_case (report_id, case_id, sequence) VALUES (?, ?, ?)
                             ON CONFLICT (report_id) DO NOTHING""");
                     CardFactStore.Inserts facts = new CardFactStore.Inserts(c)) {
                    for (ReceivedEvent event : batch) {
                        if (!known.add(event.eventId())) {
                            duplicates++;
                            continue;
                        }
                        sequence++;
                        String data = CanonicalForm.json(event.data());
                        Instant occurred = CanonicalForm.stored(event.occurredAt());
                        String hash = CanonicalForm.hash(previous, CanonicalForm.entry(sequence, event.eventId(),
                                event.type(), event.source(), event.caseId(), occurred, recorded, event.actorSub(),
                                event.actorAgency(), data));
                        insert.setLong(1, sequence);
                        insert.setString(2, event.eventId());
                        insert.setString(3, event.type());
                        insert.setString(4, event.source());
                        insert.setString(5, event.caseId());
                        insert.setObject(6, occurred.atOffset(ZoneOffset.UTC));
                        insert.setObject(7, recorded.atOffset(ZoneOffset.UTC));
                        insert.setString(8, event.actorSub());
                        insert.setString(9, event.actorAgency());
                        insert.setString(10, data);
                        insert.setString(11, previous);
                        insert.setString(12, hash);
                        insert.addBatch();
                        String reportId = event.reportAttachedToCase();
                        if (reportId != null && event.caseId() != null) {
                            mapping.setString(1, reportId);
                            mapping.setString(2, event.caseId());
                            mapping.setLong(3, sequence);
                            mapping.addBatch();
                        }
                        addFact(facts, sequence, event, occurred);
                        previous = hash;
                        appended++;
                    }
                    insert.executeBatch();
                    mapping.executeBatch();
                    facts.execute();
                }
                c.commit();
                return new Appended(appended, duplicates, new Head(sequence, previous));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * The report card's fact of the entry, written with it (report_card_facts): an entry whose data is not the
     * event its type says has none, as the card counts nothing from it.
     */
    private void addFact(CardFactStore.Inserts facts, long sequence, ReceivedEvent event, Instant occurred)
            throws SQLException {
        try {
            CardFact fact = CardFact.of(sequence, event.type(), event.caseId(), occurred, event.data());
            if (fact != null) {
                facts.add(fact);
            }
        } catch (CardFact.Unreadable unreadable) {
            LOG.warnf("Report card facts: entry %d has none, its data cannot be read as %s", sequence, event.type());
        }
    }

    public Head head() {
        try (Connection c = dataSource.getConnection()) {
            return head(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The stored hash of one entry, if it is there. */
    public Optional<String> hashAt(long sequence) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT hash FROM audit_entries WHERE sequence = ?")) {
            s.setLong(1, sequence);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Streams the entries from {@code from} to {@code to} in sequence order to {@code visitor}
     * (a cursor: the whole log never sits in memory) until it returns false.
     */
    public void scan(long from, long to, Predicate<AuditEntry> visitor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_entries e WHERE e.sequence BETWEEN ? AND ? ORDER BY e.sequence")) {
                s.setFetchSize(1000);
                s.setLong(1, from);
                s.setLong(2, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (!visitor.test(entry(rs))) {
                            break;
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** An entry as the chain sees it: stored sequence, previous hash and hash, and the hash its stored fields give. */
    public record Link(long sequence, String previousHash, String hash, String hashOfFields) {
    }

    /**
     * Streams the entries from {@code from} to {@code to} in sequence order to {@code visitor} as
     * {@link Link}s, each hashed as it is read, until the visitor returns false. What verification
     * reads a million times: the text fields are hashed as the UTF-8 bytes PostgreSQL sends (never
     * decoded to Strings and encoded back), the instants come in binary (not as text to parse), in
     * fetches of {@code fetchSize} rows.
     */
    public void scanLinks(long from, long to, int fetchSize, Predicate<Link> visitor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_entries e WHERE e.sequence BETWEEN ? AND ? ORDER BY e.sequence")) {
                s.unwrap(PGStatement.class).setPrepareThreshold(-1); // negative: binary results from the first run
                s.setFetchSize(fetchSize);
                s.setLong(1, from);
                s.setLong(2, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long sequence = rs.getLong(1);
                        String previous = rs.getString(11);
                        String hashOfFields = CanonicalForm.hash(previous, sequence, rs.getBytes(2), rs.getBytes(3),
                                rs.getBytes(4), rs.getBytes(5), instant(rs, 6), instant(rs, 7), rs.getBytes(8), rs.getBytes(9),
                                rs.getBytes(10));
                        if (!visitor.test(new Link(sequence, previous, rs.getString(12), hashOfFields))) {
                            break;
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Every entry of the case in log order: those that name it, and those of the reports that
     * opened it or were linked to it (found through report_case, whatever order they arrived in).
     * Two index lookups, each reading only this case's rows (audit_entries_case; report_case_case, then
     * audit_entries_report per report), so the cost does not grow with the log. Written as one OR, the
     * planner ORed in every report entry of the whole log and parsed each (2 s on 200,000 entries);
     * no entry is in both halves (one has the case's id, the other none), so UNION ALL adds none twice.
     */
    public List<AuditEntry> caseEntries(String caseId) {
        return query("SELECT " + COLUMNS + " FROM audit_entries e WHERE e.case_id = ?"
                + " UNION ALL SELECT " + COLUMNS + " FROM report_case r JOIN audit_entries e"
                + " ON e.case_id IS NULL AND ((e.data::jsonb) ->> 'reportId') = r.report_id WHERE r.case_id = ?"
                + " ORDER BY 1", caseId, caseId);
    }

    /** Reads of cases, optionally of one case and/or by one person. */
    public List<AuditEntry> caseReads(String caseId, String sub) {
        return query("SELECT " + COLUMNS + " FROM audit_entries e WHERE e.type = '" + EventTypes.CASE_READ + "'"
                + " AND (?::text IS NULL OR e.case_id = ?) AND (?::text IS NULL OR e.actor_sub = ?)"
                + " ORDER BY e.sequence", caseId, caseId, sub, sub);
    }

    /**
     * Derives report_case again, into the emptied projection, on the rebuild's connection once the report card's
     * facts are derived ({@link AuditProjections#rebuild}): the first case each report was attached to. An opening's
     * report is read off its fact (report_id, the uuid the appender read from the same data) rather than by
     * parsing some 85,000 openings' JSON again in PostgreSQL (1.7 s of the million-entry log's rebuild); only the
     * linking entries (about a fifth) have no fact, and are parsed. A report id is a uuid written in its canonical
     * lower-case text by every service, so this is the text the appender mapped.
     */
    static int deriveReportCases(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL work_mem = '64MB'"); // the sort of every mapping in memory, not on disk
            // data::json, not ::jsonb: one field read, no binary document built; OFFSET 0 keeps the planner from
            // copying the extraction into the WHERE clause (each document parsed once)
            return s.executeUpdate("""
                    INSERT INTO report_case (report_id, case_id, sequence)
                    SELECT DISTINCT ON (report_id) report_id, case_id, sequence FROM (
                        SELECT report_id::text AS report_id, case_id, sequence FROM report_card_facts
                        WHERE type = '%s' AND case_id IS NOT NULL
                        UNION ALL
                        SELECT (data::json) ->> 'reportId', case_id, sequence FROM audit_entries
                        WHERE type = '%s' AND case_id IS NOT NULL OFFSET 0) attached
                    WHERE report_id IS NOT NULL
                    ORDER BY report_id, sequence""".formatted(EventTypes.CASE_OPENED, EventTypes.REPORT_LINKED));
        }
    }

    /** 2000-01-01T00:00:00Z, where PostgreSQL's binary timestamps count from. */
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * A timestamptz column read in binary: 8 bytes, microseconds since 2000-01-01 UTC (PostgreSQL's
     * wire format), made an Instant directly; pgjdbc's OffsetDateTime costs a new ZoneRules each.
     * Text (binary transfer off) is parsed as usual.
     */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        byte[] raw = rs.getBytes(column);
        if (raw != null && raw.length == 8) {
            long micros = 0;
            for (byte b : raw) {
                micros = micros << 8 | (b & 0xff);
            }
            return POSTGRES_EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L))
                    .plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Head head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sequence, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1")) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, CanonicalForm.GENESIS);
        }
    }

    private static Set<String> existingIds(Connection c, List<ReceivedEvent> batch) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT event_id FROM audit_entries WHERE event_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", batch.stream().map(ReceivedEvent::eventId).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }

    private List<AuditEntry> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i], java.sql.Types.VARCHAR);
            }
            return rows(s);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static List<AuditEntry> rows(PreparedStatement s) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                entries.add(entry(rs));
            }
        }
        return entries;
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12));
    }
}
