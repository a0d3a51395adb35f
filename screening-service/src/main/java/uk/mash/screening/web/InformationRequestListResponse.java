package uk.mash.screening.web;

import java.util.List;
import uk.mash.screening.query.InformationRequestItem;

/** {@code GET /api/v1/information-requests}: a page of requests to an agency, soonest due first. */
public record InformationRequestListResponse(List<InformationRequestItem> items, long total) {
}
