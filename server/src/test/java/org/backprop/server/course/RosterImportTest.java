package org.backprop.server.course;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RosterImportTest {
    @Inject
    Fixtures fixtures;

    @Test
    void enrolsEveryGoodLineAndReportsEveryBadOne() {
        Fixtures.User instructor = fixtures.account("roster");
        Fixtures.User existing = fixtures.account("existing");
        long course = fixtures.course("Roster");
        fixtures.enrol(course, instructor, CourseRole.INSTRUCTOR);
        String fresh = Fixtures.unique("fresh") + "@uni.ac.kr";
        String noRole = Fixtures.unique("norole") + "@uni.ac.kr";
        String csv = String.join("\n",
                "email,name,role",
                fresh + ",\"Kim, Minji\",student",
                existing.email().toUpperCase() + ",Existing,TA",
                "not-an-email,Someone,STUDENT",
                "bad.role@uni.ac.kr,Bad Role,professor",
                "missing.name@uni.ac.kr,,STUDENT",
                fresh + ",Duplicate,STUDENT",
                "\"unclosed@uni.ac.kr,Name,STUDENT",
                noRole + ",No Role,",
                "");

        Response report = importRoster(instructor, course, csv);

        report.then().statusCode(200)
                .body("rowsRead", equalTo(8))
                .body("accountsCreated", equalTo(2))
                .body("enrolled", equalTo(3))
                .body("rolesChanged", equalTo(0))
                .body("unchanged", equalTo(0));
        assertEquals(List.of(4, 5, 6, 7, 8), report.jsonPath().getList("errors.line"));
        assertEquals(List.of(
                "\"not-an-email\" is not an email address.",
                "\"PROFESSOR\" (for bad.role@uni.ac.kr) is not a role. Use STUDENT, TA or INSTRUCTOR, or leave it"
                        + " empty for STUDENT.",
                "The name of missing.name@uni.ac.kr is missing.",
                fresh + " is listed already on line 2.",
                "A quoted field is not closed: a double quote is missing."),
                report.jsonPath().getList("errors.detail"));
        given().auth().oauth2(instructor.token()).when().get("/api/courses/" + course + "/members").then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("items.name", hasItem("Kim, Minji"))
                .body("items.find { it.email == '" + existing.email() + "' }.role", equalTo("TA"))
                .body("items.find { it.email == '" + noRole + "' }.role", equalTo("STUDENT"));
        given().contentType(ContentType.JSON).body(Map.of("email", fresh, "password", "guess"))
                .when().post("/api/auth/login").then()
                .statusCode(401)
                .body("detail", equalTo("The email or password is not right."));
    }

    @Test
    void changesTheRolesOfExistingMembersButNeverTheImportersOwn() {
        Fixtures.User instructor = fixtures.account("reimport");
        Fixtures.User student = fixtures.account("promoted");
        Fixtures.User stays = fixtures.account("stays");
        long course = fixtures.course("Reimport");
        fixtures.enrol(course, instructor, CourseRole.INSTRUCTOR);
        fixtures.enrol(course, student, CourseRole.STUDENT);
        fixtures.enrol(course, stays, CourseRole.STUDENT);

        importRoster(instructor, course, "email,name,role\n" + student.email() + ",P,TA\n" + stays.email() + ",S,\n"
                + instructor.email() + ",Me,STUDENT\n").then()
                .statusCode(200)
                .body("rowsRead", equalTo(3))
                .body("rolesChanged", equalTo(1))
                .body("unchanged", equalTo(1))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].detail", equalTo("This line is you: you cannot change your own role (it stays"
                        + " INSTRUCTOR)."));
    }

    @Test
    void refusesARosterWithoutItsHeaderOrWithNothingInIt() {
        Fixtures.User instructor = fixtures.account("header");
        long course = fixtures.course("Header");
        fixtures.enrol(course, instructor, CourseRole.INSTRUCTOR);

        importRoster(instructor, course, "kim@uni.ac.kr,Kim,STUDENT\n").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The roster's first line must be a header with the columns email, name and"
                        + " role, e.g. \"email,name,role\"; it is \"kim@uni.ac.kr,Kim,STUDENT\"."));
        importRoster(instructor, course, "\n \n").then()
                .statusCode(400)
                .body("detail", startsWith("The roster is empty."));
    }

    @Test
    void refusesARosterThatIsNotUtf8() {
        Fixtures.User instructor = fixtures.account("cp949");
        long course = fixtures.course("Encoding");
        fixtures.enrol(course, instructor, CourseRole.INSTRUCTOR);
        byte[] cp949 = "email,name,role\nkim@uni.ac.kr,\uAE40\uBBFC\uC9C0,STUDENT\n"
                .getBytes(java.nio.charset.Charset.forName("EUC-KR"));

        given().auth().oauth2(instructor.token()).contentType("text/csv").body(cp949)
                .when().post("/api/courses/" + course + "/roster").then()
                .statusCode(400)
                .body("detail", equalTo("The request body is not valid UTF-8 text. Save your files as UTF-8 and try"
                        + " again."));
    }

    @Test
    void letsOnlyInstructorsImport() {
        Fixtures.User ta = fixtures.account("ta-import");
        long course = fixtures.course("Staff");
        fixtures.enrol(course, ta, CourseRole.TA);

        importRoster(ta, course, "email,name,role\nx@uni.ac.kr,X,STUDENT\n").then()
                .statusCode(403)
                .body("detail", equalTo("Only the instructors of this course can import a roster."));
    }

    private static Response importRoster(Fixtures.User user, long course, String csv) {
        return given().auth().oauth2(user.token()).contentType("text/csv").body(csv)
                .when().post("/api/courses/" + course + "/roster");
    }
}
