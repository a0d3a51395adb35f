package uk.mash.bench;

/** What {@link BenchReplay} measured: the log it ran on, the rebuild and the integrity check. */
record ReplayRun(ScratchLogResult log, ReplayResult replay, IntegrityResult integrity) {
}
