package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.mash.contracts.Topics;
import uk.mash.contracts.events.ReportReceived;
import uk.mash.testsupport.TopicReader;

/**
 * Input is read strictly (CONTRACT.md, "Errors"): a value of the wrong type is 400 and never
 * coerced; text with a control character or half a surrogate pair is 422; either way the field is
 * named, its value is not repeated, and nothing is stored or published.
 */
@QuarkusTest
class StrictInputIT {

    /** Stands in the JSON text for an escape sequence that a Java string cannot carry through a serializer. */
    private static final String MARK = "@@MARK@@";

    @Inject
    ObjectMapper mapper;

    static Arguments wrongType(String what, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(what, field, change);
    }

    static Stream<Arguments> wronglyTypedReports() {
        return Stream.of(
                wrongType("concerns as ordinals", "concerns[0]", r -> r.put("concerns", List.of(1, 2))),
                wrongType("a concern as an ordinal", "concerns[0]", r -> r.put("concerns", List.of(5))),
                wrongType("a concern with a trailing space", "concerns[0]", r -> r.put("concerns", List.of("NEGLECT "))),
                wrongType("a concern in lower case", "concerns[1]", r -> r.put("concerns", List.of("NEGLECT", "neglect"))),
                wrongType("one concern where a list is expected", "concerns", r -> r.put("concerns", "NEGLECT")),
                wrongType("a number as the summary", "summary", r -> r.put("summary", 12345)),
                wrongType("a number as a name", "subjects[0].givenName", r -> Requests.subject(r, 0).put("givenName", 12345)),
                wrongType("a boolean as the referrer's name", "referrer.name",
                        r -> Requests.referrer(r).put("name", true)),
                wrongType("an empty date of birth", "subjects[0].dateOfBirth",
                        r -> Requests.subject(r, 0).put("dateOfBirth", "")),
                wrongType("a number as a date of birth", "subjects[0].dateOfBirth",
                        r -> Requests.subject(r, 0).put("dateOfBirth", 20160301)),
                wrongType("an empty incident date", "incidentDate", r -> r.put("incidentDate", "")),
                wrongType("a number as immediateRisk", "immediateRisk", r -> r.put("immediateRisk", 12345)),
                wrongType("a string as immediateRisk", "immediateRisk", r -> r.put("immediateRisk", "true")),
                wrongType("a channel as an ordinal", "channel", r -> r.put("channel", 0)),
                wrongType("an agency in lower case", "referrer.agency", r -> Requests.referrer(r).put("agency", "education")),
                wrongType("a consent with a leading space", "consent", r -> r.put("consent", " GIVEN")),
                wrongType("a subject role as an ordinal", "subjects[1].role", r -> Requests.subject(r, 1).put("role", 2)),
                wrongType("one subject where a list is expected", "subjects", r -> r.put("subjects", Requests.subject(r, 0))),
                wrongType("a number as an NHS number", "subjects[0].nhsNumber",
                        r -> Requests.subject(r, 0).put("nhsNumber", 9434765919L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wronglyTypedReports")
    void aReportWithAValueOfTheWrongTypeIs400NamingTheFieldAndNothingIsStored(String what, String field,
                                                                          Consumer<Map<String, Object>> change) {
        Map<String, Object> report = Requests.report();
        change.accept(report);
        long before = IntakeDatabase.storedRows();

        Requests.submit(report).then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of(field)))
                .body(not(containsString("12345")));

        assertThat(IntakeDatabase.storedRows()).as("rows stored after a refused report").isEqualTo(before);
    }

    static Stream<Arguments> wronglyTypedNotifications() {
        return Stream.of(
                wrongType("a number as the incident time", "incidentAt", n -> n.put("incidentAt", 1763676900)),
                wrongType("an empty incident time", "incidentAt", n -> n.put("incidentAt", "")),
                wrongType("a risk grade as an ordinal", "riskGrade", n -> n.put("riskGrade", 0)),
                wrongType("a risk grade with a space", "riskGrade", n -> n.put("riskGrade", "HIGH ")),
                wrongType("an involvement in lower case", "persons[0].involvement",
                        n -> Requests.persons(n).get(0).put("involvement", "victim")),
                wrongType("a number as the notificationId", "notificationId", n -> n.put("notificationId", 12345)),
                wrongType("a number as an officer's name", "officer.name",
                        n -> Requests.officer(n).put("name", 12345)),
                wrongType("a name where a list of persons is expected", "persons", n -> n.put("persons", "Rhian Evans")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wronglyTypedNotifications")
    void aNotificationWithAValueOfTheWrongTypeIs400NamingTheField(String what, String field,
                                                                Consumer<Map<String, Object>> change) {
        Map<String, Object> notification = Requests.policeNotification("HIGH");
        change.accept(notification);
        long before = IntakeDatabase.storedRows();

        Requests.as("police-system", "POLICE").body(notification).post("/api/v1/police/notifications").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of(field)));

        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    static Arguments unstorable(String what, String field, String escape, Consumer<Map<String, Object>> mark) {
        return Arguments.of(what, field, escape, mark);
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> unstorableReportTexts() {
        return Stream.of(
                unstorable("a NUL in the summary", "summary", "\\u0000", r -> r.put("summary", "Sam " + MARK + " is hungry")),
                unstorable("an escape character in a family name", "subjects[1].familyName", "\\u001b",
                        r -> Requests.subject(r, 1).put("familyName", "Evans" + MARK)),
                unstorable("a DEL in the organisation", "referrer.organisation", "\\u007f",
                        r -> Requests.referrer(r).put("organisation", MARK + "Ysgol")),
                unstorable("a lone high surrogate in an address", "subjects[0].address.line1", "\\ud83d",
                        r -> ((Map<String, Object>) Requests.subject(r, 0).get("address")).put("line1", "1 High St " + MARK)),
                unstorable("a lone low surrogate in the summary", "summary", "\\ude00",
                        r -> r.put("summary", MARK + " alone")),
                unstorable("a NUL in the referrer's email", "referrer.email", "\\u0000",
                        r -> Requests.referrer(r).put("email", "dsl" + MARK + "@example.org")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstorableReportTexts")
    void aReportWhoseTextCannotBeStoredIs422NamingTheFieldAndNothingIsStoredOrPublished(
            String what, String field, String escape, Consumer<Map<String, Object>> mark) throws Exception {
        Map<String, Object> report = Requests.report();
        mark.accept(report);
        String familyName = (String) Requests.subject(report, 0).get("familyName");
        long before = IntakeDatabase.storedRows();

        try (TopicReader topic = new TopicReader(Topics.REPORTS)) {
            Requests.as("referrer", "EDUCATION").body(json(report, escape)).post("/api/v1/reports").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("violations.field", equalTo(List.of(field)));

            assertThat(IntakeDatabase.storedRows()).as("rows stored after a refused report").isEqualTo(before);
            assertThat(topic.all(r -> r.value().contains(familyName), Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void aPoliceNotificationWhoseTextCannotBeStoredIs422NamingTheField() throws Exception {
        long before = IntakeDatabase.storedRows();
        Map<String, Object> nul = Requests.policeNotification("HIGH");
        nul.put("summary", "Officers attended " + MARK);
        Map<String, Object> bell = Requests.policeNotification("HIGH");
        Requests.officer(bell).put("name", "PC " + MARK + "Davies");
        Map<String, Object> surrogate = Requests.policeNotification("HIGH");
        Requests.persons(surrogate).get(2).put("givenName", "Cai" + MARK);

        notify(json(nul, "\\u0000")).then().statusCode(422).body("violations.field", equalTo(List.of("summary")));
        notify(json(bell, "\\u0007")).then().statusCode(422).body("violations.field", equalTo(List.of("officer.name")));
        notify(json(surrogate, "\\udbff")).then().statusCode(422)
                .body("violations.field", equalTo(List.of("persons[2].givenName")));

        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    @Test
    void tabsLineBreaksAndWholeSurrogatePairsAreOrdinaryText() throws Exception {
        Map<String, Object> report = Requests.report();
        report.put("summary", "Seen at school:\tMonday\r\nHungry again " + MARK);

        try (TopicReader topic = new TopicReader(Topics.REPORTS)) {
            String reportId = Requests.as("referrer", "EDUCATION").body(json(report, "\\ud83d\\ude1f"))
                    .post("/api/v1/reports").then().statusCode(202).extract().path("reportId");

            ReportReceived received = mapper.readValue(topic.await(r -> reportId.equals(r.key()),
                    Duration.ofSeconds(30)).value(), ReportReceived.class);
            assertThat(received.summary()).isEqualTo("Seen at school:\tMonday\r\nHungry again \uD83D\uDE1F");
        }
    }

    @Test
    void anIdempotencyKeyOver200CharactersIs400AndNothingIsStored() {
        long before = IntakeDatabase.storedRows();
        Requests.as("referrer", "EDUCATION").header("Idempotency-Key", "k".repeat(201)).body(Requests.report())
                .post("/api/v1/reports").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("Idempotency-Key")));
        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    private String json(Map<String, Object> request, String escape) throws Exception {
        return mapper.writeValueAsString(request).replace(MARK, escape);
    }

    private static Response notify(String body) {
        return Requests.as("police-system", "POLICE").body(body).post("/api/v1/police/notifications");
    }
}
