package uk.mash.intake.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.mash.support.store.StoreException;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.intake.report.SubmissionKey;

/** intake's reports and submission keys, in its own PostgreSQL database. */
@ApplicationScoped
public class ReportStore {

    /** The report a key was first used for, and the hash of that first request. */
    public record ClaimedKey(UUID reportId, String requestHash) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** The next {@code count} numbers of the reports' references, in order. */
    public List<Long> nextReferenceNumbers(int count) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT nextval('report_reference_seq') FROM generate_series(1, ?) ORDER BY 1")) {
            s.setInt(1, count);
            List<Long> numbers = new ArrayList<>(count);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getLong(1));
                }
            }
            return numbers;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Claims the key for {@code reportId}. Empty when claimed now; otherwise the earlier claim.
     * A concurrent claim of the same key waits on the primary key until the first transaction
     * ends, then finds its row: so concurrent duplicates make one report.
     */
    public Optional<ClaimedKey> claimKey(SubmissionKey key, UUID reportId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO submission_keys (scope, key, request_hash, report_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT (scope, key) DO NOTHING""")) {
                insert.setString(1, key.scope());
                insert.setString(2, key.key());
                insert.setString(3, key.requestHash());
                insert.setObject(4, reportId);
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT report_id, request_hash FROM submission_keys WHERE scope = ? AND key = ?")) {
                select.setString(1, key.scope());
                select.setString(2, key.key());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return Optional.of(new ClaimedKey(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Inserts the reports by one batch (one round trip to the database). */
    public void insertAll(List<StoredReport> stored) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO reports (report_id, reference, received_at, submitted_by_sub, submitted_by_agency,
                                          channel, status)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (StoredReport report : stored) {
                s.setObject(1, report.reportId());
                s.setString(2, report.reference());
                s.setTimestamp(3, Timestamp.from(report.receivedAt()));
                s.setString(4, report.submittedBySub());
                s.setString(5, report.submittedByAgency().name());
                s.setString(6, report.channel().name());
                s.setString(7, report.status());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public Optional<StoredReport> find(UUID reportId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT report_id, reference, received_at, submitted_by_sub, submitted_by_agency, channel,
                            status, case_reference, outcome
                     FROM reports WHERE report_id = ?""")) {
            s.setObject(1, reportId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredReport(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), Agency.valueOf(rs.getString(5)),
                        Channel.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
