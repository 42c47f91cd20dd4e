package org.backprop.server.course;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.backprop.server.account.Account;
import org.backprop.server.api.ApiError;

/**
 * Reads a roster CSV: a header naming the columns {@code email}, {@code name} and optionally {@code role}
 * (in any order; other columns, as LMS exports have, are ignored), then one person per line. Fields may
 * be quoted ({@code "Kim, Minji"}). A bad line becomes an error of its own and never stops the others.
 */
final class RosterCsv {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");
    private static final int MAX_NAME = 200;

    /** One person to enrol, from line {@code line} of the file. */
    record Row(int line, String email, String name, CourseRole role) {
    }

    record Parsed(List<Row> rows, List<RosterError> errors) {
    }

    private RosterCsv() {
    }

    /** Parses {@code text}; fails with a 400 only when the header is unusable, since then no line can be read. */
    static Parsed parse(String text) {
        String[] lines = (text == null ? "" : text.replace("\uFEFF", "")).split("\r?\n", -1);
        int headerIndex = 0;
        while (headerIndex < lines.length && lines[headerIndex].isBlank()) {
            headerIndex++;
        }
        if (headerIndex == lines.length) {
            throw ApiError.badRequest("The roster is empty. Send CSV with the header \"email,name,role\" and one"
                    + " person per line.");
        }
        Map<String, Integer> columns = header(lines[headerIndex]);
        List<Row> rows = new ArrayList<>();
        List<RosterError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = headerIndex + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            try {
                Row row = row(line, fields(lines[i]), columns);
                Integer earlier = seen.putIfAbsent(row.email(), line);
                if (earlier != null) {
                    throw new IllegalArgumentException(row.email() + " is listed already on line " + earlier + ".");
                }
                rows.add(row);
            } catch (IllegalArgumentException e) {
                errors.add(new RosterError(line, e.getMessage()));
            }
        }
        return new Parsed(rows, errors);
    }

    private static Map<String, Integer> header(String line) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = fields(line);
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("email") || !columns.containsKey("name")) {
            throw ApiError.badRequest("The roster's first line must be a header with the columns email, name and"
                    + " role, e.g. \"email,name,role\"; it is \"" + line.strip() + "\".");
        }
        return columns;
    }

    private static Row row(int line, List<String> fields, Map<String, Integer> columns) {
        int needed = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (fields.size() < needed) {
            throw new IllegalArgumentException("The line has " + fields.size() + " field(s) but the header has "
                    + needed + ". Put names that contain commas in double quotes.");
        }
        String email = Account.normalizeEmail(fields.get(columns.get("email")));
        if (email.isEmpty()) {
            throw new IllegalArgumentException("The email is missing.");
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("\"" + email + "\" is not an email address.");
        }
        String name = fields.get(columns.get("name")).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The name of " + email + " is missing.");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("The name of " + email + " is longer than " + MAX_NAME + " characters.");
        }
        Integer roleColumn = columns.get("role");
        String role = roleColumn == null ? "" : fields.get(roleColumn).strip().toUpperCase(Locale.ROOT);
        return new Row(line, email, name, role.isEmpty() ? CourseRole.STUDENT : role(role, email));
    }

    private static CourseRole role(String role, String email) {
        try {
            return CourseRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + role + "\" (for " + email + ") is not a role. Use STUDENT, TA"
                    + " or INSTRUCTOR, or leave it empty for STUDENT.");
        }
    }

    /** Splits one line into fields; a quoted field may contain commas and doubled quotes. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("A quoted field is not closed: a double quote is missing.");
        }
        fields.add(field.toString());
        return fields;
    }
}
