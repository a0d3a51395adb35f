package uk.mash.screening.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Channel;
import uk.mash.contracts.Rag;
import uk.mash.contracts.events.CaseOpened;

/**
 * A case's view is written in one statement that keeps the newest: an opening replayed over a view
 * that has moved on (a processor reset, a redelivery) leaves the screeners' view as it was.
 */
@QuarkusTest
class CaseViewStoreIT {

    @Inject
    CaseViewStore views;

    @Test
    void aViewIsWrittenOnlyOverAnOlderOne() {
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CaseOpened opened = new CaseOpened(caseId, "MASH-2026-990401", UUID.randomUUID(), now, now.plus(1, ChronoUnit.DAYS),
                List.of(), List.of(), Rag.AMBER, false, List.of(), null, now, Agency.EDUCATION, Channel.ONLINE);

        CaseView first = CaseView.opened(opened);
        first.version = 0;
        assertThat(views.save(first)).as("the opening written").isTrue();

        CaseView rated = CaseView.opened(opened);
        rated.rag = Rag.RED;
        rated.version = 3;
        assertThat(views.save(rated)).as("a newer view written over it").isTrue();

        CaseView replayed = CaseView.opened(opened);
        replayed.version = 0;
        assertThat(views.save(replayed)).as("the opening replayed").isFalse();
        CaseView same = CaseView.opened(opened);
        same.version = 3;
        assertThat(views.save(same)).as("the same version again").isFalse();

        CaseView stored = views.find(caseId).orElseThrow();
        assertThat(stored.version).isEqualTo(3);
        assertThat(stored.rag).isEqualTo(Rag.RED);
        assertThat(views.version(caseId)).isEqualTo(3);
    }
}
