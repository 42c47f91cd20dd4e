package org.backprop.server.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.backprop.server.dataset.DatasetStore;
import org.backprop.server.submission.BlobStore;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports in {@code /q/health/ready} whether this server can store submissions and datasets: each store takes a
 * small write (a file in the folder, an object in the bucket), and one that refuses makes the server not ready,
 * with where and why.
 */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck implements HealthCheck {
    @Inject
    BlobStore blobs;

    @Inject
    DatasetStore datasets;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("storage").up();
        probe(response, "blobs", blobs.objects());
        probe(response, "datasets", datasets.objects());
        return response.build();
    }

    private static void probe(HealthCheckResponseBuilder response, String area, ObjectStore store) {
        try {
            store.probe();
            response.withData(area, "writable: " + store.describe());
        } catch (IOException | RuntimeException e) {
            response.down().withData(area, "cannot write to " + store.describe() + ": " + e);
        }
    }
}
