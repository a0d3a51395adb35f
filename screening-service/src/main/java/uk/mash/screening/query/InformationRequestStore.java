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
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.support.store.StoreException;

/** The requests for information in screening's PostgreSQL, one row per request (information_request_view). */
@ApplicationScoped
public class InformationRequestStore {

    /** An open request past its due time, not yet marked overdue. */
    public record Due(UUID caseId, UUID requestId) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    /** Writes every request of the case as the view now shows it (a rating changes the case's RAG on each). */
    public void saveAll(CaseView view) {
        if (view.informationRequests.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO information_request_view (request_id, case_id, agency, status, overdue, due_by, item)
                     VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                     ON CONFLICT (request_id) DO UPDATE SET status = excluded.status, overdue = excluded.overdue,
                         due_by = excluded.due_by, item = excluded.item""")) {
            for (CaseView.InformationRequest r : view.informationRequests) {
                s.setObject(1, r.requestId);
                s.setObject(2, view.caseId);
                s.setString(3, r.agency.name());
                s.setString(4, r.status);
                s.setBoolean(5, r.overdue);
                s.setTimestamp(6, Timestamp.from(r.dueBy));
                s.setString(7, mapper.writeValueAsString(InformationRequestItem.of(view, r)));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests to {@code agency} (null: every agency), filtered, soonest due first. */
    public Page<InformationRequestItem> list(Agency agency, String status, Boolean overdue, int page, int size) {
        try (Connection c = dataSource.getConnection()) {
            return new PageQuery("information_request_view", "item")
                    .where("agency", agency == null ? null : agency.name()).where("status", status).where("overdue", overdue)
                    .page(c, "due_by, request_id", page, size, mapper, InformationRequestItem.class);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Open requests past their due time and not yet marked overdue: the overdue clock's work. */
    public List<Due> dueUnanswered(Instant now, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT case_id, request_id FROM information_request_view
                     WHERE status = 'OPEN' AND NOT overdue AND due_by <= ?
                     ORDER BY due_by LIMIT ?""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
