package uk.mash.audit.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.postgresql.copy.CopyIn;
import uk.mash.audit.log.CopyText;
import uk.mash.audit.reportcard.CardFact;

/**
 * Facts streamed into report_card_facts by COPY in PostgreSQL's text format, a few hundred kilobytes at a time:
 * a rebuild writes some 700,000 rows for a million entries, which as batched INSERTs cost a bind of sixteen
 * parameters (and two arrays built by the driver) each. Columns in {@link CardFactStore}'s order.
 */
final class CardFactCopy implements AutoCloseable {

    private static final int FLUSH_AT = 256 * 1024;

    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_AT + 4096);
    private final StringBuilder row = new StringBuilder(256);
    private long rows;

    CardFactCopy(CopyIn copy) {
        this.copy = copy;
    }

    void add(CardFact f) throws SQLException {
        row.setLength(0);
        row.append(f.sequence()).append('\t');
        text(f.type());
        text(f.caseId());
        instant(f.occurredAt());
        value(f.subjectId());
        value(f.reportId());
        value(f.itemId());
        instant(f.at());
        text(f.agency());
        array(f.concerns());
        text(f.outcome());
        text(f.rag());
        flag(f.inTime());
        flag(f.supersedes());
        flag(f.reReferral());
        array(f.requestIds());
        row.setCharAt(row.length() - 1, '\n');
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        rows++;
        if (buffer.size() >= FLUSH_AT) {
            flush();
        }
    }

    /** Ends the COPY: the rows PostgreSQL took. */
    long end() throws SQLException {
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

    private void text(String value) {
        CopyText.append(row, value);
        row.append('\t');
    }

    private void value(Object value) {
        row.append(value == null ? "\\N" : value.toString()).append('\t');
    }

    private void instant(Instant value) {
        value(value); // ISO-8601 in UTC, to the microsecond as CardFact holds it: timestamptz's own input form
    }

    private void flag(boolean value) {
        row.append(value ? 't' : 'f').append('\t');
    }

    /** An array literal, each element double-quoted (or NULL), then escaped for COPY as any text is. */
    private void array(List<?> values) {
        if (values == null) {
            row.append("\\N\t");
            return;
        }
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            Object v = values.get(i);
            if (v == null) {
                literal.append("NULL");
            } else {
                literal.append('"');
                String s = v.toString();
                for (int j = 0; j < s.length(); j++) {
                    char ch = s.charAt(j);
                    if (ch == '"' || ch == '\\') {
                        literal.append('\\');
                    }
                    literal.append(ch);
                }
                literal.append('"');
            }
        }
        CopyText.append(row, literal.append('}').toString());
        row.append('\t');
    }
}
