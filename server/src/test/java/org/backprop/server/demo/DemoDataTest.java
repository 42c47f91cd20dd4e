package org.backprop.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.backprop.server.account.Account;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.course.Course;
import org.backprop.server.course.CourseMember;
import org.backprop.server.course.CourseRole;
import org.backprop.server.dataset.Dataset;
import org.backprop.server.dataset.DatasetShard;
import org.backprop.server.team.TeamSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {
    @Inject
    DemoData demoData;

    @Test
    void createsTheDemoCourseOnceAndListsItsAccounts() {
        List<String> first = demoData.createIfMissing();
        List<String> second = demoData.createIfMissing();

        assertEquals(first, second);
        assertEquals(15, first.size());
        assertEquals("INSTRUCTOR   instructor@demo.backprop.dev (Prof. Kim)", first.get(0));
        Course course = Course.findByCode(DemoData.COURSE_CODE).orElseThrow();
        assertEquals(1, Course.count("code", DemoData.COURSE_CODE));
        assertEquals(12, CourseMember.count("key.courseId = ?1 and role = ?2", course.id, CourseRole.STUDENT));
        TeamSet teams = TeamSet.<TeamSet>find("courseId", course.id).singleResult();
        assertEquals(DemoData.TEAM_SET, teams.name);
        assertEquals(3, teams.minSize);
        assertEquals(4, teams.maxSize);
        assertTrue(teams.selectionOpen(Instant.now().plus(Duration.ofDays(6))),
                () -> "selection should stay open for a week, closes at " + teams.selectionClosesAt);
        Account student = Account.findByEmail("student07@demo.backprop.dev").orElseThrow();
        assertTrue(BcryptUtil.matches(DemoData.PASSWORD, student.passwordHash), "the printed password signs in");
    }

    @Inject
    DemoDatasets demoDatasets;

    @Test
    void importsFashionMnistAndMnistFromTheirPackagesOnceWithTheTestSplitsHidden() {
        demoData.createIfMissing();
        List<String> first = demoDatasets.importIfMissing();
        List<String> again = demoDatasets.importIfMissing();

        assertTrue(first.get(0).equals("fashion_mnist 1.0.0: imported now, test 10000 (hidden), train 60000")
                || first.get(0).equals("fashion_mnist 1.0.0: imported"), first::toString);
        assertTrue(first.get(1).matches("mnist 1\\.0\\.0: imported now, test 1[0-9]{3} \\(hidden\\), train [0-9]{4}")
                || first.get(1).equals("mnist 1.0.0: imported"), first::toString);
        assertEquals(List.of("fashion_mnist 1.0.0: imported", "mnist 1.0.0: imported"), again);
        long course = Course.findByCode(DemoData.COURSE_CODE).orElseThrow().id;
        for (String name : List.of("fashion_mnist", "mnist")) {
            Dataset dataset = Dataset.<Dataset>find("courseId = ?1 and name = ?2", course, name).singleResult();
            assertEquals("1.0.0", dataset.version);
            assertTrue(DatasetShard.count("key.datasetId = ?1 and key.split = ?2 and hidden = true", dataset.id,
                    "test") > 0, name);
            assertEquals(0, DatasetShard.count("key.datasetId = ?1 and key.split = ?2 and hidden = true", dataset.id,
                    "train"), name);
        }
    }

    @Test
    void publishesEveryAssignmentFolderIntoTheDemoCourse() {
        demoData.createIfMissing();
        List<String> first = demoData.publishAssignments();
        List<String> again = demoData.publishAssignments();

        assertEquals(first, again, "a restart re-publishes and keeps the deadline");
        assertEquals(1, first.size(), () -> "one folder in assignments/, got " + first);
        assertTrue(first.get(0).startsWith("hw-convnets: \"Team homework: modern convnets on two datasets\", due "),
                first.get(0));
        long course = Course.findByCode(DemoData.COURSE_CODE).orElseThrow().id;
        assertEquals(1, Assignment.count("courseId = ?1 and slug = ?2", course, "hw-convnets"));
        String spec = Assignment.<Assignment>find("courseId = ?1 and slug = ?2", course, "hw-convnets").singleResult()
                .specJson;
        assertTrue(spec.contains("\"name\":\"fashion_mnist\"") && spec.contains("\"name\":\"mnist\""), spec);
        assertFalse(spec.contains("rock_paper_scissors"), "the demo's copy names the demo's datasets: " + spec);
    }
}
