package dev.ferry.launcher.health;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.JobLocator;
import dev.ferry.launcher.jobs.LiveJob;
import dev.ferry.launcher.jobs.LocatedJob;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;
import dev.ferry.launcher.yarn.YarnCluster;

/**
 * Reads how a job is doing now, for {@code ferry metrics} and {@code ferry diagnose}: the job is
 * found by name or id wherever it runs (or ran, while its cluster still knows it), and read from
 * its JobManager, with the containers YARN ran for its cluster.
 */
public final class JobInspector {

    private final JobLocator locator;
    private final JobManagers jobManagers;
    private final YarnCluster yarn;
    private final JobHealthReader reader;

    public JobInspector(JobLocator locator, JobManagers jobManagers, YarnCluster yarn, JobHealthReader reader) {
        this.locator = locator;
        this.jobManagers = jobManagers;
        this.yarn = yarn;
        this.reader = reader;
    }

    public InspectedJob inspect(String nameOrId) {
        LocatedJob job = locator.locate(nameOrId);
        LiveJob run = job.live()
                .orElseThrow(() -> new FerryException(
                        ExitCode.CONFLICT,
                        "Job '" + job.name() + "' runs on no cluster now, so there is nothing live to read:"
                                + " 'ferry logs " + job.name() + "' shows what its last run logged"));
        try (JobManager jobManager = jobManagers.open(run.cluster())) {
            JobHealth health = reader.read(jobManager, run.details().getJobId());
            return new InspectedJob(
                    job.name(),
                    run.clusterName(),
                    run.cluster().getApplicationId().toString(),
                    health,
                    yarn.containers(run.cluster().getApplicationId()));
        }
    }
}
