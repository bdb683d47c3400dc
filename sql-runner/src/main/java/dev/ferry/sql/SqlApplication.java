package dev.ferry.sql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.flink.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program a SQL script runs as in application mode: Flink's application entry point calls
 * {@link #main} on the JobManager with the execution environment of that cluster installed as
 * context, so the script's job is submitted to the dispatcher right there. The script travels as
 * a program argument, Base64 encoded so quotes, semicolons and line breaks survive.
 */
public final class SqlApplication {

  private static final Logger LOG = LoggerFactory.getLogger(SqlApplication.class);
  private static final String SCRIPT_OPTION = "--script-base64";

  private SqlApplication() {}

  /** {@code --script-base64 <Base64 of the UTF-8 script>}. */
  public static void main(String[] args) throws Exception {
    SqlScript script = SqlScript.parse(scriptFrom(args));
    SqlScriptRunner runner = new SqlScriptRunner(new Configuration());
    PreparedScript prepared = runner.prepare(script, false);
    if (!prepared.hasJob()) {
      LOG.warn("The script has no INSERT: it runs its statements and starts no job");
    }
    SqlRunResult result = runner.submit(prepared);
    result.queries().forEach(output -> LOG.info("{}: {}", output.sql(), output.rows()));
    result.jobId().ifPresent(id -> LOG.info("Submitted the script's job {}", id));
  }

  static String scriptFrom(String[] args) {
    if (args.length != 2 || !SCRIPT_OPTION.equals(args[0])) {
      throw new IllegalArgumentException("usage: SqlApplication " + SCRIPT_OPTION + " <script>");
    }
    byte[] utf8 = Base64.getDecoder().decode(args[1]);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
