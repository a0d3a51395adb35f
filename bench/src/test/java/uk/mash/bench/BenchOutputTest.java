package uk.mash.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;

/** latest.json, the summary, the generated reports and what is read from the services' files. */
class BenchOutputTest {

    @Test
    void jsonKeepsNullsOrderAndRoundsDoubles() throws Exception {
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("reportsPerSecond", 123.456789);
        pipeline.put("baselineRatio", null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("pipeline", pipeline);
        root.put("list", List.of(1, "two", true));
        root.put("empty", Map.of());
        root.put("nan", Double.NaN);
        root.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 Llŷn");
        String json = BenchJson.write(root);

        assertThat(json).contains("\"reportsPerSecond\": 123.457").contains("\"baselineRatio\": null")
                .contains("\"nan\": null").contains("\\u0007").endsWith("}\n");
        assertThat(json.indexOf("pipeline")).isLessThan(json.indexOf("list"));
        Map<String, Object> parsed = JsonUtil.parseJson(json);
        assertThat(((Map<?, ?>) parsed.get("pipeline")).containsKey("baselineRatio")).isTrue();
        assertThat(((Map<?, ?>) parsed.get("pipeline")).get("baselineRatio")).isNull();
        assertThat(parsed.get("list")).isEqualTo(List.of(1L, "two", true));
        assertThat(parsed.get("text")).isEqualTo(root.get("text"));
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
            Map<?, ?> child = (Map<?, ?>) ((List<?>) reports.report(i).get("subjects")).get(0);
            return child.get("givenName") + " " + child.get("familyName") + " " + child.get("dateOfBirth");
        }).collect(Collectors.toSet());
        assertThat(children).hasSize(5000);
        Map<String, Object> body = JsonUtil.parseJson(new String(reports.body(7), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body).containsKeys("referrer", "channel", "concerns", "summary", "subjects");
        assertThat((String) ((Map<?, ?>) ((List<?>) body.get("subjects")).get(0)).get("familyName")).isEqualTo("Runxyz");
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
    void summaryShowsDashesForWhatWasNotMeasured() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", "2026-11-23T07:00:00Z");
        r.put("machine", Map.of("cores", 2, "memoryMb", 24105, "loadAverageAtStart", "5.5 6.7 5.1"));
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("reportsPerSecond", 72.5);
        pipeline.put("baselineRatio", 0.0123456);
        pipeline.put("drained", true);
        r.put("pipeline", pipeline);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("acceptedToCaseP99Ms", 180.0);
        latency.put("decisionToQueueP99Ms", null);
        r.put("latency", latency);
        Map<String, Object> nulls = new LinkedHashMap<>();
        nulls.put("eventsPerSecond", null);
        r.put("replay", nulls);
        r.put("integrity", nulls);
        Map<String, Object> rss = new LinkedHashMap<>();
        Arrays.asList("intake", "screening").forEach(n -> rss.put(n, n.equals("intake") ? 301.5 : null));
        r.put("rssMb", rss);
        r.put("startupSeconds", Map.of("intake", 17.1));
        String text = BenchSummary.text(r);
        assertThat(text).contains("72.5 reports/s").contains("baselineRatio 0.012346").contains("p99 180 ms")
                .contains("decision -> queue: p50 - ms, p99 - ms").contains("replay          - events/s")
                .contains("intake 301.5, screening -").doesNotContain("NOT fully drained");
    }
}
