package uk.mash.routing.web;

import jakarta.validation.constraints.Size;

/** {@code {"note": "..."}}: what the receiving team wants the hub to know; optional. */
public record AcknowledgementRequest(@Size(max = 4000, message = "must be at most 4000 characters") String note) {
}
