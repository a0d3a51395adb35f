package uk.mash.bench;

/** A full ordered scan of an audit_entries table by plain JDBC ({@link BenchLiveLog#rawScan}). */
record RawScan(long rows, double rowsPerSecond) {
}
