package dev.ferry.launcher.logs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.logs.LoggedContainer.LogFile;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.logaggregation.ContainerLogFileInfo;
import org.apache.hadoop.yarn.logaggregation.ContainerLogMeta;
import org.apache.hadoop.yarn.logaggregation.ContainerLogsRequest;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileController;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileControllerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The logs of an ended application, from YARN's log aggregation on the cluster file system, read
 * with Hadoop's own readers ({@link LogAggregationFileControllerFactory}, as {@code yarn logs} does):
 * every attempt's JobManager and every TaskManager, also the ones that died before the end.
 */
public final class AggregatedLogs implements LogSource {

    /** Where Hadoop's reader puts the file's text, between its header lines and its footer. */
    private static final String CONTENTS = "LogContents:\n";

    private static final String END = "\nEnd of LogType:";

    private final Supplier<Configuration> hadoopConf;
    private final Map<String, String> nodeOfContainer = new ConcurrentHashMap<>();

    public AggregatedLogs(Supplier<Configuration> hadoopConf) {
        this.hadoopConf = hadoopConf;
    }

    @Override
    public List<LoggedContainer> containers(ApplicationReport application) {
        List<LoggedContainer> containers = new ArrayList<>();
        try {
            for (ContainerLogMeta meta : controller(application).readAggregatedLogsMeta(request(application))) {
                nodeOfContainer.put(meta.getContainerId(), meta.getNodeId());
                List<LogFile> files = meta.getContainerLogMeta().stream()
                        .map(AggregatedLogs::file)
                        .toList();
                containers.add(new LoggedContainer(
                        meta.getContainerId(),
                        attemptOf(meta.getContainerId()),
                        files.stream().anyMatch(f -> f.name().startsWith("jobmanager")),
                        files));
            }
        } catch (IOException | RuntimeException e) {
            throw unavailable(application, e);
        }
        if (containers.isEmpty()) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE,
                    "YARN has no aggregated logs of " + application.getApplicationId() + " (yet): log aggregation"
                            + " collects them when the application ends, so retry in a few seconds; if it stays empty,"
                            + " turn on yarn.log-aggregation-enable");
        }
        containers.sort(Comparator.comparing((LoggedContainer c) -> !c.jobManager())
                .thenComparingInt(LoggedContainer::attempt)
                .thenComparing(LoggedContainer::id));
        return containers;
    }

    @Override
    public String read(ApplicationReport application, LoggedContainer container, String file, long offset) {
        ContainerLogsRequest request = request(application);
        request.setContainerId(container.id());
        request.setNodeId(nodeOfContainer.get(container.id()));
        request.setLogTypes(Set.of(file));
        request.setBytes(offset < 0 ? offset : Long.MAX_VALUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            controller(application).readAggregatedLogs(request, out);
        } catch (IOException | RuntimeException e) {
            throw unavailable(application, e);
        }
        String text = contents(out.toString(StandardCharsets.UTF_8));
        return offset > 0 ? text.substring((int) Math.min(offset, text.length())) : text;
    }

    @Override
    public String describe() {
        return "YARN's aggregated logs";
    }

    /** The file's own text out of what Hadoop's reader writes around it ("LogType: …", "LogContents:", "End of …"). */
    static String contents(String written) {
        int start = written.indexOf(CONTENTS);
        if (start < 0) {
            return written;
        }
        int end = written.lastIndexOf(END);
        return written.substring(start + CONTENTS.length(), end < start ? written.length() : end);
    }

    private LogAggregationFileController controller(ApplicationReport application) throws IOException {
        return new LogAggregationFileControllerFactory(hadoopConf.get())
                .getFileControllerForRead(application.getApplicationId(), application.getUser());
    }

    private static ContainerLogsRequest request(ApplicationReport application) {
        ContainerLogsRequest request = new ContainerLogsRequest();
        request.setAppId(application.getApplicationId());
        request.setAppOwner(application.getUser());
        request.setAppFinished(true);
        return request;
    }

    private static LogFile file(ContainerLogFileInfo info) {
        long size;
        try {
            size = Long.parseLong(info.getFileSize());
        } catch (NumberFormatException e) {
            size = 0;
        }
        return new LogFile(info.getFileName(), size);
    }

    /** container_[e17_]<cluster>_<app>_<attempt>_<number>: the attempt is the second field from the end. */
    static int attemptOf(String containerId) {
        String[] parts = containerId.split("_");
        try {
            return Integer.parseInt(parts[parts.length - 2]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static FerryException unavailable(ApplicationReport application, Exception e) {
        ApplicationId id = application.getApplicationId();
        return new FerryException(
                ExitCode.UNAVAILABLE,
                "Cannot read the aggregated logs of " + id + ": " + FerryException.rootCauseMessage(e)
                        + " (check yarn.nodemanager.remote-app-log-dir and that the file system is up)",
                e);
    }
}
