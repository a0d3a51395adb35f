package uk.mash.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Reports submitted at the same moment are accepted in fewer transactions than reports (one commit,
 * one flush to disk, for several), and each is still answered as if it had come alone: its own
 * reference and publication, and a refusal (a key reused, a report the database will not store)
 * for the one at fault only.
 */
@QuarkusTest
class GroupCommitIT extends ReadsMashReports {

    @Test
    void reportsSubmittedTogetherAreAcceptedInFewerTransactionsThanReportsEachWithItsOwnReference() throws Exception {
        List<Response> answers = Concurrently.all(schoolReports(20));

        assertThat(answers).extracting(Response::statusCode).containsOnly(202);
        List<String> ids = answers.stream().map(a -> a.jsonPath().getString("reportId")).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(answers.stream().map(a -> a.jsonPath().getString("reference"))).doesNotHaveDuplicates();
        // PostgreSQL's xmin names the transaction that wrote a row: one a report, without group commit
        assertThat(IntakeDatabase.count("SELECT count(DISTINCT xmin::text) FROM reports"
                + " WHERE report_id::text = ANY (string_to_array(?, ','))", String.join(",", ids)))
                .as("transactions that wrote the 20 reports").isLessThan(20);
        ids.forEach(this::awaitPublished);
    }

    @Test
    void aKeyReusedWithAnotherRequestIsRefusedAloneAndTheReportsSubmittedWithItAreAccepted() throws Exception {
        String key = UUID.randomUUID().toString();
        Response first = Requests.as("referrer", "EDUCATION", "dsl.jones").header("Idempotency-Key", key)
                .body(Requests.report()).post("/api/v1/reports");
        assertThat(first.statusCode()).isEqualTo(202);

        List<Callable<Response>> calls = new ArrayList<>(schoolReports(10));
        Map<String, Object> another = Requests.report();
        calls.add(5, () -> Requests.as("referrer", "EDUCATION", "dsl.jones").header("Idempotency-Key", key)
                .body(another).post("/api/v1/reports"));
        List<Response> answers = Concurrently.all(calls);

        assertThat(answers.get(5).statusCode()).isEqualTo(409);
        assertThat(answers.get(5).jsonPath().getString("type")).endsWith("idempotency-key-reused");
        List<Response> others = new ArrayList<>(answers);
        others.remove(5);
        assertThat(others).extracting(Response::statusCode).containsOnly(202);
        others.forEach(a -> awaitPublished(a.jsonPath().getString("reportId")));
        assertThat(topic.all(r -> r.value().contains(familyName(another)), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aReportTheDatabaseRefusesFailsAloneAndTheReportsSubmittedWithItAreAccepted() throws Exception {
        // the database refuses this one caller's reports (a rule of its own, say)
        String sub = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        String trigger = "refuse_" + sub.substring(8);
        IntakeDatabase.execute("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.submitted_by_sub = '" + sub + "' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '23514'; "
                        + "END IF; RETURN NEW; END; $$",
                "CREATE TRIGGER " + trigger + " BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION " + trigger + "()");
        try {
            List<Callable<Response>> calls = new ArrayList<>(schoolReports(10));
            Map<String, Object> refused = Requests.report();
            calls.add(3, () -> Requests.as("referrer", "EDUCATION", sub).body(refused).post("/api/v1/reports"));
            List<Response> answers = Concurrently.all(calls);

            assertThat(answers.get(3).statusCode()).isEqualTo(500);
            List<Response> others = new ArrayList<>(answers);
            others.remove(3);
            assertThat(others).extracting(Response::statusCode).containsOnly(202);
            others.forEach(a -> awaitPublished(a.jsonPath().getString("reportId")));
            assertThat(IntakeDatabase.count("SELECT count(*) FROM reports WHERE submitted_by_sub = ?", sub)).isZero();
            assertThat(IntakeDatabase.count("SELECT count(*) FROM outbox WHERE payload LIKE ?",
                    "%" + familyName(refused) + "%")).isZero();
        } finally {
            IntakeDatabase.execute("DROP TRIGGER " + trigger + " ON reports", "DROP FUNCTION " + trigger + "()");
        }
    }

    private static List<Callable<Response>> schoolReports(int n) {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> report = Requests.report();
            calls.add(() -> Requests.submit(report));
        }
        return calls;
    }

    private void awaitPublished(String reportId) {
        topic.await(r -> reportId.equals(r.key()), Duration.ofSeconds(30));
    }

    private static String familyName(Map<String, Object> report) {
        return (String) Requests.subject(report, 0).get("familyName");
    }
}
