package uk.mash.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;

/**
 * The bench's report bodies: one school report about one child, each about a different child
 * (a name made of letters from the run's id and the report's number, so screening opens a new
 * case for every report and never links it to an earlier one).
 */
final class BenchReports {

    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(2012, 1, 1);
    private final String runId;

    BenchReports(String runId) {
        this.runId = runId;
    }

    /** A number written in letters, A=0 … Z=25, most significant first; "A" for 0. */
    static String letters(long n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('A' + (n % 26)));
            n /= 26;
        } while (n > 0);
        return s.reverse().toString();
    }

    Map<String, Object> report(long index) {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("role", "CHILD");
        child.put("givenName", "Bench" + letters(index).toLowerCase());
        child.put("familyName", "Run" + runId.toLowerCase());
        child.put("dateOfBirth", FIRST_BIRTHDAY.plusDays(index % 3000).toString());
        Map<String, Object> referrer = new LinkedHashMap<>();
        referrer.put("name", "Bench Referrer");
        referrer.put("organisation", "Ysgol Bench");
        referrer.put("agency", "EDUCATION");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("referrer", referrer);
        r.put("channel", "ONLINE");
        r.put("concerns", List.of("NEGLECT"));
        r.put("summary", "Bench report " + index + ": the child often arrives hungry and tired.");
        r.put("subjects", List.of(child));
        return r;
    }

    byte[] body(long index) {
        return JsonUtil.toJson(report(index)).getBytes(StandardCharsets.UTF_8);
    }
}
