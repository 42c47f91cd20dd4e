package org.backprop.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.backprop.server.account.Account;
import org.backprop.server.course.Course;
import org.backprop.server.course.CourseMember;
import org.backprop.server.course.CourseRole;
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
        assertEquals(1, Course.count("code", DemoData.COURSE_CODE));
        assertEquals(12, CourseMember.count("role", CourseRole.STUDENT));
        Account student = Account.findByEmail("student07@demo.backprop.dev").orElseThrow();
        assertTrue(BcryptUtil.matches(DemoData.PASSWORD, student.passwordHash), "the printed password signs in");
    }
}
