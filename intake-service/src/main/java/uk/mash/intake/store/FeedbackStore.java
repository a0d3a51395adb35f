package uk.mash.intake.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import uk.mash.support.store.StoreException;

/**
 * Where each report stands, as the referrer is told: RECEIVED, then SCREENING in a case, then
 * DECIDED with the outcome. Every change is idempotent, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class FeedbackStore {

    public static final String SCREENING = "SCREENING";
    public static final String DECIDED = "DECIDED";

    @Inject
    AgroalDataSource dataSource;

    public void caseOpened(UUID caseId, String caseReference, UUID reportId) {
        update("INSERT INTO case_references (case_id, reference) VALUES (?, ?) ON CONFLICT DO NOTHING",
                caseId, caseReference);
        reportJoined(caseId, reportId);
    }

    /** The report is being screened in the case (unless the case was decided already). */
    public void reportJoined(UUID caseId, UUID reportId) {
        update("""
                UPDATE reports SET case_id = ?, case_reference = (SELECT reference FROM case_references WHERE case_id = ?),
                       status = CASE WHEN status = 'DECIDED' THEN status ELSE 'SCREENING' END
                WHERE report_id = ?""", caseId, caseId, reportId);
    }

    /** Every report of the case is decided, with the outcome standing now (a later decision supersedes). */
    public void decided(UUID caseId, String outcome) {
        update("UPDATE reports SET status = 'DECIDED', outcome = ? WHERE case_id = ?", outcome, caseId);
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
