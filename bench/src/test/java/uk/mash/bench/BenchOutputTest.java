package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** latest.json, the summary, the generated reports and what is read from the services' files. */
class BenchOutputTest {

    @Test
    void jsonWritesNaNAsNullAndKeepsText() throws Exception {
        record Sample(Double nan, Double infinite, String text) {
        }
        String json = BenchJson.write(new Sample(Double.NaN, Double.POSITIVE_INFINITY,
                "quote \" backslash \\ newline \n tab \t bell \u0007 Llŷn"));
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.get("nan").isNull()).isTrue();
        assertThat(parsed.get("infinite").isNull()).isTrue();
        assertThat(parsed.path("text").asText()).isEqualTo("quote \" backslash \\ newline \n tab \t bell \u0007 Llŷn");
    }

    @Test
    void numbersHaveNoExponentNorTrailingZeros() {
        assertThat(BenchJson.number(12.0)).isEqualTo("12");
        assertThat(BenchJson.number(0.0004)).isEqualTo("0.0004");
        assertThat(BenchJson.number(0.000_000_1)).isEqualTo("0");
        assertThat(BenchJson.number(1234.56789)).isEqualTo("1234.568");
        assertThat(BenchJson.number(1e7)).isEqualTo("10000000");
        assertThat(BenchJson.number(2.5)).isEqualTo("2.5");
        assertThat(BenchJson.number(-0.0001)).isEqualTo("-0.0001");
        assertThat(BenchJson.number(-0.000_000_1)).isEqualTo("0");
    }

    @Test
    void lettersCountInBase26() {
        assertThat(BenchReports.letters(0)).isEqualTo("A");
        assertThat(BenchReports.letters(25)).isEqualTo("Z");
        assertThat(BenchReports.letters(26)).isEqualTo("BA");
        assertThat(BenchReports.letters(26 * 26 + 1)).isEqualTo("BAB");
    }

    @Test
    void everyReportIsAboutADifferentChild() throws Exception {
        BenchReports reports = new BenchReports("XYZ");
        Set<String> children = IntStream.range(0, 5000).mapToObj(i -> {
            BenchReports.Child child = reports.report(i).subjects().get(0);
            return child.givenName() + " " + child.familyName() + " " + child.dateOfBirth();
        }).collect(Collectors.toSet());
        assertThat(children).hasSize(5000);
        // the body intake reads (CONTRACT.md's POST /api/v1/reports)
        JsonNode body = new ObjectMapper().readTree(reports.body(7));
        assertThat(body.path("referrer").path("agency").asText()).isEqualTo("EDUCATION");
        assertThat(body.path("channel").asText()).isEqualTo("ONLINE");
        assertThat(body.path("concerns").toString()).isEqualTo("[\"NEGLECT\"]");
        assertThat(body.path("summary").asText()).startsWith("Bench report 7:");
        JsonNode child = body.path("subjects").get(0);
        assertThat(child.path("role").asText()).isEqualTo("CHILD");
        assertThat(child.path("familyName").asText()).isEqualTo("Runxyz");
        assertThat(child.path("dateOfBirth").asText()).isEqualTo("2012-01-08");
    }

    @Test
    void aDecisionLeavesItsRoutesToScreening() throws Exception {
        JsonNode body = new ObjectMapper().readTree(ServiceJson.MAPPER.writeValueAsBytes(BenchDecisions.BODY));
        assertThat(body.path("outcome").asText()).isEqualTo("EARLY_HELP");
        assertThat(body.has("routes")).isFalse();
        assertThat(body.path("rationale").asText()).isNotBlank();
    }

    @Test
    void startupTimeIsTheLastStartedInOfTheLog() {
        String log = "2026-11-23 06:43:53,008 INFO  [io.quarkus] (main) routing-service on JVM started in 14.625s. Listening\n"
                + "2026-11-23 06:54:37,379 INFO  [io.quarkus] (main) routing-service on JVM started in 17.104s. Listening\n";
        assertThat(BenchProcesses.lastStartedIn(log)).isEqualTo(17.104);
        assertThat(BenchProcesses.lastStartedIn("nothing started here")).isNull();
    }

    @Test
    void procStatusFieldsInKilobytes() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmHWM:\t  301234 kB\nVmRSS:\t  250000 kB\nThreads:\t40\n";
        assertThat(BenchProcesses.statusField(status, "VmHWM")).isEqualTo(301234L);
        assertThat(BenchProcesses.statusField(status, "VmRSS")).isEqualTo(250000L);
        assertThat(BenchProcesses.statusField(status, "VmSwap")).isNull();
    }

    @Test
    void scratchDatabaseSitsBesideTheSuperusersOne() {
        assertThat(BenchJdbcBaseline.scratchUrl("jdbc:postgresql://127.0.0.1:5432/postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/mash_bench");
        assertThat(BenchJdbcBaseline.scratchUrl("jdbc:postgresql://db:6543/postgres?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:6543/mash_bench?sslmode=require");
    }

    @Test
    void summaryShowsTheHeadlineFiguresAndDashesForWhatWasNotMeasured() {
        String text = BenchSummary.text(SampleResult.withoutReplay());
        assertThat(text).contains("148.377 reports/s").contains("baselineRatio 0.004469, floorRatio 0.06866")
                .contains("13 rows + 6 Kafka records per report = 0.462741 ms at the baselines; actual 6.74 ms")
                .contains("synchronous_commit on, fsync on").doesNotContain("WARNING")
                .contains("122 available (2 cores x 61 s").contains("ms/report     intake 3.315, postgres 1.989")
                .contains("(b) screening's record sent (Kafka timestamp) -> routing routed it (referral's ce_time)")
                .contains("accepted hops   1 of 2 reports").contains("(b) intake's record sent (Kafka timestamp) -> screening"
                        + " opened or joined its case (case event's ce_time)").contains(" 28 / 28 / 28").contains(" 10 / 10 / 10").contains("p99 175 ms")
                .contains("decision -> queue: p50 192 ms, p99 499 ms").contains("replay          - events/s")
                .contains("intake 218.5, screening 237, routing 174.25, audit -").doesNotContain("NOT fully drained");
        assertThat(BenchSummary.text(SampleResult.withReplay())).contains("replay          400000 events/s")
                .contains("integrity       200000 entries/s (verified true)");
    }
}
