package uk.mash.routing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import uk.mash.testsupport.TestTokens;

/** Calls routing's REST API as the people and systems of CONTRACT.md. */
public final class Api {

    public static final Map<String, String> AGENCY = Map.of(
            "queue-children", "CHILDRENS_SERVICES",
            "queue-adults", "ADULT_SERVICES",
            "queue-police", "POLICE",
            "manager", "CHILDRENS_SERVICES",
            "screener", "HEALTH",
            "auditor", "OTHER",
            "referrer", "EDUCATION");

    private Api() {
    }

    public static RequestSpecification as(String role) {
        return as(role, role + ".duty");
    }

    public static RequestSpecification as(String role, String sub) {
        return RestAssured.given().contentType(ContentType.JSON)
                .auth().oauth2(TestTokens.token(role, AGENCY.get(role), sub));
    }
}
