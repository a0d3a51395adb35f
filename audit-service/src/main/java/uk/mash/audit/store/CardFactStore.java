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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
     * ({@link AuditProjections#rebuild}), by the same reading the appender uses. One pass, in two threads so that
     * PostgreSQL sends the next entries while this one reads facts off the last: a reader thread, on a connection
     * of its own, fetches the entries of the card's types (a cursor, their data as the bytes PostgreSQL sends, in
     * binary) and hands them over a few thousand at a time; the caller's thread reads each entry's fact off its
     * data's tokens and streams the facts back by COPY. The reader's snapshot is taken once the appenders' lock is
     * held, so it sees every entry there will be until the rebuild commits. The facts derived.
     */
    int derive(Connection writer) throws SQLException {
        CopyIn copyIn = writer.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY report_card_facts (" + COLUMNS + ") FROM STDIN WITH (FORMAT binary)");
        ExecutorService readerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "audit-rebuild-reader");
            t.setDaemon(true);
            return t;
        });
        try (CardFactCopy copy = new CardFactCopy(copyIn)) {
            BlockingQueue<List<StoredEntry>> handed = new ArrayBlockingQueue<>(4);
            Future<?> reading = readerThread.submit(() -> readEntries(handed));
            for (List<StoredEntry> entries = take(handed); entries != END_OF_ENTRIES; entries = take(handed)) {
                for (StoredEntry e : entries) {
                    try {
                        CardFact fact = CardFact.of(json, e.sequence(), e.type(), e.caseId(), e.occurredAt(), e.data());
                        if (fact != null) {
                            copy.add(fact);
                        }
                    } catch (CardFact.Unreadable unreadable) {
                        LOG.warnf("Report card facts: entry %d has none, its data cannot be read as %s",
                                e.sequence(), e.type());
                    }
                }
            }
            try {
                reading.get(); // the reader's failure, if it failed, is the rebuild's
            } catch (ExecutionException failed) {
                if (failed.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw failed.getCause() instanceof SQLException sql ? sql : new SQLException(failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SQLException("The rebuild was interrupted", interrupted);
            }
            return Math.toIntExact(copy.end());
        } finally {
            readerThread.shutdownNow(); // a reader still handing over (the COPY failed) is interrupted, and stops
        }
    }

    /** An entry of the log as the rebuild reads it: what its fact is read from. */
    private record StoredEntry(long sequence, String type, String caseId, Instant occurredAt, byte[] data) {
    }

    /** What the reader hands over last, whether it read every entry or failed. */
    private static final List<StoredEntry> END_OF_ENTRIES = new ArrayList<>(0);

    /** The entries handed over at a time: about 1.2 MB of data. */
    private static final int HANDED_AT_ONCE = 2_000;

    private Void readEntries(BlockingQueue<List<StoredEntry>> handed) throws SQLException, InterruptedException {
        boolean abandoned = false; // interrupted: the deriving thread has stopped taking what is handed over
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false); // a cursor only inside a transaction
            try (PreparedStatement s = reader.prepareStatement("SELECT sequence, type, case_id, occurred_at, data"
                    + " FROM audit_entries WHERE type = ANY (?)")) {
                s.unwrap(PGStatement.class).setPrepareThreshold(-1);
                s.setFetchSize(10_000);
                s.setArray(1, reader.createArrayOf("text", CardFact.TYPES.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    List<StoredEntry> entries = new ArrayList<>(HANDED_AT_ONCE);
                    while (rs.next()) {
                        entries.add(new StoredEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                                AuditLogStore.instant(rs, 4), rs.getBytes(5)));
                        if (entries.size() == HANDED_AT_ONCE) {
                            handed.put(entries);
                            entries = new ArrayList<>(HANDED_AT_ONCE);
                        }
                    }
                    handed.put(entries);
                }
            } finally {
                reader.rollback();
            }
        } catch (InterruptedException interrupted) {
            abandoned = true;
            throw interrupted;
        } finally {
            if (!abandoned) {
                handed.put(END_OF_ENTRIES);
            }
        }
        return null;
    }

    private static List<StoredEntry> take(BlockingQueue<List<StoredEntry>> handed) throws SQLException {
        try {
            return handed.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException("The rebuild was interrupted", interrupted);
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
