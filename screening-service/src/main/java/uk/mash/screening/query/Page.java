package uk.mash.screening.query;

import java.util.List;

/** One page of a list, and how many match in all. */
public record Page<T>(List<T> items, long total) {
}
