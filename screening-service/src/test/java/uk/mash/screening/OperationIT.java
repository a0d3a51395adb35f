package uk.mash.screening;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** What an operator relies on: readiness covering Kafka and the database, metrics, the API description. */
@QuarkusTest
class OperationIT {

    @Test
    void readinessCoversKafkaAndTheDatabase() {
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/cases/{caseId}/decision"));
    }

    @Test
    void prometheusMetricsAreServed() {
        RestAssured.get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
