package uk.mash.screening.command;

import java.time.Instant;
import java.util.UUID;
import uk.mash.contracts.Agency;
import uk.mash.contracts.Rag;

/** What the Case remembers of one of its requests for information: enough to check and re-time it. */
record InformationRequest(UUID requestId, Agency agency, Instant requestedAt, Instant dueBy, Rag rag, Status status,
                          boolean overdue) {

    enum Status { OPEN, ANSWERED, DECLINED }

    static InformationRequest asked(UUID requestId, Agency agency, Instant requestedAt, Instant dueBy, Rag rag) {
        return new InformationRequest(requestId, agency, requestedAt, dueBy, rag, Status.OPEN, false);
    }

    boolean open() {
        return status == Status.OPEN;
    }

    InformationRequest retimed(Instant newDueBy, Rag newRag) {
        return new InformationRequest(requestId, agency, requestedAt, newDueBy, newRag, status, overdue);
    }

    InformationRequest closed(Status closedAs) {
        return new InformationRequest(requestId, agency, requestedAt, dueBy, rag, closedAs, overdue);
    }

    InformationRequest markedOverdue() {
        return new InformationRequest(requestId, agency, requestedAt, dueBy, rag, status, true);
    }
}
