package uk.mash.intake.report;

import java.util.Optional;
import uk.mash.contracts.Actor;

/** A report as submitted, waiting to be accepted: who sent it, what it says, and its key if it has one. */
public record Submission(Actor submittedBy, ReportDraft draft, Optional<SubmissionKey> key) {
}
