package dev.ferry.launcher.cli.sandbox;

import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.output.Table;
import dev.ferry.sandbox.status.SandboxStatus;
import dev.ferry.sandbox.status.ServiceStatus;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the sandbox looks in text and in the documented JSON schema (docs/cli.md). */
public final class SandboxStatusPrinter {

    private SandboxStatusPrinter() {}

    static void print(PrintWriter out, SandboxStatus status, boolean json) {
        if (json) {
            Json.print(out, toJson(status));
            return;
        }
        out.println("Sandbox " + (status.running() ? "running (pid " + status.pid() + ")" : "not running") + ", state "
                + status.state());
        if (!status.services().isEmpty()) {
            Table table = new Table("SERVICE", "ADDRESS", "UP");
            for (ServiceStatus service : status.services()) {
                table.row(service.name(), service.address(), service.up() ? "yes" : "no");
            }
            table.print(out);
        }
        out.println("Hadoop client configuration: " + status.confDir());
        out.println("Data: " + status.dataDir() + "   Log: " + status.logFile());
        if (!status.message().isBlank()) {
            out.println("Last message: " + status.message());
        }
        status.notes().forEach(note -> out.println("Note: " + note));
        out.flush();
    }

    /** {@code sandbox status -o json} and {@code sandbox start -o json}. */
    public static Map<String, Object> toJson(SandboxStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("running", status.running());
        json.put("healthy", status.healthy());
        json.put("state", status.state().name());
        json.put("pid", status.pid());
        Map<String, Object> services = new LinkedHashMap<>();
        for (ServiceStatus service : status.services()) {
            services.put(service.name(), Map.of("address", service.address(), "up", service.up()));
        }
        json.put("services", services);
        json.put("confDir", status.confDir().toString());
        json.put("dataDir", status.dataDir().toString());
        json.put("logFile", status.logFile().toString());
        json.put("message", status.message());
        json.put("notes", status.notes());
        return json;
    }
}
