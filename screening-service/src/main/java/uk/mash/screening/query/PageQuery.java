package uk.mash.screening.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of a read model's table: its JSON documents filtered by equality on columns, in a given
 * order, with the count of all that match. The column names are ours, never a caller's text; the
 * values are bound.
 */
final class PageQuery {

    private final String table;
    private final String document;
    private final StringBuilder where = new StringBuilder(" WHERE true");
    private final List<Object> values = new ArrayList<>();

    PageQuery(String table, String document) {
        this.table = table;
        this.document = document;
    }

    /** Only rows whose {@code column} equals {@code value}; no filter when the value is null. */
    PageQuery where(String column, Object value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            values.add(value);
        }
        return this;
    }

    <T> Page<T> page(Connection c, String orderBy, int page, int size, ObjectMapper mapper, Class<T> type)
            throws SQLException {
        long total;
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + where)) {
            bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<T> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + document + " FROM " + table + where
                + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
            bind(s);
            s.setInt(values.size() + 1, size);
            s.setLong(values.size() + 2, (long) page * size);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(mapper.readValue(rs.getString(1), type));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + " in " + table, e);
        }
        return new Page<>(items, total);
    }

    private void bind(PreparedStatement s) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setObject(i + 1, values.get(i));
        }
    }
}
