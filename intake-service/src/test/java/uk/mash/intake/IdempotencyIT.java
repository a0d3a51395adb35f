package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyIT extends ReadsMashReports {

    @Test
    void theSameKeyAndBodyGetsTheFirstAnswerAgainWith200AndIsPublishedOnce() {
        Map<String, Object> report = Requests.report();
        String key = UUID.randomUUID().toString();

        var first = Requests.as("referrer", "EDUCATION", "dsl.jones").header("Idempotency-Key", key).body(report)
                .post("/api/v1/reports").then().statusCode(202).extract().jsonPath();
        var again = Requests.as("referrer", "EDUCATION", "dsl.jones").header("Idempotency-Key", key).body(report)
                .post("/api/v1/reports").then().statusCode(200).extract().jsonPath();

        assertThat(again.getString("reportId")).isEqualTo(first.getString("reportId"));
        assertThat(again.getString("reference")).isEqualTo(first.getString("reference"));
        assertThat(again.getString("receivedAt")).isEqualTo(first.getString("receivedAt"));
        String reportId = first.getString("reportId");
        topic.await(r -> reportId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(topic.all(r -> reportId.equals(r.key()), Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsA409Problem() {
        String key = UUID.randomUUID().toString();
        Requests.as("referrer", "EDUCATION", "dsl.jones").header("Idempotency-Key", key).body(Requests.report())
                .post("/api/v1/reports").then().statusCode(202);
        long before = IntakeDatabase.storedRows();

        Requests.as("referrer", "EDUCATION", "dsl.jones").header("Idempotency-Key", key).body(Requests.report())
                .post("/api/v1/reports").then()
                .statusCode(409).contentType("application/problem+json").body("status", equalTo(409));

        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    @Test
    void aKeyBelongsToItsCaller() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = Requests.report();
        String mine = Requests.as("referrer", "EDUCATION", "dsl.jones").header("Idempotency-Key", key).body(report)
                .post("/api/v1/reports").then().statusCode(202).extract().path("reportId");
        String theirs = Requests.as("referrer", "EDUCATION", "dsl.evans").header("Idempotency-Key", key).body(report)
                .post("/api/v1/reports").then().statusCode(202).extract().path("reportId");
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void twentyConcurrentIdenticalRequestsWithOneKeyPublishExactlyOneReport() throws Exception {
        Map<String, Object> report = Requests.report();
        String key = UUID.randomUUID().toString();
        List<Response> answers = Concurrently.times(20, () -> Requests.as("referrer", "EDUCATION", "dsl.jones")
                .header("Idempotency-Key", key).body(report).post("/api/v1/reports"));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 202);
        assertThat(answers).filteredOn(a -> a.statusCode() == 202).hasSize(1);
        List<String> ids = answers.stream().map(a -> a.jsonPath().getString("reportId")).distinct().toList();
        assertThat(ids).hasSize(1);
        assertThat(IntakeDatabase.count("SELECT count(*) FROM reports WHERE report_id = ?::uuid", ids.get(0)))
                .isEqualTo(1);
        topic.await(r -> ids.get(0).equals(r.key()), Duration.ofSeconds(30));
        assertThat(topic.all(r -> r.value().contains((String) Requests.subject(report, 0).get("familyName")),
                Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void theSamePoliceNotificationSentFiveTimesConcurrentlyIsOneReport() throws Exception {
        Map<String, Object> notification = Requests.policeNotification("MEDIUM");
        List<Response> answers = Concurrently.times(5, () -> Requests.as("police-system", "POLICE", "nwp-niche")
                .body(notification).post("/api/v1/police/notifications"));

        assertThat(answers).filteredOn(a -> a.statusCode() == 202).hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() == 200).hasSize(4);
        List<String> ids = answers.stream().map(a -> a.jsonPath().getString("reportId")).distinct().toList();
        assertThat(ids).hasSize(1);
        topic.await(r -> ids.get(0).equals(r.key()), Duration.ofSeconds(30));
        assertThat(topic.all(r -> r.value().contains((String) notification.get("notificationId")),
                Duration.ofSeconds(2))).hasSize(1);
    }
}
