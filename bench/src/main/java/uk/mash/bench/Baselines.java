package uk.mash.bench;

/**
 * The raw speed of this machine's broker and database, measured in the same run
 * ({@link BenchKafkaBaseline}, {@link BenchJdbcBaseline}): what the pipeline is compared with.
 */
record Baselines(double kafkaPerSecond, double jdbcPerSecond) {
}
