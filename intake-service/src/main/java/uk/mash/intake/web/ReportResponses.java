package uk.mash.intake.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import uk.mash.intake.report.Acceptance;
import uk.mash.intake.store.StoredReport;

/** 202 with the new report's location, or 200 with the first answer to a repeated submission. */
final class ReportResponses {

    private ReportResponses() {
    }

    static Response accepted(Acceptance acceptance) {
        ReportResponse body = new ReportResponse(acceptance.reportId(), acceptance.reference(), acceptance.receivedAt(),
                StoredReport.RECEIVED, null, null);
        return Response.status(acceptance.repeat() ? Response.Status.OK : Response.Status.ACCEPTED)
                .location(URI.create("/api/v1/reports/" + acceptance.reportId()))
                .entity(body)
                .build();
    }
}
