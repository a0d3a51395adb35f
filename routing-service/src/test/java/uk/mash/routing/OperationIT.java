package uk.mash.routing;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What an operator relies on: readiness covering Kafka and the database, metrics, the API description. */
@QuarkusTest
class OperationIT {

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                RestAssured.get("/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItems("Database connections health check",
                                "SmallRye Reactive Messaging - readiness check")));
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
    void theQueueApiIsDescribedInOpenApi() {
        RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/queues/{queue}/referrals"))
                .body(containsString("/api/v1/queues/{queue}/referrals/{referralId}/acknowledgement"));
    }
}
