package uk.mash.screening.application;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import uk.mash.contracts.Subject;
import uk.mash.screening.command.SamePerson;
import uk.mash.support.store.StoreException;

/**
 * Who is in which case: the people at risk of every case, by NHS number and by name and date of
 * birth. Every method runs in the caller's transaction, so the directory changes with the case's
 * events or not at all.
 *
 * <p>Two reports about the same new person arriving together must make one case: before looking
 * a person up, the transaction takes a PostgreSQL advisory lock on each of the person's keys
 * (NHS number, name and date of birth), held until it commits. The second report's transaction
 * waits, then finds the case the first one opened, on this instance or any other.
 */
@ApplicationScoped
public class CaseDirectory {

    /** A case found for a person, and whether it still awaits a decision. */
    public record Entry(UUID caseId, Instant openedAt, boolean awaitingDecision) {
    }

    private static final String HELD_KEYS = CaseDirectory.class.getName() + ".heldKeys";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Records the report as screened; false when it was screened already (a redelivery). */
    public boolean claimReport(UUID reportId, UUID caseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO screened_reports (report_id, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            s.setObject(1, reportId);
            s.setObject(2, caseId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public void setCaseOfReport(UUID reportId, UUID caseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE screened_reports SET case_id = ? WHERE report_id = ?")) {
            s.setObject(1, caseId);
            s.setObject(2, reportId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Serialises, across transactions and instances, the screening of reports about these people.
     * The keys are taken in one statement, in their sorted order (so two transactions never wait for
     * each other in a circle); a key this transaction holds already (a batch of reports took its
     * people's keys first) is not asked for again.
     */
    public void lock(List<Subject> people) {
        Set<String> keys = new TreeSet<>(); // always in the same order: no deadlocks
        for (Subject p : people) {
            if (p.nhsNumber() != null) {
                keys.add("nhs:" + p.nhsNumber());
            }
            String nameKey = SamePerson.nameKey(p);
            if (nameKey != null) {
                keys.add("name:" + nameKey);
            }
        }
        Set<String> held = heldKeys();
        keys.removeAll(held);
        if (keys.isEmpty()) {
            return;
        }
        // unnest yields the array in its order and the aggregate takes each row as it comes
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest(?::text[]) AS k")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            s.execute();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        held.addAll(keys);
    }

    /** The advisory locks this transaction took (they last until it ends). */
    private Set<String> heldKeys() {
        @SuppressWarnings("unchecked")
        Set<String> held = (Set<String>) transaction.getResource(HELD_KEYS);
        if (held == null) {
            held = new HashSet<>();
            transaction.putResource(HELD_KEYS, held);
        }
        return held;
    }

    /** Every case any of these people is in, newest first. */
    public List<Entry> casesOf(List<Subject> people) {
        Set<Entry> found = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT case_id, opened_at, awaiting_decision FROM case_people
                     WHERE (? IS NOT NULL AND nhs_number = ?)
                        OR (? IS NOT NULL AND name_key = ? AND (nhs_number IS NULL OR ? IS NULL))
                     ORDER BY opened_at DESC""")) {
            for (Subject p : people) {
                String nameKey = SamePerson.nameKey(p);
                s.setString(1, p.nhsNumber());
                s.setString(2, p.nhsNumber());
                s.setString(3, nameKey);
                s.setString(4, nameKey);
                s.setString(5, p.nhsNumber());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                                rs.getBoolean(3)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return new ArrayList<>(found);
    }

    public void add(UUID caseId, Instant openedAt, boolean awaitingDecision, List<Subject> people) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO case_people (case_id, nhs_number, name_key, opened_at, awaiting_decision)
                     VALUES (?, ?, ?, ?, ?)""")) {
            for (Subject p : people) {
                s.setObject(1, caseId);
                s.setString(2, p.nhsNumber());
                s.setString(3, SamePerson.nameKey(p));
                s.setTimestamp(4, Timestamp.from(openedAt));
                s.setBoolean(5, awaitingDecision);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The case has a decision: its people's next report opens a new case. */
    public void decided(UUID caseId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE case_people SET awaiting_decision = false WHERE case_id = ?")) {
            s.setObject(1, caseId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
