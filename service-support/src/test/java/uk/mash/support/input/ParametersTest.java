package uk.mash.support.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.mash.contracts.Rag;
import uk.mash.support.problem.ProblemException;

class ParametersTest {

    @Test
    void absentMeansNotGiven() {
        assertThat(Parameters.oneOf("rag", null, Rag.class)).isNull();
        assertThat(Parameters.flag("overdue", null)).isNull();
        assertThat(Parameters.uuid("caseId", null)).isNull();
        assertThat(Parameters.instant("asOf", null)).isNull();
        assertThat(Parameters.date("from", null)).isNull();
        assertThat(Parameters.text("sub", null, 200)).isNull();
        assertThat(Parameters.page(null)).isZero();
        assertThat(Parameters.pageSize(null, 50)).isEqualTo(50);
    }

    @Test
    void valuesInTheirDomainAreRead() {
        assertThat(Parameters.oneOf("rag", "AMBER", Rag.class)).isEqualTo(Rag.AMBER);
        assertThat(Parameters.flag("overdue", "true")).isTrue();
        assertThat(Parameters.flag("overdue", "false")).isFalse();
        assertThat(Parameters.page("3")).isEqualTo(3);
        assertThat(Parameters.pageSize("1", 50)).isEqualTo(1);
        assertThat(Parameters.pageSize(String.valueOf(Parameters.MAX_PAGE_SIZE), 50)).isEqualTo(Parameters.MAX_PAGE_SIZE);
        assertThat(Parameters.uuid("caseId", "3f2a6c1e-8b4d-4e7a-9c15-2d7f0b6a91e4"))
                .isEqualTo(UUID.fromString("3f2a6c1e-8b4d-4e7a-9c15-2d7f0b6a91e4"));
        assertThat(Parameters.instant("asOf", "2026-11-20T22:15:00Z")).isEqualTo(Instant.parse("2026-11-20T22:15:00Z"));
        assertThat(Parameters.date("from", "2026-11-20")).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(Parameters.text("sub", "dsl.jones", 200)).isEqualTo("dsl.jones");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PURPLE", "", "red", "RED ", "0"})
    void aRagOutsideItsDomainIs400(String value) {
        refused("rag", () -> Parameters.oneOf("rag", value, Rag.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "", "TRUE", "1", "yes"})
    void aFlagIsTrueOrFalse(String value) {
        refused("overdue", () -> Parameters.flag("overdue", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "", "1.5", "1e3", "one", " 2", "99999999999"})
    void aPageIsAWholeNumberFromZero(String value) {
        refused("page", () -> Parameters.page(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "100000", "-5", ""})
    void aPageSizeIsFromOneTo500(String value) {
        refused("size", () -> Parameters.pageSize(value, 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "", "1-2-3-4-5"})
    void aCaseIdIsAUuid(String value) {
        refused("caseId", () -> Parameters.uuid("caseId", value));
    }

    @Test
    void instantsDatesAndTextOutsideTheirDomainAre400() {
        refused("asOf", () -> Parameters.instant("asOf", "yesterday"));
        refused("asOf", () -> Parameters.instant("asOf", ""));
        refused("from", () -> Parameters.date("from", "2026-13-01"));
        refused("from", () -> Parameters.date("from", " 2026-11-20"));
        refused("sub", () -> Parameters.text("sub", "", 200));
        refused("sub", () -> Parameters.text("sub", "a\u0000b", 200));
        refused("sub", () -> Parameters.text("sub", "x".repeat(201), 200));
    }

    private static void refused(String name, Executable read) {
        assertThatThrownBy(read::execute).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo(name));
        });
    }
}
