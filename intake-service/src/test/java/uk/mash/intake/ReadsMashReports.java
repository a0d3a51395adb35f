package uk.mash.intake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import uk.mash.contracts.Topics;
import uk.mash.testsupport.TopicReader;

/** A test that reads what intake published: {@code mash.reports} from its start, a fresh reader each test. */
abstract class ReadsMashReports {

    TopicReader topic;

    @BeforeEach
    void subscribe() {
        topic = new TopicReader(Topics.REPORTS);
    }

    @AfterEach
    void close() {
        topic.close();
    }
}
