package uk.mash.console;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's cookies over plain HTTP: the CSRF cookie and token of the last page, and the session. */
final class SignedInBrowser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    final Map<String, String> cookies = new HashMap<>();
    String csrf;

    /** Opens a page as this browser, keeping its cookies and the CSRF token its forms carry. */
    Response get(String path) {
        Response page = given().redirects().follow(false).cookies(cookies).get(path);
        keep(page);
        return page;
    }

    /** Submits a form of the last page (its CSRF token added). */
    Response post(String path, Map<String, String> form) {
        Map<String, String> fields = new HashMap<>(form);
        fields.put("csrf-token", csrf);
        Response answer = given().redirects().follow(false).cookies(cookies).formParams(fields).post(path);
        keep(answer);
        return answer;
    }

    static SignedInBrowser as(String sub) {
        SignedInBrowser browser = new SignedInBrowser();
        browser.get("/sign-in");
        browser.post("/sign-in", Map.of("sub", sub));
        return browser;
    }

    private void keep(Response response) {
        response.getCookies().forEach((name, value) -> {
            if (value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        });
        Matcher m = CSRF_FIELD.matcher(response.asString());
        if (m.find()) {
            csrf = m.group(1);
        }
    }
}
