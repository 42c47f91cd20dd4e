package org.backprop.server.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/** A grading job exists exactly when its submission does: both are written in one transaction. */
@QuarkusTest
class SubmissionListenerTest {
    @Inject
    Fixtures fixtures;

    @Inject
    GradingFixtures grading;

    @Test
    void queuesAJobInTheCourseOfTheSubmittingTeam() {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        long team = grading.team(cohort, 1);
        long submission = grading.submitHello(grading.assignment(GradingFixtures.RUBRIC), team);
        GradingJob job = fixtures.inTransaction(() -> GradingJob.<GradingJob>find("submissionId", submission)
                .singleResult());
        assertEquals(cohort.id(), job.courseId);
        assertEquals(JobState.QUEUED, job.state);
        assertEquals(JobReason.SUBMISSION, job.reason);
    }

    @Test
    void queuesNothingWhenTheSubmissionIsRolledBack() {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        long team = grading.team(cohort, 1);
        long assignment = grading.assignment(GradingFixtures.RUBRIC);
        long submission = assertThrows(GradingFixtures.RolledBack.class,
                () -> grading.submitAndRollBack(assignment, team)).submission();
        assertEquals(0L, fixtures.inTransaction(() -> GradingJob.count("submissionId", submission)));
    }

    @Test
    void refusesASubmissionOfATeamThatDoesNotExist() {
        long assignment = grading.assignment(GradingFixtures.RUBRIC);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> grading.submitHello(assignment, 0));
        assertEquals("names team 0, which does not exist", error.getMessage().replaceFirst("^Submission \\d+ ", ""));
    }
}
