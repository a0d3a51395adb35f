package uk.mash.audit;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import uk.mash.testsupport.TestTokens;

/** Requests as a person with a role would send them. */
final class Api {

    private Api() {
    }

    static RequestSpecification as(String role) {
        return RestAssured.given().auth().oauth2(TestTokens.token(role, "CHILDRENS_SERVICES", role + ".tester"));
    }

    static RequestSpecification auditor() {
        return as("auditor");
    }
}
