package uk.mash.screening.command;

import uk.mash.contracts.Channel;
import uk.mash.contracts.events.ReportReceived;

/** Why a report itself rated its case, in the words a screener would read. */
final class FirstRating {

    private FirstRating() {
    }

    static String rationale(ReportReceived report) {
        if (report.immediateRisk()) {
            return "The report says there is immediate risk.";
        }
        if (report.channel() == Channel.POLICE_NOTIFICATION && report.police() != null) {
            return "Police graded the notification " + report.police().riskGrade() + ".";
        }
        return "Rated by the report.";
    }
}
