package uk.mash.routing.store;

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
import uk.mash.contracts.Agency;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Rag;
import uk.mash.contracts.ReferralStatus;
import uk.mash.contracts.Route;
import uk.mash.support.store.StoreException;

/** routing's decisions, referrals and consumed event ids, in its own PostgreSQL database. */
@ApplicationScoped
public class ReferralStore {

    private static final String COLUMNS = """
            referral_id, decision_id, case_id, case_reference, queue, outcome, rag, status, routed_at, due_at,
            payload, acknowledged_at, acknowledged_by, acknowledged_agency, acknowledgement_note, escalated_at,
            withdrawn_at, withdrawn_by""";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Holds the case until the transaction ends: decisions about one case are routed one at a
     * time, so a superseding decision and the one it replaces never interleave.
     */
    public void lockCase(UUID caseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = prepare(c, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", "case:" + caseId)) {
            s.execute();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Records a decision; false when it was recorded before (the same decision again). A
     * concurrent insert of the same decision waits on the primary key, then finds it.
     */
    public boolean recordDecision(UUID decisionId, UUID caseId, UUID supersedes, Instant receivedAt) {
        return update("""
                INSERT INTO decisions (decision_id, case_id, supersedes, received_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (decision_id) DO NOTHING""",
                decisionId, caseId, supersedes, Timestamp.from(receivedAt)) == 1;
    }

    /** Whether a decision that replaces this one has already been routed. */
    public boolean isSuperseded(UUID decisionId) {
        return count("SELECT count(*) FROM decisions WHERE supersedes = ?", decisionId) > 0;
    }

    public void insert(StoredReferral r) {
        update("""
                INSERT INTO referrals (referral_id, decision_id, case_id, case_reference, queue, outcome, rag, status,
                                       routed_at, due_at, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.referralId(), r.decisionId(), r.caseId(), r.caseReference(), r.queue().name(), r.outcome().name(),
                r.rag() == null ? null : r.rag().name(), r.status().name(), Timestamp.from(r.routedAt()),
                Timestamp.from(r.dueAt()), r.payload());
    }

    /** The referrals of a decision that still stand (not withdrawn), locked for this transaction. */
    public List<StoredReferral> standingReferralsOf(UUID decisionId) {
        return query("SELECT " + COLUMNS + " FROM referrals WHERE decision_id = ? AND status <> 'WITHDRAWN' "
                + "ORDER BY queue FOR UPDATE", decisionId);
    }

    public void withdraw(UUID referralId, Instant at, UUID byDecision) {
        update("UPDATE referrals SET status = 'WITHDRAWN', withdrawn_at = ?, withdrawn_by = ? WHERE referral_id = ?",
                Timestamp.from(at), byDecision, referralId);
    }

    /** A page of a queue, oldest first; {@code status} and {@code caseId} narrow it when given. */
    public List<StoredReferral> list(Route queue, ReferralStatus status, UUID caseId, int limit, long offset) {
        return query("SELECT " + COLUMNS + " FROM referrals WHERE queue = ? "
                        + "AND (?::text IS NULL OR status = ?::text) AND (?::uuid IS NULL OR case_id = ?::uuid) "
                        + "ORDER BY routed_at, referral_id LIMIT ? OFFSET ?",
                queue.name(), status == null ? null : status.name(), status == null ? null : status.name(),
                caseId, caseId, limit, offset);
    }

    /** The referral if it is on this queue, locked for this transaction. */
    public Optional<StoredReferral> lockOnQueue(UUID referralId, Route queue) {
        return query("SELECT " + COLUMNS + " FROM referrals WHERE referral_id = ? AND queue = ? FOR UPDATE",
                referralId, queue.name()).stream().findFirst();
    }

    public void acknowledge(UUID referralId, Instant at, String by, Agency agency, String note) {
        update("""
                UPDATE referrals SET status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?,
                                     acknowledged_agency = ?, acknowledgement_note = ?
                WHERE referral_id = ?""",
                Timestamp.from(at), by, agency.name(), note, referralId);
    }

    /**
     * Marks up to {@code limit} referrals PENDING past their due time as ESCALATED and returns them.
     * SKIP LOCKED lets several instances share the work without escalating anything twice.
     */
    public List<StoredReferral> escalateDue(Instant now, int limit) {
        return query("""
                WITH due AS (SELECT referral_id FROM referrals WHERE status = 'PENDING' AND due_at <= ?
                             ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE referrals r SET status = 'ESCALATED', escalated_at = ?
                FROM due WHERE r.referral_id = due.referral_id
                RETURNING\s""" + prefixed("r."),
                Timestamp.from(now), limit, Timestamp.from(now));
    }

    private static String prefixed(String alias) {
        StringBuilder out = new StringBuilder();
        for (String column : COLUMNS.split(",")) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(alias).append(column.trim());
        }
        return out.toString();
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private List<StoredReferral> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            List<StoredReferral> referrals = new ArrayList<>();
            while (rs.next()) {
                referrals.add(referral(rs));
            }
            return referrals;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    private static StoredReferral referral(ResultSet rs) throws SQLException {
        String rag = rs.getString("rag");
        String agency = rs.getString("acknowledged_agency");
        return new StoredReferral(rs.getObject("referral_id", UUID.class), rs.getObject("decision_id", UUID.class),
                rs.getObject("case_id", UUID.class), rs.getString("case_reference"),
                Route.valueOf(rs.getString("queue")), Outcome.valueOf(rs.getString("outcome")),
                rag == null ? null : Rag.valueOf(rag), ReferralStatus.valueOf(rs.getString("status")),
                instant(rs, "routed_at"), instant(rs, "due_at"), rs.getString("payload"),
                instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                agency == null ? null : Agency.valueOf(agency), rs.getString("acknowledgement_note"),
                instant(rs, "escalated_at"), instant(rs, "withdrawn_at"), rs.getObject("withdrawn_by", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
