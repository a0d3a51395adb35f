package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Topics;
import uk.mash.testsupport.TopicReader;

/**
 * A police notification is one report per police system (the token's {@code sub}) and
 * {@code notificationId}, however often it is sent; a repeat that differs is a conflict, not a
 * silent second version (CONTRACT.md, police notifications).
 */
@QuarkusTest
class PoliceNotificationRepeatIT {

    @Test
    void theSameNotificationIdFromTwoPoliceSystemsIsTwoReports() {
        Map<String, Object> notification = Requests.policeNotification("MEDIUM");

        String fromNiche = notify("nwp-niche", notification).then().statusCode(202).extract().path("reportId");
        String fromAthena = notify("dyfed-athena", notification).then().statusCode(202).extract().path("reportId");

        assertThat(fromAthena).isNotEqualTo(fromNiche);
        try (TopicReader topic = new TopicReader(Topics.REPORTS)) {
            topic.await(r -> fromNiche.equals(r.key()), Duration.ofSeconds(30));
            topic.await(r -> fromAthena.equals(r.key()), Duration.ofSeconds(30));
        }
    }

    @Test
    void theSameNotificationAgainFromTheSameSystemGetsTheFirstAnswerWith200AndIsPublishedOnce() {
        Map<String, Object> notification = Requests.policeNotification("HIGH");
        JsonPath first = notify("nwp-niche", notification).then().statusCode(202).extract().jsonPath();
        long before = IntakeDatabase.storedRows();

        JsonPath again = notify("nwp-niche", notification).then().statusCode(200).extract().jsonPath();

        assertThat(again.getString("reportId")).isEqualTo(first.getString("reportId"));
        assertThat(again.getString("reference")).isEqualTo(first.getString("reference"));
        assertThat(again.getString("receivedAt")).isEqualTo(first.getString("receivedAt"));
        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
        try (TopicReader topic = new TopicReader(Topics.REPORTS)) {
            String reportId = first.getString("reportId");
            topic.await(r -> reportId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(topic.all(r -> reportId.equals(r.key()), Duration.ofSeconds(2))).hasSize(1);
        }
    }

    @Test
    void theSameNotificationIdWithAnotherBodyIs409AndNothingIsStored() {
        Map<String, Object> notification = Requests.policeNotification("MEDIUM");
        notify("nwp-niche", notification).then().statusCode(202);
        notification.put("summary", "Resent with a corrected summary.");
        long before = IntakeDatabase.storedRows();

        notify("nwp-niche", notification).then()
                .statusCode(409).contentType("application/problem+json").body("status", equalTo(409));

        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    private static io.restassured.response.Response notify(String system, Map<String, Object> notification) {
        return Requests.as("police-system", "POLICE", system).body(notification).post("/api/v1/police/notifications");
    }
}
