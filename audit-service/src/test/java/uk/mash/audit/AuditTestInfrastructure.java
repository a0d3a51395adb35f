package uk.mash.audit;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every @QuarkusTest of audit runs against the real Kafka broker and PostgreSQL of
 * MashTestInfrastructure, migrating as a separate owner and running as a runtime user (AuditDatabaseRoles).
 */
@QuarkusTestResource(AuditDatabaseRoles.class)
public final class AuditTestInfrastructure {

    private AuditTestInfrastructure() {
    }
}
