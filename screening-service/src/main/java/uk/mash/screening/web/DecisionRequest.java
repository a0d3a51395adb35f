package uk.mash.screening.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import uk.mash.contracts.Outcome;
import uk.mash.contracts.Route;

/** The rules beyond the shape (RED outcomes, routes, rationale, supersedes) are the DecisionPolicy's. */
public record DecisionRequest(@NotNull Outcome outcome, @Size(max = 20000) String rationale, Set<Route> routes,
                              @Size(max = 20000) String supersedesReason) {
}
