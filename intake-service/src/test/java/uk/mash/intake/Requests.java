package uk.mash.intake;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.mash.testsupport.TestTokens;

/** Realistic, invented requests for intake's tests, as mutable maps so a test can break one rule. */
public final class Requests {

    private Requests() {
    }

    /** A school's report about a child; names carry a random suffix so tests never collide. */
    public static Map<String, Object> report() {
        String family = "Evans-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("referrer", new LinkedHashMap<>(Map.of("name", "Jane Jones", "role", "Designated Safeguarding Lead",
                "organisation", "Ysgol Aberconwy", "agency", "EDUCATION", "phone", "01492 000000",
                "email", "dsl@example.org")));
        report.put("channel", "ONLINE");
        report.put("concerns", new ArrayList<>(List.of("NEGLECT", "EMOTIONAL_ABUSE")));
        report.put("summary", "Sam often arrives hungry and has said there is no food at home.");
        report.put("immediateRisk", false);
        report.put("incidentDate", LocalDate.now().minusDays(1).toString());
        report.put("consent", "GIVEN");
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("role", "CHILD");
        child.put("givenName", "Sam");
        child.put("familyName", family);
        child.put("dateOfBirth", LocalDate.now().minusYears(10).toString());
        child.put("nhsNumber", "9434765919");
        child.put("address", new LinkedHashMap<>(Map.of("line1", "1 High Street", "town", "Conwy",
                "postcode", "LL32 8DU")));
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("role", "PARENT_OR_CARER");
        parent.put("givenName", "Rhian");
        parent.put("familyName", family);
        report.put("subjects", new ArrayList<>(List.of(child, parent)));
        return report;
    }

    /** A North Wales Police notification of a domestic incident with a child present. */
    public static Map<String, Object> policeNotification(String riskGrade) {
        String family = "Hughes-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("notificationId", "NWP-PPN-" + UUID.randomUUID());
        n.put("force", "NORTH_WALES_POLICE");
        n.put("occurrenceNumber", "NWP/26/123456");
        n.put("officer", new LinkedHashMap<>(Map.of("collarNumber", "1234", "name", "PC Davies",
                "station", "Llandudno")));
        n.put("incidentAt", "2026-11-20T22:15:00Z");
        n.put("riskGrade", riskGrade);
        n.put("concerns", new ArrayList<>(List.of("DOMESTIC_ABUSE")));
        n.put("summary", "Officers attended a domestic incident; two children present.");
        n.put("persons", new ArrayList<>(List.of(
                person("VICTIM", "Rhian", family, "1990-05-02"),
                person("SUSPECT", "Mark", family, null),
                person("CHILD_PRESENT", "Cai", family, LocalDate.now().minusYears(9).toString()))));
        return n;
    }

    public static Map<String, Object> person(String involvement, String given, String family, String dob) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("involvement", involvement);
        p.put("givenName", given);
        p.put("familyName", family);
        if (dob != null) {
            p.put("dateOfBirth", dob);
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> referrer(Map<String, Object> report) {
        return (Map<String, Object>) report.get("referrer");
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> persons(Map<String, Object> notification) {
        return (List<Map<String, Object>>) notification.get("persons");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> officer(Map<String, Object> notification) {
        return (Map<String, Object>) notification.get("officer");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> subject(Map<String, Object> report, int index) {
        return ((List<Map<String, Object>>) report.get("subjects")).get(index);
    }

    public static RequestSpecification as(String role, String agency) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(role, agency));
    }

    public static RequestSpecification as(String role, String agency, String sub) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(role, agency, sub));
    }

    public static Response submit(Map<String, Object> report) {
        return as("referrer", "EDUCATION").body(report).post("/api/v1/reports");
    }
}
