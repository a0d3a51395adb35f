package uk.mash.audit.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyIn;
import uk.mash.audit.reportcard.CardFact;
import uk.mash.contracts.EventTypes;
import uk.mash.support.store.StoreException;

/**
 * The projection report_card_facts (V3 migration): what the report card needs of each entry of the types it
 * counts, written by the appender with each entry ({@link #insert}) and read by the card instead of the entries'
 * JSON. Derived data: the chain and its verification never read it, and {@link AuditProjections#rebuild} derives it
 * again.
 */
@ApplicationScoped
public class CardFactStore {

    private static final String COLUMNS = """
            sequence, type, case_id, occurred_at, subject_id, report_id, item_id, at, agency, concerns, outcome, rag,
            in_time, supersedes, re_referral, request_ids""";

    /** The fact rows one connection adds, as a batch in the caller's transaction. */
    static final class Inserts implements AutoCloseable {
        private final Connection c;
        private final PreparedStatement insert;
        private boolean any;

        Inserts(Connection c) throws SQLException {
            this.c = c;
            this.insert = c.prepareStatement("INSERT INTO report_card_facts (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void add(CardFact f) throws SQLException {
            insert.setLong(1, f.sequence());
            insert.setString(2, f.type());
            insert.setString(3, f.caseId());
            insert.setObject(4, f.occurredAt().atOffset(ZoneOffset.UTC));
            insert.setObject(5, f.subjectId());
            insert.setObject(6, f.reportId());
            insert.setObject(7, f.itemId());
            insert.setObject(8, f.at() == null ? null : f.at().atOffset(ZoneOffset.UTC));
            insert.setString(9, f.agency());
            insert.setArray(10, f.concerns() == null ? null : c.createArrayOf("text", f.concerns().toArray()));
            insert.setString(11, f.outcome());
            insert.setString(12, f.rag());
            insert.setBoolean(13, f.inTime());
            insert.setBoolean(14, f.supersedes());
            insert.setBoolean(15, f.reReferral());
            insert.setArray(16, f.requestIds() == null ? null : c.createArrayOf("uuid", f.requestIds().toArray()));
            insert.addBatch();
            any = true;
        }

        void execute() throws SQLException {
            if (any) {
                insert.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    private static final Logger LOG = Logger.getLogger(CardFactStore.class);

    /** Parsers over stored data: thread-safe, and configured as the service's JSON is. */
    private final JsonFactory json;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CardFactStore(ObjectMapper mapper) {
        this.json = mapper.getFactory();
    }

    /**
     * Streams to {@code visitor}, in no particular order, the facts of these types whose entry's ce_time lies in
     * [from, to) (index report_card_facts_type_time).
     */
    public void streamOfTypesOccurred(List<String> types, Instant from, Instant to, Consumer<CardFact> visitor) {
        stream("SELECT " + COLUMNS + " FROM report_card_facts WHERE type = ANY (?) AND occurred_at >= ? AND occurred_at < ?",
                (c, s) -> {
                    s.setArray(1, c.createArrayOf("text", types.toArray()));
                    s.setObject(2, from.atOffset(ZoneOffset.UTC));
                    s.setObject(3, to.atOffset(ZoneOffset.UTC));
                }, visitor);
    }

    /**
     * Streams to {@code visitor} the facts of {@code types} of every case with a fact of {@code datedTypes} whose
     * ce_time lies in [from, to), in no particular order, leaving out those dated facts themselves (the caller
     * reads them apart). The cases are found and probed inside the database, in one statement: the period's case
     * ids (index report_card_facts_type_time) become an array, and each is looked up once (index
     * report_card_facts_case). OFFSET 0 keeps the type out of the index scan (as AuditLogStore's case reads do),
     * so the rows read are those of these cases.
     */
    public void streamOfCasesDatedIn(List<String> types, List<String> datedTypes, Instant from, Instant to,
                                     Consumer<CardFact> visitor) {
        stream("SELECT " + COLUMNS + " FROM (SELECT * FROM report_card_facts WHERE case_id = ANY (ARRAY("
                + "SELECT DISTINCT case_id FROM report_card_facts WHERE type = ANY (?) AND occurred_at >= ? AND occurred_at < ?"
                + " AND case_id IS NOT NULL)) OFFSET 0) f"
                + " WHERE type = ANY (?) AND NOT (type = ANY (?) AND occurred_at >= ? AND occurred_at < ?)", (c, s) -> {
                    Array dated = c.createArrayOf("text", datedTypes.toArray());
                    s.setArray(1, dated);
                    s.setObject(2, from.atOffset(ZoneOffset.UTC));
                    s.setObject(3, to.atOffset(ZoneOffset.UTC));
                    s.setArray(4, c.createArrayOf("text", types.toArray()));
                    s.setArray(5, dated);
                    s.setObject(6, from.atOffset(ZoneOffset.UTC));
                    s.setObject(7, to.atOffset(ZoneOffset.UTC));
                }, visitor);
    }

    /** Streams to {@code visitor}, in no particular order, the facts of these reports received (index report_card_facts_report). */
    public void streamReportsReceived(Collection<UUID> reportIds, Consumer<CardFact> visitor) {
        if (reportIds.isEmpty()) {
            return;
        }
        stream("SELECT " + COLUMNS + " FROM report_card_facts WHERE case_id IS NULL AND report_id = ANY (?) AND type = ?",
                (c, s) -> {
                    s.setArray(1, c.createArrayOf("uuid", reportIds.toArray()));
                    s.setString(2, EventTypes.REPORT_RECEIVED);
                }, visitor);
    }

    /** The facts of one type whose entry's ce_time lies in [from, to), in log order. */
    public List<CardFact> ofTypeOccurred(String type, Instant from, Instant to) {
        List<CardFact> facts = new ArrayList<>();
        stream("SELECT " + COLUMNS + " FROM report_card_facts WHERE type = ? AND occurred_at >= ? AND occurred_at < ?"
                + " ORDER BY sequence", (c, s) -> {
                    s.setString(1, type);
                    s.setObject(2, from.atOffset(ZoneOffset.UTC));
                    s.setObject(3, to.atOffset(ZoneOffset.UTC));
                }, facts::add);
        return facts;
    }

    /** The facts of these types of entries that name one of these cases, in log order. */
    public List<CardFact> ofCases(Collection<String> caseIds, List<String> types) {
        List<CardFact> facts = new ArrayList<>();
        if (caseIds.isEmpty()) {
            return facts;
        }
        stream("SELECT " + COLUMNS + " FROM (SELECT * FROM report_card_facts WHERE case_id = ANY (?) OFFSET 0) f"
                + " WHERE type = ANY (?) ORDER BY sequence", (c, s) -> {
                    s.setArray(1, c.createArrayOf("text", caseIds.toArray()));
                    s.setArray(2, c.createArrayOf("text", types.toArray()));
                }, facts::add);
        return facts;
    }

    /** Every fact, in log order: what tests compare with the facts Java reads from the entries. */
    public void scan(Consumer<CardFact> visitor) {
        stream("SELECT " + COLUMNS + " FROM report_card_facts ORDER BY sequence", (c, s) -> { }, visitor);
    }

    /**
     * Derives every fact again from the log, into the emptied projection, on the rebuild's connection
     * ({@link AuditProjections#rebuild}), by the same reading the appender uses. One pass: a second connection
     * reads the entries of the card's types (a cursor, their data as the bytes PostgreSQL sends, in binary), each
     * entry's fact is read off its data's tokens, and the facts stream back by COPY while the next entries are
     * read. The reader's snapshot is taken once the appenders' lock is held, so it sees every entry there will be
     * until the rebuild commits. The facts derived.
     */
    int derive(Connection writer) throws SQLException {
        CopyIn copyIn = writer.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY report_card_facts (" + COLUMNS + ") FROM STDIN");
        try (CardFactCopy copy = new CardFactCopy(copyIn); Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false); // a cursor only inside a transaction
            try (PreparedStatement s = reader.prepareStatement("SELECT sequence, type, case_id, occurred_at, data"
                    + " FROM audit_entries WHERE type = ANY (?)")) {
                s.unwrap(PGStatement.class).setPrepareThreshold(-1);
                s.setFetchSize(10_000);
                s.setArray(1, reader.createArrayOf("text", CardFact.TYPES.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long sequence = rs.getLong(1);
                        String type = rs.getString(2);
                        try {
                            CardFact fact = CardFact.of(json, sequence, type, rs.getString(3),
                                    AuditLogStore.instant(rs, 4), rs.getBytes(5));
                            if (fact != null) {
                                copy.add(fact);
                            }
                        } catch (CardFact.Unreadable unreadable) {
                            LOG.warnf("Report card facts: entry %d has none, its data cannot be read as %s",
                                    sequence, type);
                        }
                    }
                }
            } finally {
                reader.rollback();
            }
            return Math.toIntExact(copy.end());
        }
    }

    /** Sets a statement's parameters (it may need the connection, for arrays). */
    private interface Binder {
        void bind(Connection c, PreparedStatement s) throws SQLException;
    }

    /**
     * Runs a query through a cursor and hands each fact to {@code visitor} as it is read. 2,000 rows a fetch
     * (about 0.5 MB, some 2 MB of objects while decoded): the report card runs three such reads at once on a
     * 128 MB heap, and a half-year is about 115,000 facts, so some 60 round trips. Binary results: no text to
     * parse.
     */
    private void stream(String sql, Binder binder, Consumer<CardFact> visitor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor only inside a transaction
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.unwrap(PGStatement.class).setPrepareThreshold(-1);
                s.setFetchSize(2_000);
                binder.bind(c, s);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        visitor.accept(fact(rs));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static CardFact fact(ResultSet rs) throws SQLException {
        return new CardFact(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getObject(5, UUID.class),
                rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), instant(rs, 8), rs.getString(9),
                list(rs.getArray(10), String.class), rs.getString(11), rs.getString(12), rs.getBoolean(13),
                rs.getBoolean(14), rs.getBoolean(15), list(rs.getArray(16), UUID.class));
    }

    private static <T> List<T> list(Array array, Class<T> type) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(type::cast).toList();
    }

    /** A nullable timestamptz, decoded from its binary form (AuditLogStore.instant: no ZoneRules built per row). */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getBytes(column) == null ? null : AuditLogStore.instant(rs, column);
    }
}
