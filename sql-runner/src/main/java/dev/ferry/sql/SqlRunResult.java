package dev.ferry.sql;

import org.apache.flink.api.common.JobID;

import java.util.List;
import java.util.Optional;

/**
 * What submitting a script produced.
 *
 * @param jobId the script's one job (its INSERT or statement set), if it has one
 * @param queries the results of its SELECT, SHOW, EXPLAIN and DESCRIBE statements, in script order
 */
public record SqlRunResult(Optional<JobID> jobId, List<QueryResult> queries) {}
