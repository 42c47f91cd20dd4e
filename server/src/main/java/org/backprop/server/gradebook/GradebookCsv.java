package org.backprop.server.gradebook;

import java.math.BigDecimal;

/**
 * Writes a gradebook as RFC 4180 CSV an LMS imports: header {@code email,name,<assignment ids>}, one row per
 * student, an empty cell where the team handed nothing in, CRLF line ends.
 */
final class GradebookCsv {
    private GradebookCsv() {
    }

    static String write(GradebookView book) {
        StringBuilder csv = new StringBuilder("email,name");
        book.assignments().forEach(column -> csv.append(',').append(column.assignmentId()));
        csv.append("\r\n");
        for (GradebookRow row : book.students()) {
            csv.append(field(row.email())).append(',').append(field(row.name()));
            for (BigDecimal score : row.scores()) {
                csv.append(',').append(score == null ? "" : score.toPlainString());
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    // Quotes only where needed, doubling quotes inside, so that plain values stay plain for simple importers. A
    // value a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe, as OWASP advises.
    private static String field(String raw) {
        String value = !raw.isEmpty() && "=+-@".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
