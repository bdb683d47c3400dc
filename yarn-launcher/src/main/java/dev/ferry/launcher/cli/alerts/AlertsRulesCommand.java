package dev.ferry.launcher.cli.alerts;

import dev.ferry.launcher.cli.FerrySubcommand;
import dev.ferry.launcher.monitoring.AlertRules;

import picocli.CommandLine.Command;

/**
 * {@code ferry alerts rules}: Prometheus's rules file from this installation's ferry.alerts.*
 * settings, on stdout, for the operator to put where Prometheus loads rules from.
 */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = {
            "Print Prometheus alerting rules with this installation's thresholds (ferry.alerts.* in"
                    + " conf/ferry.yaml or -D, per-job values in ferry.alerts.<alert>.jobs).",
            "conf/prometheus/ferry-alerts.yml is the same with the defaults. Reload Prometheus after replacing it:",
            "  ferry alerts rules > /etc/prometheus/rules/ferry-alerts.yml && curl -X POST http://prometheus:9090/-/reload"
        })
public final class AlertsRulesCommand extends FerrySubcommand {

    @Override
    public Integer call() {
        out().print(AlertRules.render(context().configuration().toFlinkConfiguration()));
        out().flush();
        return 0;
    }
}
