package uk.mash.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Concern;
import uk.mash.contracts.SubjectRole;

/**
 * The bench's report bodies: one school report about one child, each about a different child
 * (a name made of letters from the run's id and the report's number, so screening opens a new
 * case for every report and never links it to an earlier one).
 */
final class BenchReports {

    /** {@code POST /api/v1/reports}, the fields the bench fills (CONTRACT.md). */
    record Report(Referrer referrer, Channel channel, List<Concern> concerns, String summary, List<Child> subjects) {
    }

    record Referrer(String name, String organisation, Agency agency) {
    }

    record Child(SubjectRole role, String givenName, String familyName, LocalDate dateOfBirth) {
    }

    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(2012, 1, 1);
    private static final Referrer SCHOOL = new Referrer("Bench Referrer", "Ysgol Bench", Agency.EDUCATION);
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

    Report report(long index) {
        Child child = new Child(SubjectRole.CHILD, "Bench" + letters(index).toLowerCase(), "Run" + runId.toLowerCase(),
                FIRST_BIRTHDAY.plusDays(index % 3000));
        return new Report(SCHOOL, Channel.ONLINE, List.of(Concern.NEGLECT),
                "Bench report " + index + ": the child often arrives hungry and tired.", List.of(child));
    }

    byte[] body(long index) {
        try {
            return ServiceJson.MAPPER.writeValueAsBytes(report(index));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
