package dev.ferry.launcher.jobs;

import dev.ferry.sql.QueryResult;

import java.util.List;
import java.util.Optional;

/** What a SQL script did: the job it started, if any, and the rows of its queries. */
public record SqlOutcome(Optional<StartedJob> job, List<QueryResult> queries) {}
