package dev.ferry.sql;

import org.apache.flink.table.operations.ModifyOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enforces one job per script (Ferry keys restarts and savepoints on it) and gathers the INSERTs
 * of the SQL client's {@code BEGIN STATEMENT SET; ...; END;} form into that job.
 */
final class JobCollector {

    private SqlStatement job;
    private SqlStatement openSet;
    private final List<Step.Insert> setInserts = new ArrayList<>();

    /** A job started by one statement: an INSERT, or EXECUTE STATEMENT SET BEGIN ... END. */
    Step.Job single(SqlStatement statement, List<ModifyOperation> operations) {
        claim(statement);
        List<Step.Insert> inserts = operations.stream()
                .map(operation -> new Step.Insert(statement, operation))
                .toList();
        return new Step.Job(statement, inserts);
    }

    void begin(SqlStatement statement) {
        if (openSet != null) {
            throw StatementErrors.at(
                    statement,
                    "a statement set is already open (line " + openSet.line() + "); close it with END first");
        }
        openSet = statement;
    }

    void add(SqlStatement statement, ModifyOperation operation) {
        setInserts.add(new Step.Insert(statement, operation));
    }

    /** Closes the open statement set; an empty one starts no job. */
    Optional<Step.Job> end(SqlStatement statement) {
        if (openSet == null) {
            throw StatementErrors.at(statement, "END without BEGIN STATEMENT SET");
        }
        SqlStatement begin = openSet;
        openSet = null;
        if (setInserts.isEmpty()) {
            return Optional.empty();
        }
        claim(begin);
        return Optional.of(new Step.Job(begin, List.copyOf(setInserts)));
    }

    boolean inStatementSet() {
        return openSet != null;
    }

    /** A statement set left open at the end of the script is an error at its BEGIN. */
    void checkClosed() {
        if (openSet != null) {
            throw StatementErrors.at(openSet, "BEGIN STATEMENT SET is not closed with END");
        }
    }

    private void claim(SqlStatement statement) {
        if (job != null) {
            throw StatementErrors.at(
                    statement,
                    "the script starts a second job; put all INSERTs into one EXECUTE STATEMENT SET"
                            + " so they run as one job");
        }
        job = statement;
    }
}
