package uk.mash.screening.infra;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.axonframework.common.transaction.Transaction;

/**
 * Axon's transactions on Narayana JTA, so the event store, the token store and our own tables
 * (case view, case directory, outbox) commit or roll back together. When a JTA transaction is
 * already running (a Kafka consumer or REST call marked @Transactional), Axon joins it.
 */
final class JtaTransactionManager implements org.axonframework.common.transaction.TransactionManager {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
            // the caller's transaction commits
        }

        @Override
        public void rollback() {
            // the caller's transaction rolls back when the exception reaches it
        }
    };

    private final TransactionManager jta;

    JtaTransactionManager(TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return JOINED;
            }
            jta.begin();
            return new Transaction() {
                @Override
                public void commit() {
                    try {
                        jta.commit();
                    } catch (Exception e) {
                        throw new IllegalStateException("Commit failed", e);
                    }
                }

                @Override
                public void rollback() {
                    try {
                        jta.rollback();
                    } catch (SystemException e) {
                        throw new IllegalStateException("Rollback failed", e);
                    }
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a transaction", e);
        }
    }
}
