package org.backprop.server.grading;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.backprop.grader.pipeline.GradingPipeline;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.SandboxReadiness;
import org.backprop.grader.worker.GradingLoop;
import org.backprop.server.dataset.DatasetStore;
import org.jboss.logging.Logger;

/**
 * The server's own grading worker for the single-machine default: the grader's {@link GradingLoop}, the same loop a
 * remote worker runs, over the queue in process and the server's dataset store. At shutdown the jobs it grades go
 * back to the queue at once, to be leased again by the next server or another worker; after a crash, the server that
 * starts next on the same machine queues them again as it starts.
 */
@ApplicationScoped
public class InProcessWorker {
    private static final Logger LOG = Logger.getLogger(InProcessWorker.class);

    @Inject
    GradingConfig config;

    @Inject
    WorkerService workers;

    @Inject
    GradingQueue queue;

    @Inject
    GradingPipeline pipeline;

    @Inject
    NodeSandbox sandbox;

    @Inject
    DatasetStore datasetStore;

    private GradingLoop loop;

    void start(@Observes StartupEvent startup) {
        if (!config.inProcess().enabled()) {
            return;
        }
        int count = config.inProcess().workers();
        LeaseHolder holder = LeaseHolder.inProcess(hostName());
        int abandoned = queue.expireLeasesOf(holder);
        if (abandoned > 0) {
            LOG.infof("%d job(s) this server was grading when it stopped are queued again", abandoned);
        }
        loop = new GradingLoop(new InProcessJobSource(workers, queue, holder), datasetStore::shard,
                pipeline::grade, sandbox::readiness, new GradingLoop.Settings(count, config.inProcess().pollInterval(),
                        config.inProcess().pollInterval()));
        loop.start();
        SandboxReadiness readiness = sandbox.readiness();
        if (readiness.ready()) {
            LOG.infof("Grading %d job(s) at a time in process", count);
        } else {
            LOG.errorf("Grading is paused until the sandbox works; jobs wait in the queue: %s", readiness.detail());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (loop != null) {
            loop.shutdown(Duration.ZERO);
        }
    }
}
