package dev.ferry.launcher.yarn;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.hadoop.yarn.api.records.QueueACL;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.QueueStatistics;
import org.apache.hadoop.yarn.api.records.QueueUserACLInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads YARN's queues and checks that a queue can take a new cluster before anything is deployed. */
public final class QueueInspector {

    private static final String ROOT = "root";

    private final YarnCluster yarn;

    public QueueInspector(YarnCluster yarn) {
        this.yarn = yarn;
    }

    public List<QueueView> listQueues() {
        Set<String> submittable = submittableQueues();
        List<QueueView> queues = new ArrayList<>();
        // YARN returns the children of the root queue; both schedulers name the root "root".
        for (QueueInfo topLevel : yarn.rootQueues()) {
            collect(topLevel, ROOT, submittable, queues);
        }
        queues.sort(Comparator.comparing(QueueView::path));
        return queues;
    }

    /**
     * Fails with a one-line error listing the queues that would work, unless {@code queue} is a
     * running leaf queue the user may submit to. Accepts a leaf name or a full path.
     */
    public QueueView requireUsableLeafQueue(String queue) {
        List<QueueView> queues = listQueues();
        QueueView match = queues.stream()
                .filter(q -> q.name().equals(queue) || q.path().equals(queue))
                .findFirst()
                .orElse(null);
        String usable = queues.stream()
                .filter(QueueView::acceptsSubmissions)
                .map(QueueView::name)
                .collect(Collectors.joining(", "));
        if (match == null) {
            throw new FerryException(
                    ExitCode.USAGE, "YARN has no queue '" + queue + "': use --queue with one of: " + usable);
        }
        if (!match.leaf()) {
            throw new FerryException(
                    ExitCode.USAGE,
                    "Queue '" + queue + "' is a parent queue and takes no applications: use --queue with one of: "
                            + usable);
        }
        if (!match.acceptsSubmissions()) {
            String why = "RUNNING".equals(match.state()) ? "does not let you submit" : "is " + match.state();
            throw new FerryException(
                    ExitCode.USAGE, "Queue '" + queue + "' " + why + ": use --queue with one of: " + usable);
        }
        return match;
    }

    private Set<String> submittableQueues() {
        Set<String> names = new HashSet<>();
        for (QueueUserACLInfo acl : yarn.queueAcls()) {
            if (acl.getUserAcls().contains(QueueACL.SUBMIT_APPLICATIONS)) {
                names.add(acl.getQueueName());
            }
        }
        return names;
    }

    private static void collect(QueueInfo queue, String parentPath, Set<String> submittable, List<QueueView> out) {
        String path = parentPath + "." + queue.getQueueName();
        boolean leaf = queue.getChildQueues() == null || queue.getChildQueues().isEmpty();
        QueueStatistics stats = queue.getQueueStatistics();
        out.add(new QueueView(
                queue.getQueueName(),
                path,
                leaf,
                String.valueOf(queue.getQueueState()),
                submittable.contains(path) || submittable.contains(queue.getQueueName()),
                queue.getCapacity() * 100f,
                queue.getMaximumCapacity() * 100f,
                queue.getCurrentCapacity() * 100f,
                stats == null ? 0 : stats.getAllocatedMemoryMB(),
                stats == null ? 0 : stats.getAvailableMemoryMB(),
                stats == null ? 0 : stats.getPendingMemoryMB(),
                stats == null ? 0 : (int) stats.getNumAppsRunning(),
                stats == null ? 0 : (int) stats.getNumAppsPending()));
        if (!leaf) {
            for (QueueInfo child : queue.getChildQueues()) {
                collect(child, path, submittable, out);
            }
        }
    }
}
