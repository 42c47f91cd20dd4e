package org.backprop.server.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RosterCsvTest {

    @Test
    void splitsQuotedFieldsWithCommasAndDoubledQuotes() {
        assertEquals(List.of("a@b.dev", "Kim, Minji", "TA"), RosterCsv.fields("a@b.dev,\"Kim, Minji\",TA"));
        assertEquals(List.of("a@b.dev", "The \"Prof\"", ""), RosterCsv.fields("a@b.dev,\"The \"\"Prof\"\"\","));
    }

    @Test
    void readsColumnsInAnyOrderIgnoringOthersAndDefaultsTheRoleToStudent() {
        RosterCsv.Parsed parsed = RosterCsv.parse("\uFEFFStudent ID,Name,Email\r\n2026001,Lee Jiho,JIHO@Uni.ac.kr\r\n");

        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of(new RosterCsv.Row(2, "jiho@uni.ac.kr", "Lee Jiho", CourseRole.STUDENT)), parsed.rows());
    }

    @Test
    void reportsEachBadLineWithItsNumber() {
        RosterCsv.Parsed parsed = RosterCsv.parse(String.join("\n",
                "email,name,role",
                "ok@b.dev,Ok,student",
                "",
                "\"open@b.dev,Open,TA",
                "ok@b.dev,Again,TA",
                "short@b.dev"));

        assertEquals(List.of(new RosterCsv.Row(2, "ok@b.dev", "Ok", CourseRole.STUDENT)), parsed.rows());
        assertEquals(List.of(
                new RosterError(4, "A quoted field is not closed: a double quote is missing."),
                new RosterError(5, "ok@b.dev is listed already on line 2."),
                new RosterError(6, "The line has 1 field(s) but the header has 3. Put names that contain commas in"
                        + " double quotes.")), parsed.errors());
    }
}
