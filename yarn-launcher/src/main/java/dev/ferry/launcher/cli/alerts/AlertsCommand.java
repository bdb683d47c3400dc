package dev.ferry.launcher.cli.alerts;

import picocli.CommandLine.Command;

/** {@code ferry alerts}: the alerting rules Prometheus evaluates over Ferry's metrics. */
@Command(
        name = "alerts",
        mixinStandardHelpOptions = true,
        description = "Alerting rules for Prometheus over the metrics Ferry's clusters push.",
        subcommands = AlertsRulesCommand.class)
public final class AlertsCommand {}
