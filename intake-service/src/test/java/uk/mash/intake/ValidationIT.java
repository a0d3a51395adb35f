package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.mash.testsupport.TestTokens;

/**
 * Every rule of CONTRACT.md's intake section: the request is refused with problem+json naming
 * the field, and nothing is stored or queued for publication.
 */
@QuarkusTest
class ValidationIT {

    static Arguments breaking(String rule, int status, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(rule, status, field, change);
    }

    static Stream<Arguments> brokenReports() {
        return Stream.of(
                breaking("referrer is required", 422, "referrer", r -> r.remove("referrer")),
                breaking("referrer agency is required", 422, "referrer.agency", r -> Requests.referrer(r).remove("agency")),
                breaking("referrer agency is one of the agencies", 400, "referrer.agency",
                        r -> Requests.referrer(r).put("agency", "SCHOOL")),
                breaking("referrer email is an email", 422, "referrer.email", r -> Requests.referrer(r).put("email", "not-an-email")),
                breaking("channel is required", 422, "channel", r -> r.remove("channel")),
                breaking("channel is one of the channels", 400, "channel", r -> r.put("channel", "FAX")),
                breaking("concerns are required", 422, "concerns", r -> r.remove("concerns")),
                breaking("at least one concern", 422, "concerns", r -> r.put("concerns", List.of())),
                breaking("concerns are categories of DOMAIN.md", 400, "concerns[1]",
                        r -> r.put("concerns", List.of("NEGLECT", "HUNGER"))),
                breaking("summary is required", 422, "summary", r -> r.remove("summary")),
                breaking("summary is not empty", 422, "summary", r -> r.put("summary", "")),
                breaking("summary is at most 20000 characters", 422, "summary", r -> r.put("summary", "x".repeat(20_001))),
                breaking("immediateRisk is a boolean", 400, "immediateRisk", r -> r.put("immediateRisk", "perhaps")),
                breaking("incidentDate is a date", 400, "incidentDate", r -> r.put("incidentDate", "last Tuesday")),
                breaking("incidentDate is not in the future", 422, "incidentDate",
                        r -> r.put("incidentDate", LocalDate.now().plusDays(2).toString())),
                breaking("consent is one of the consents", 400, "consent", r -> r.put("consent", "MAYBE")),
                breaking("subjects are required", 422, "subjects", r -> r.remove("subjects")),
                breaking("at least one subject", 422, "subjects", r -> r.put("subjects", List.of())),
                breaking("at least one CHILD or ADULT_AT_RISK", 422, "subjects",
                        r -> Requests.subject(r, 0).put("role", "OTHER_HOUSEHOLD_MEMBER")),
                breaking("subject role is required", 422, "subjects[0].role", r -> Requests.subject(r, 0).remove("role")),
                breaking("subject role is one of the roles", 400, "subjects[1].role",
                        r -> Requests.subject(r, 1).put("role", "AUNT")),
                breaking("subject givenName is required", 422, "subjects[0].givenName",
                        r -> Requests.subject(r, 0).remove("givenName")),
                breaking("subject familyName is not blank", 422, "subjects[1].familyName",
                        r -> Requests.subject(r, 1).put("familyName", "  ")),
                breaking("dateOfBirth is a date", 400, "subjects[0].dateOfBirth",
                        r -> Requests.subject(r, 0).put("dateOfBirth", "2016-13-01")),
                breaking("no date of birth in the future", 422, "subjects[1].dateOfBirth",
                        r -> Requests.subject(r, 1).put("dateOfBirth", LocalDate.now().plusDays(1).toString())),
                breaking("a CHILD is under 18 on the report date", 422, "subjects[0].dateOfBirth",
                        r -> Requests.subject(r, 0).put("dateOfBirth", LocalDate.now().minusYears(18).toString())),
                breaking("an NHS number passes its modulus-11 check", 422, "subjects[0].nhsNumber",
                        r -> Requests.subject(r, 0).put("nhsNumber", "9434765918")),
                breaking("an NHS number is ten digits", 422, "subjects[0].nhsNumber",
                        r -> Requests.subject(r, 0).put("nhsNumber", "943476591")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenReports")
    void aReportBreakingARuleIsRefusedNamingTheFieldAndNothingIsStored(String rule, int status, String field,
                                                                      Consumer<Map<String, Object>> change) {
        Map<String, Object> report = Requests.report();
        change.accept(report);
        long before = IntakeDatabase.storedRows();

        Requests.submit(report).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", org.hamcrest.Matchers.startsWith("urn:mash:problem:"))
                .body("violations.field", hasItem(field));

        assertThat(IntakeDatabase.storedRows()).as("rows stored after a refused report").isEqualTo(before);
    }

    static Stream<Arguments> brokenNotifications() {
        return Stream.of(
                breaking("notificationId is required", 422, "notificationId", n -> n.remove("notificationId")),
                breaking("force is required", 422, "force", n -> n.put("force", "")),
                breaking("riskGrade is required", 422, "riskGrade", n -> n.remove("riskGrade")),
                breaking("riskGrade is HIGH, MEDIUM or LOW", 400, "riskGrade", n -> n.put("riskGrade", "SEVERE")),
                breaking("incidentAt is an instant", 400, "incidentAt", n -> n.put("incidentAt", "yesterday")),
                breaking("concerns are required", 422, "concerns", n -> n.put("concerns", List.of())),
                breaking("summary is required", 422, "summary", n -> n.remove("summary")),
                breaking("persons are required", 422, "persons", n -> n.put("persons", List.of())),
                breaking("involvement is required", 422, "persons[1].involvement", n -> Requests.persons(n).get(1).remove("involvement")),
                breaking("involvement is one of the involvements", 400, "persons[0].involvement",
                        n -> Requests.persons(n).get(0).put("involvement", "BYSTANDER")),
                breaking("someone at risk is named", 422, "persons",
                        n -> n.put("persons", List.of(Requests.person("SUSPECT", "Mark", "Hughes", null)))),
                breaking("a child present is under 18", 422, "persons[2].dateOfBirth",
                        n -> Requests.persons(n).get(2).put("dateOfBirth", LocalDate.now().minusYears(19).toString())),
                breaking("an NHS number passes its check", 422, "persons[0].nhsNumber",
                        n -> Requests.persons(n).get(0).put("nhsNumber", "1234567890")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenNotifications")
    void aPoliceNotificationBreakingARuleIsRefusedNamingTheField(String rule, int status, String field,
                                                               Consumer<Map<String, Object>> change) {
        Map<String, Object> notification = Requests.policeNotification("HIGH");
        change.accept(notification);
        long before = IntakeDatabase.storedRows();

        Requests.as("police-system", "POLICE").body(notification).post("/api/v1/police/notifications").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));

        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    @Test
    void jsonThatIsNotWellFormedIsA400Problem() {
        long before = IntakeDatabase.storedRows();
        RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token("referrer", "EDUCATION"))
                .body("{\"referrer\": {\"agency\": \"EDUCATION\"}, \"channel\": ")
                .post("/api/v1/reports").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400Problem() {
        RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token("referrer", "EDUCATION"))
                .body("[1, 2, 3]").post("/api/v1/reports").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aMissingBodyIsRefused() {
        RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token("referrer", "EDUCATION"))
                .post("/api/v1/reports").then()
                .statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aBodyOver256KiBIsA413ProblemAndNothingIsStored() {
        Map<String, Object> report = Requests.report();
        report.put("summary", "x".repeat(300 * 1024));
        long before = IntakeDatabase.storedRows();

        Requests.submit(report).then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));

        assertThat(IntakeDatabase.storedRows()).isEqualTo(before);
    }

    @Test
    void aMemberOfThePublicMayStayAnonymous() {
        Map<String, Object> report = Requests.report();
        report.put("referrer", Map.of("agency", "PUBLIC"));
        report.put("channel", "PHONE");
        // the call is taken by a screener, who may record a report for any agency
        Requests.as("screener", "CHILDRENS_SERVICES").body(report).post("/api/v1/reports").then().statusCode(202);
    }

    @Test
    void anAdultAtRiskWithoutAChildIsAValidReport() {
        Map<String, Object> report = Requests.report();
        Map<String, Object> adult = Requests.subject(report, 0);
        adult.put("role", "ADULT_AT_RISK");
        adult.put("dateOfBirth", "1941-07-14");
        Requests.submit(report).then().statusCode(202);
    }
}
