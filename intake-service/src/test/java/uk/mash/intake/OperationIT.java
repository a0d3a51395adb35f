package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** What an operator relies on: readiness covering Kafka and the database, metrics, the API description. */
@QuarkusTest
class OperationIT {

    @Inject
    Scheduler scheduler;

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void livenessIsUp() {
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsIncludeTheOutboxBacklog() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("mash_outbox_pending"));
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/reports")).body(containsString("/api/v1/police/notifications"));
    }

    @Test
    void publishedOutboxEntriesAreDeletedOnASchedule() {
        // what it deletes and keeps: OutboxRetentionIT in the outbox module
        assertThat(scheduler.getScheduledJob("outbox-retention")).as("the outbox retention job").isNotNull();
    }
}
