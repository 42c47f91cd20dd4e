package org.backprop.server.storage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backprop.server.submission.SubmissionConfig;
import org.junit.jupiter.api.Test;

/** The storage readiness check with the default local folders. */
@QuarkusTest
class StorageReadinessTest {
    @Inject
    SubmissionConfig submissions;

    @Test
    void isReadyWhileTheFoldersTakeWritesAndSaysWhichOneDoesNot() throws Exception {
        Path blobs = submissions.blobDir().toAbsolutePath();
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'storage' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'storage' }.data.blobs", equalTo("writable: the folder " + blobs));

        Path aside = blobs.resolveSibling(blobs.getFileName() + "-aside");
        Files.move(blobs, aside);
        Files.writeString(blobs, "a file where the folder should be");
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'storage' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'storage' }.data.blobs", equalTo("cannot write to the folder "
                            + blobs + ": java.nio.file.FileAlreadyExistsException: " + blobs));
        } finally {
            Files.delete(blobs);
            Files.move(aside, blobs);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}
