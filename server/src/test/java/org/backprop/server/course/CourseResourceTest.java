package org.backprop.server.course;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CourseResourceTest {
    @Inject
    Fixtures fixtures;

    @Test
    void createsACourseInItsTimeZoneWithItsCreatorAsInstructor() {
        Fixtures.User admin = fixtures.admin("admin");
        String code = Fixtures.unique("dl").toUpperCase();
        int id = given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "title", "Deep Learning", "timeZone", "Asia/Seoul"))
                .when().post("/api/courses").then()
                .statusCode(201)
                .body("code", equalTo(code))
                .body("timeZone", equalTo("Asia/Seoul"))
                .body("myRole", equalTo("INSTRUCTOR"))
                .extract().path("id");

        given().auth().oauth2(admin.token()).when().get("/api/courses/" + id).then()
                .statusCode(200).body("title", equalTo("Deep Learning"));
        given().auth().oauth2(admin.token()).when().get("/api/courses").then()
                .statusCode(200).body("items.code", hasItem(code));
    }

    @Test
    void letsInstructorsButNotStudentsCreateCourses() {
        Fixtures.User instructor = fixtures.account("instructor");
        Fixtures.User student = fixtures.account("student");
        long course = fixtures.course("Existing");
        fixtures.enrol(course, instructor, CourseRole.INSTRUCTOR);
        fixtures.enrol(course, student, CourseRole.STUDENT);
        Map<String, String> body = Map.of("code", Fixtures.unique("new"), "title", "Next term", "timeZone", "Europe/Berlin");

        given().auth().oauth2(instructor.token()).contentType(ContentType.JSON).body(body)
                .when().post("/api/courses").then().statusCode(201);
        given().auth().oauth2(student.token()).contentType(ContentType.JSON).body(body)
                .when().post("/api/courses").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("Only administrators and instructors can create courses."));
    }

    @Test
    void letsItsInstructorsChangeTitleAndTimeZoneButNotItsTas() {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        String path = "/api/courses/" + cohort.id();
        given().auth().oauth2(cohort.instructor().token()).contentType(ContentType.JSON)
                .body(Map.of("title", "Deep Learning II", "timeZone", " Europe/Berlin "))
                .when().put(path).then()
                .statusCode(200)
                .body("title", equalTo("Deep Learning II"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("myRole", equalTo("INSTRUCTOR"));
        given().auth().oauth2(cohort.students().get(0).token()).when().get(path).then()
                .statusCode(200).body("timeZone", equalTo("Europe/Berlin"));
        given().auth().oauth2(cohort.instructor().token()).contentType(ContentType.JSON)
                .body(Map.of("title", "T", "timeZone", "Berlin"))
                .when().put(path).then()
                .statusCode(400)
                .body("detail", equalTo("\"Berlin\" is not a time zone. Use an IANA name such as Asia/Seoul or"
                        + " Europe/Berlin."));
        given().auth().oauth2(cohort.ta().token()).contentType(ContentType.JSON)
                .body(Map.of("title", "T", "timeZone", "UTC"))
                .when().put(path).then()
                .statusCode(403)
                .body("detail", equalTo("Only the instructors of this course can change the course's settings."));
    }

    @Test
    void refusesATimeZoneThatIsNotAnIanaName() {
        Fixtures.User admin = fixtures.admin("tz");
        for (String zone : new String[] {"Seoul", "KST", "+09:00"}) {
            given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                    .body(Map.of("code", Fixtures.unique("tz"), "title", "T", "timeZone", zone))
                    .when().post("/api/courses").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("\"" + zone + "\" is not a time zone. Use an IANA name such as Asia/Seoul"
                            + " or Europe/Berlin."));
        }
    }

    @Test
    void refusesATakenCodeAndExplainsMissingOrMistypedFields() {
        Fixtures.User admin = fixtures.admin("dup");
        String code = Fixtures.unique("dup").toUpperCase();
        Map<String, String> body = Map.of("code", code, "title", "T", "timeZone", "UTC");
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(body)
                .when().post("/api/courses").then().statusCode(201);
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(body)
                .when().post("/api/courses").then()
                .statusCode(409)
                .body("detail", equalTo("A course with the code " + code + " exists already. Choose another code."));
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body(Map.of("code", "X"))
                .when().post("/api/courses").then()
                .statusCode(400)
                .body("detail", equalTo("\"timeZone\" is required. \"title\" is required."));
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON)
                .body("{\"code\": \"X\", \"title\": {\"en\": \"T\"}, \"timeZone\": \"UTC\"}")
                .when().post("/api/courses").then()
                .statusCode(400)
                .body("detail", equalTo("The field \"title\" has the wrong type."));
        given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body("{\"code\": \"X\",")
                .when().post("/api/courses").then()
                .statusCode(400)
                .body("detail", startsWith("The request body is not valid JSON"));
    }

    @Test
    void listsMyCoursesPageByPage() {
        Fixtures.User student = fixtures.account("pages");
        for (int i = 0; i < 3; i++) {
            fixtures.enrol(fixtures.course("Course " + i), student, CourseRole.STUDENT);
        }
        given().auth().oauth2(student.token()).queryParam("size", 2).when().get("/api/courses").then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("total", equalTo(3))
                .body("items.myRole", contains("STUDENT", "STUDENT"));
        given().auth().oauth2(student.token()).queryParam("size", 2).queryParam("page", 1).when().get("/api/courses")
                .then().statusCode(200).body("items", hasSize(1)).body("page", equalTo(1));
        given().auth().oauth2(student.token()).queryParam("size", 0).when().get("/api/courses").then()
                .statusCode(400)
                .body("detail", equalTo("\"size\" must be between 1 and 200."));
    }

    @Test
    void enrolsStudentsWithAJoinCodeThatTheInstructorCanRotate() {
        Fixtures.User instructor = fixtures.account("rotating");
        Fixtures.User ta = fixtures.account("ta");
        Fixtures.User first = fixtures.account("first");
        Fixtures.User second = fixtures.account("second");
        long course = fixtures.course("Joinable");
        fixtures.enrol(course, instructor, CourseRole.INSTRUCTOR);
        fixtures.enrol(course, ta, CourseRole.TA);
        String code = given().auth().oauth2(ta.token()).when().get("/api/courses/" + course + "/join-code").then()
                .statusCode(200).extract().path("joinCode");

        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(first.token()).contentType(ContentType.JSON).body(Map.of("code", code.toLowerCase()))
                    .when().post("/api/courses/join").then()
                    .statusCode(200)
                    .body("id", equalTo((int) course))
                    .body("myRole", equalTo("STUDENT"));
        }
        given().auth().oauth2(ta.token()).when().post("/api/courses/" + course + "/join-code").then()
                .statusCode(403)
                .body("detail", equalTo("Only the instructors of this course can change the join code."));
        String rotated = given().auth().oauth2(instructor.token()).when().post("/api/courses/" + course + "/join-code")
                .then().statusCode(200).extract().path("joinCode");
        assertNotEquals(code, rotated, "rotating gives a new code");

        given().auth().oauth2(second.token()).contentType(ContentType.JSON).body(Map.of("code", code))
                .when().post("/api/courses/join").then()
                .statusCode(404)
                .body("detail", equalTo("No course has the join code " + code + ". Check the code with your"
                        + " instructor: it may have been changed."));
        given().auth().oauth2(second.token()).contentType(ContentType.JSON).body(Map.of("code", rotated))
                .when().post("/api/courses/join").then().statusCode(200);
        given().auth().oauth2(first.token()).when().get("/api/courses/" + course).then()
                .statusCode(200).body("myRole", equalTo("STUDENT"));
    }

    @Test
    void showsTheMemberListToStaffOnly() {
        Fixtures.User ta = fixtures.account("staff");
        Fixtures.User student = fixtures.account("member");
        long course = fixtures.course("Members");
        fixtures.enrol(course, ta, CourseRole.TA);
        fixtures.enrol(course, student, CourseRole.STUDENT);

        given().auth().oauth2(ta.token()).when().get("/api/courses/" + course + "/members").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.email", hasItem(student.email()))
                .body("items.role", hasItem("TA"));
        given().auth().oauth2(student.token()).when().get("/api/courses/" + course + "/members").then()
                .statusCode(403)
                .body("detail", equalTo("Only the instructors and TAs of this course can see the member list."))
                .body("detail", not(equalTo(null)));
    }
}
