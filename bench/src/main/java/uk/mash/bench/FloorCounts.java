package uk.mash.bench;

/**
 * The physical work done so far, read at a window's start and end for {@link FloorResult}: rows the
 * service databases changed, records the stack wrote to its topics.
 */
record FloorCounts(long rowsChanged, long kafkaRecords) {
}
