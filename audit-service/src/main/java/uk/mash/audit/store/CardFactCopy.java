package uk.mash.audit.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.postgresql.copy.CopyIn;
import uk.mash.audit.reportcard.CardFact;

/**
 * Facts streamed into report_card_facts by COPY in PostgreSQL's binary format ("COPY ... WITH (FORMAT binary)",
 * documented under COPY, "Binary Format"), a few hundred kilobytes at a time: a rebuild writes some 540,000 rows for
 * a million entries. Binary, not text, because PostgreSQL then parses no instant, uuid or array: the same load took
 * 1.3 s instead of 2.4 s (psql, the million-entry log's facts, indexes dropped). Columns in {@link CardFactStore}'s
 * order; each value in its type's binary send form (int8, text, timestamptz, uuid, bool, text[], uuid[]).
 */
final class CardFactCopy implements AutoCloseable {

    private static final int FLUSH_AT = 256 * 1024;
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final short COLUMNS = 16;
    /** PostgreSQL's type ids of an array's elements: text and uuid (pg_type.oid, fixed since 8.x). */
    private static final int TEXT_OID = 25;
    private static final int UUID_OID = 2950;
    /** 2000-01-01T00:00:00Z in seconds since 1970: where PostgreSQL's binary timestamps count from. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_AT + 4096);
    private final DataOutputStream out = new DataOutputStream(buffer);
    /** An array's elements, measured before the array's length is written. */
    private final ByteArrayOutputStream arrayBuffer = new ByteArrayOutputStream(512);
    private final DataOutputStream arrayOut = new DataOutputStream(arrayBuffer);
    private long rows;

    CardFactCopy(CopyIn copy) {
        this.copy = copy;
        try {
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
    }

    void add(CardFact f) throws SQLException {
        try {
            out.writeShort(COLUMNS);
            int8(f.sequence());
            text(f.type());
            text(f.caseId());
            timestamptz(f.occurredAt());
            uuid(out, f.subjectId());
            uuid(out, f.reportId());
            uuid(out, f.itemId());
            timestamptz(f.at());
            text(f.agency());
            array(f.concerns(), TEXT_OID);
            text(f.outcome());
            text(f.rag());
            bool(f.inTime());
            bool(f.supersedes());
            bool(f.reReferral());
            array(f.requestIds(), UUID_OID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
        if (buffer.size() >= FLUSH_AT) {
            flush();
        }
    }

    /** Ends the COPY: the rows PostgreSQL took. */
    long end() throws SQLException {
        try {
            out.writeShort(-1); // the trailer
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flush();
        long copied = copy.endCopy();
        if (copied != rows) {
            throw new SQLException("COPY took " + copied + " facts of " + rows);
        }
        return copied;
    }

    /** An unfinished COPY is cancelled, so the connection can roll back. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (buffer.size() > 0) {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        }
    }

    private void int8(long value) throws IOException {
        out.writeInt(8);
        out.writeLong(value);
    }

    private void text(String value) throws IOException {
        text(out, value);
    }

    private static void text(DataOutputStream to, String value) throws IOException {
        if (value == null) {
            to.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        to.writeInt(bytes.length);
        to.write(bytes);
    }

    /** Microseconds since 2000-01-01 UTC; CardFact's instants are whole microseconds, as PostgreSQL keeps them. */
    private void timestamptz(Instant value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(8);
        out.writeLong(Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                value.getNano() / 1_000));
    }

    private static void uuid(DataOutputStream to, UUID value) throws IOException {
        if (value == null) {
            to.writeInt(-1);
            return;
        }
        to.writeInt(16);
        to.writeLong(value.getMostSignificantBits());
        to.writeLong(value.getLeastSignificantBits());
    }

    private void bool(boolean value) throws IOException {
        out.writeInt(1);
        out.writeByte(value ? 1 : 0);
    }

    /**
     * A one-dimensional array (lower bound 1) of text or uuid elements, any of them null; an empty one has no
     * dimension, as PostgreSQL sends '{}'.
     */
    private void array(List<?> values, int elementOid) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        arrayBuffer.reset();
        boolean anyNull = false;
        for (Object v : values) {
            anyNull |= v == null; // not List.contains: an immutable list refuses to look for null
        }
        arrayOut.writeInt(values.isEmpty() ? 0 : 1);
        arrayOut.writeInt(anyNull ? 1 : 0);
        arrayOut.writeInt(elementOid);
        if (!values.isEmpty()) {
            arrayOut.writeInt(values.size());
            arrayOut.writeInt(1);
        }
        for (Object v : values) {
            if (elementOid == UUID_OID) {
                uuid(arrayOut, (UUID) v);
            } else {
                text(arrayOut, (String) v);
            }
        }
        out.writeInt(arrayBuffer.size());
        arrayBuffer.writeTo(out);
    }
}
