package dev.ferry.launcher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** The outcome of one in-process {@code ferry} command line, for tests. */
public record FerryCliRun(int exitCode, String stdout, String stderr) {

    public static FerryCliRun run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new FerryCliRun(code, out.toString(), err.toString());
    }
}
