package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.PoliceRiskGrade;
import uk.mash.contracts.Rag;
import uk.mash.contracts.Subject;
import uk.mash.contracts.SubjectRole;
import uk.mash.contracts.events.ReportReceived;

@QuarkusTest
class PoliceNotificationIT extends ReadsMashReports {

    @Inject
    ObjectMapper mapper;

    private ReportReceived publish(Map<String, Object> notification) throws Exception {
        String reportId = Requests.as("police-system", "POLICE", "nwp-niche").body(notification)
                .post("/api/v1/police/notifications").then().statusCode(202).extract().path("reportId");
        return mapper.readValue(topic.await(r -> reportId.equals(r.key()), Duration.ofSeconds(30)).value(),
                ReportReceived.class);
    }

    @Test
    void aHighNotificationBecomesAPoliceReportRatedRedWithItsPersonsAsSubjects() throws Exception {
        Map<String, Object> notification = Requests.policeNotification("HIGH");

        ReportReceived report = publish(notification);

        assertThat(report.channel()).isEqualTo(Channel.POLICE_NOTIFICATION);
        assertThat(report.initialRag()).isEqualTo(Rag.RED);
        assertThat(report.referrer().agency()).isEqualTo(Agency.POLICE);
        assertThat(report.referrer().organisation()).isEqualTo("NORTH_WALES_POLICE");
        assertThat(report.submittedBy().sub()).isEqualTo("nwp-niche");
        assertThat(report.police().notificationId()).isEqualTo(notification.get("notificationId"));
        assertThat(report.police().occurrenceNumber()).isEqualTo("NWP/26/123456");
        assertThat(report.police().riskGrade()).isEqualTo(PoliceRiskGrade.HIGH);
        assertThat(report.police().officer().collarNumber()).isEqualTo("1234");
        assertThat(report.incidentDate()).hasToString("2026-11-20");
        assertThat(report.subjects()).extracting(Subject::givenName, Subject::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Rhian", SubjectRole.ADULT_AT_RISK),
                org.assertj.core.groups.Tuple.tuple("Mark", SubjectRole.ALLEGED_PERPETRATOR),
                org.assertj.core.groups.Tuple.tuple("Cai", SubjectRole.CHILD));
    }

    @Test
    void aMediumNotificationCarriesNoRating() throws Exception {
        assertThat(publish(Requests.policeNotification("MEDIUM")).initialRag()).isNull();
    }

    @Test
    void aChildVictimIsAChild() throws Exception {
        Map<String, Object> notification = Requests.policeNotification("LOW");
        notification.put("persons", java.util.List.of(
                Requests.person("VICTIM", "Nia", "Parry", java.time.LocalDate.now().minusYears(15).toString()),
                Requests.person("WITNESS", "Dafydd", "Parry", null)));

        ReportReceived report = publish(notification);

        assertThat(report.subjects()).extracting(Subject::role)
                .containsExactly(SubjectRole.CHILD, SubjectRole.OTHER_HOUSEHOLD_MEMBER);
    }
}
