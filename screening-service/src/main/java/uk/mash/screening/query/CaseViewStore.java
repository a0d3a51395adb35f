package uk.mash.screening.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.mash.contracts.Rag;
import uk.mash.support.store.StoreException;

/** The case views in screening's PostgreSQL: a JSON document per case, with the columns screeners filter on. */
@ApplicationScoped
public class CaseViewStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    public Optional<CaseView> find(UUID caseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT view FROM case_view WHERE case_id = ?")) {
            s.setObject(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public long version(UUID caseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT version FROM case_view WHERE case_id = ?")) {
            s.setObject(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Writes the view unless the stored one is as new or newer (its version, the case's event
     * sequence, at least the view's): one statement, no read before it.
     *
     * @return whether it was written
     */
    public boolean save(CaseView view) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO case_view (case_id, reference, status, rag, opened_at, decision_due_by, overdue,
                                            re_referral, version, view)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                     ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, rag = excluded.rag,
                         overdue = excluded.overdue, version = excluded.version, view = excluded.view
                     WHERE case_view.version < excluded.version""")) {
            s.setObject(1, view.caseId);
            s.setString(2, view.reference);
            s.setString(3, view.status);
            s.setString(4, view.rag == null ? null : view.rag.name());
            s.setTimestamp(5, Timestamp.from(view.openedAt));
            s.setTimestamp(6, Timestamp.from(view.decisionDueBy));
            s.setBoolean(7, view.overdue);
            s.setBoolean(8, view.reReferral);
            s.setLong(9, view.version);
            s.setString(10, mapper.writeValueAsString(view));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Page<CaseView> list(String status, Rag rag, Boolean overdue, int page, int size) {
        try (Connection c = dataSource.getConnection()) {
            return new PageQuery("case_view", "view").where("status", status)
                    .where("rag", rag == null ? null : rag.name()).where("overdue", overdue)
                    .page(c, "decision_due_by, case_id", page, size, mapper, CaseView.class);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Cases past their decision time with no decision and not yet marked overdue. */
    public List<UUID> dueWithoutDecision(Instant now, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT case_id FROM case_view
                     WHERE status = 'AWAITING_DECISION' AND NOT overdue AND decision_due_by <= ?
                     ORDER BY decision_due_by LIMIT ?""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, limit);
            List<UUID> due = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getObject(1, UUID.class));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private CaseView read(String json) {
        try {
            return mapper.readValue(json, CaseView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable case view", e);
        }
    }
}
