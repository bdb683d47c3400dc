package dev.ferry.launcher.jobs;

import dev.ferry.launcher.jobs.record.JobPlacement;
import dev.ferry.sql.QueryLimits;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SQL script as an operator asked to run it: in a session, or as an application cluster.
 *
 * @param scriptName where the script came from, for messages and as the stored file's name
 * @param debug a debug run (session only): each INSERT's rows are printed instead of written
 * @param queryLimits where its SELECT queries stop (rows, time); their jobs are cancelled then
 * @param sources tables a debug run reads from samples instead: table as the script names it to
 *     sample name ({@code --source TABLE=SAMPLE})
 * @param jars the jars its functions and connectors come from besides {@code lib/} ({@code --jar}):
 *     local paths or cluster URIs
 */
public record SqlJobSpec(
        String script,
        String scriptName,
        Optional<String> name,
        Optional<Integer> parallelism,
        JobPlacement placement,
        Optional<String> restorePath,
        boolean detached,
        List<String> jars,
        QueryLimits queryLimits,
        boolean debug,
        Map<String, String> sources) {

    public SqlJobSpec {
        jars = List.copyOf(jars);
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }
}
