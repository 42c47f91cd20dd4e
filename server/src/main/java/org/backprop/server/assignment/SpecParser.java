package org.backprop.server.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.grader.check.CheckCatalogue;
import org.backprop.grader.check.CheckSpec;
import org.backprop.grader.compile.HiddenTests;
import org.backprop.grader.pipeline.GradingTask;
import org.backprop.nn.data.store.DatasetReference;

/**
 * Reads and strictly validates {@code assignment.yaml}. Every error is collected with its YAML path
 * ({@code rubric[2].check}) so an instructor fixes them all in one go; unknown keys are errors too, since a
 * misspelt key would otherwise be silently ignored. Thread-safe.
 */
final class SpecParser {
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern STARTER_PATH =
            Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*/)*[A-Za-z_$][A-Za-z0-9_$]*\\.java");
    private static final Pattern ITEM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern CLASS_NAME =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,5})([dhm])");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<SpecError> errors = new ArrayList<>();
    /** The folder's files with their contents, when the caller has them: hidden tests are then parsed too. */
    private final Map<String, String> folderContents;

    private SpecParser(Map<String, String> folderContents) {
        this.folderContents = folderContents;
    }

    /**
     * Returns the spec in {@code yaml}, given its folder's files (path relative to it → content) to check the starter
     * files and the hidden tests against (each {@code tests} item's files must exist and declare tests); throws
     * {@link InvalidSpecException} listing every error otherwise.
     */
    static AssignmentSpec parse(String yaml, Map<String, String> folder) {
        return parse(yaml, folder.keySet(), folder);
    }

    /**
     * Returns the spec in {@code yaml}, given the files of its folder (paths relative to it) to check the
     * starter files against; throws {@link InvalidSpecException} listing every error otherwise.
     */
    static AssignmentSpec parse(String yaml, Set<String> folderFiles) {
        return parse(yaml, folderFiles, null);
    }

    private static AssignmentSpec parse(String yaml, Set<String> folderFiles, Map<String, String> folderContents) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": ";
            throw new InvalidSpecException(List.of(new SpecError("(document)", where + "not valid YAML ("
                    + e.getOriginalMessage() + ")")));
        }
        SpecParser parser = new SpecParser(folderContents);
        AssignmentSpec spec = parser.document(root, folderFiles);
        if (!parser.errors.isEmpty()) {
            throw new InvalidSpecException(parser.errors);
        }
        return spec;
    }

    private AssignmentSpec document(JsonNode root, Set<String> folderFiles) {
        if (root == null || !root.isObject()) {
            error("(document)", "must be a mapping with title, deadline, team, datasets, starter and rubric");
            return null;
        }
        keys(root, "", Set.of("title", "summary", "deadline", "team", "datasets", "pretrained", "starter", "rerun",
                "rubric"));
        String title = text(root, "", "title", true, 200);
        String summary = text(root, "", "summary", false, 4000);
        AssignmentSpec.DeadlineSpec deadline = deadline(object(root, "", "deadline"));
        AssignmentSpec.TeamPolicy team = team(object(root, "", "team"));
        List<AssignmentSpec.DatasetSpec> datasets = list(root, "", "datasets", true, this::dataset);
        // Grading reads the entries from the stored document (StoredGradingInputs.pretrained); here they are checked.
        list(root, "", "pretrained", false, this::pretrained);
        AssignmentSpec.StarterSpec starter = starter(object(root, "", "starter"), folderFiles);
        int rerunVariants = rerun(object(root, "", "rerun", false));
        List<AssignmentSpec.RubricSpec> rubric = list(root, "", "rubric", true, this::rubricItem);
        uniqueIds(rubric);
        datasetsNamed(rubric, datasets);
        hiddenTestsPresent(rubric, starter, folderFiles);
        return new AssignmentSpec(title, summary == null ? "" : summary, deadline, team, datasets, starter,
                rerunVariants, rubric, root);
    }

    /** The re-run budget: how many ablation variants the server trains again besides the baselines. */
    private int rerun(Located node) {
        if (node == null) {
            return GradingTask.DEFAULT_RERUN_VARIANTS;
        }
        keys(node.value, node.path, Set.of("variants"));
        JsonNode variants = node.value.get("variants");
        if (variants == null) {
            return GradingTask.DEFAULT_RERUN_VARIANTS;
        }
        if (!variants.isIntegralNumber() || !variants.canConvertToInt() || variants.intValue() < 0
                || variants.intValue() > 100) {
            error(join(node.path, "variants"), "must be a whole number from 0 to 100, got " + variants.asText());
            return GradingTask.DEFAULT_RERUN_VARIANTS;
        }
        return variants.intValue();
    }

    private AssignmentSpec.DeadlineSpec deadline(Located node) {
        if (node == null) {
            return null;
        }
        keys(node.value, node.path, Set.of("due", "dueDays", "dueTime", "lateCredit"));
        LocalDateTime due = null;
        String dueText = text(node.value, node.path, "due", false, 40);
        if (dueText != null) {
            try {
                due = LocalDateTime.parse(dueText);
            } catch (DateTimeParseException e) {
                error(join(node.path, "due"), "must be a local date and time such as 2026-12-14T23:59, got \""
                        + dueText + "\"");
            }
        }
        Integer dueDays = integer(node.value, node.path, "dueDays", 1, 365);
        LocalTime dueTime = null;
        String timeText = text(node.value, node.path, "dueTime", false, 10);
        if (timeText != null) {
            try {
                dueTime = LocalTime.parse(timeText);
            } catch (DateTimeParseException e) {
                error(join(node.path, "dueTime"), "must be a time of day such as 23:59, got \"" + timeText + "\"");
            }
        }
        if ((dueText == null) == (node.value.get("dueDays") == null)) {
            error(node.path, "give either \"due\" (e.g. 2026-12-14T23:59, in the course's time zone) or \"dueDays\""
                    + " (days after the first import), not both and not neither");
        }
        if (dueText != null && timeText != null) {
            error(join(node.path, "dueTime"), "goes with \"dueDays\" only; \"due\" has its own time");
        }
        List<AssignmentSpec.LateStep> steps = list(node.value, node.path, "lateCredit", false, this::lateStep);
        for (int i = 1; i < steps.size(); i++) {
            AssignmentSpec.LateStep before = steps.get(i - 1);
            AssignmentSpec.LateStep step = steps.get(i);
            if (before == null || step == null) {
                continue;
            }
            String path = node.path + ".lateCredit[" + i + "]";
            if (step.until().compareTo(before.until()) <= 0) {
                error(path + ".until", "must be later than the step before it (" + format(before.until())
                        + "): the timeline must increase");
            }
            if (step.creditPercent() > before.creditPercent()) {
                error(path + ".credit", "must not be more than the step before it (" + before.creditPercent()
                        + "): credit cannot rise as work gets later");
            }
        }
        return new AssignmentSpec.DeadlineSpec(due, dueDays, dueTime == null ? LocalTime.of(23, 59) : dueTime,
                steps);
    }

    private AssignmentSpec.LateStep lateStep(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be a mapping such as {until: 24h, credit: 80}");
            return null;
        }
        keys(node, path, Set.of("until", "credit"));
        Duration until = duration(node, path, "until");
        Integer credit = integer(node, path, "credit", 0, 100);
        if (node.get("credit") == null) {
            error(join(path, "credit"), "is required (percent of the points, 0 to 100)");
        }
        return until == null || credit == null ? null : new AssignmentSpec.LateStep(until, credit);
    }

    private AssignmentSpec.TeamPolicy team(Located node) {
        if (node == null) {
            return null;
        }
        keys(node.value, node.path, Set.of("set", "minSize", "maxSize"));
        String set = text(node.value, node.path, "set", true, 100);
        Integer min = integer(node.value, node.path, "minSize", 1, 100);
        Integer max = integer(node.value, node.path, "maxSize", 1, 100);
        if (node.value.get("minSize") == null || node.value.get("maxSize") == null) {
            error(node.path, "needs \"minSize\" and \"maxSize\"");
        }
        if (min != null && max != null && max < min) {
            error(join(node.path, "maxSize"), "must be at least minSize (" + min + ")");
        }
        return set == null || min == null || max == null ? null : new AssignmentSpec.TeamPolicy(set, min, max);
    }

    private AssignmentSpec.DatasetSpec dataset(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be a mapping with name, source, splits and hidden");
            return null;
        }
        keys(node, path, Set.of("name", "version", "source", "splits", "hidden"));
        String name = text(node, path, "name", true, 100);
        String source = text(node, path, "source", true, 300);
        List<String> splits = list(node, path, "splits", true, this::string);
        String hidden = text(node, path, "hidden", false, 40);
        if (hidden != null && !splits.contains(hidden)) {
            error(join(path, "hidden"), "names the split \"" + hidden + "\", which is not in splits " + splits);
        }
        String version = text(node, path, "version", false, 40);
        return new AssignmentSpec.DatasetSpec(name, version, source, splits, hidden);
    }

    /** A pretrained model the program may load: {@code {name: vgg16}}, optionally with a {@code version}. */
    private String pretrained(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be a mapping with name and optionally version");
            return null;
        }
        keys(node, path, Set.of("name", "version"));
        String name = text(node, path, "name", true, 100);
        String version = text(node, path, "version", false, 100);
        if (name != null) {
            try {
                DatasetReference.parse(version == null ? name : name + ":" + version, "pretrained model", "vgg16");
            } catch (IllegalArgumentException e) {
                error(join(path, "name"), e.getMessage());
            }
        }
        return name;
    }

    private AssignmentSpec.StarterSpec starter(Located node, Set<String> folderFiles) {
        if (node == null) {
            return null;
        }
        keys(node.value, node.path, Set.of("mainClass", "files"));
        String mainClass = text(node.value, node.path, "mainClass", true, 200);
        if (mainClass != null && !CLASS_NAME.matcher(mainClass).matches()) {
            error(join(node.path, "mainClass"), "must be a Java class name such as Main or hw.Main");
        }
        List<String> files = list(node.value, node.path, "files", true, this::string);
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            String path = node.path + ".files[" + i + "]";
            if (file == null) {
                continue;
            }
            if (!STARTER_PATH.matcher(file).matches()) {
                error(path, "\"" + file + "\" is not a Java source path such as Main.java or model/Net.java");
            } else if (!folderFiles.contains(file)) {
                error(path, "the folder has no file " + file);
            }
        }
        return new AssignmentSpec.StarterSpec(mainClass, files);
    }

    private AssignmentSpec.RubricSpec rubricItem(JsonNode node, String path) {
        if (!node.isObject()) {
            error(path, "must be a mapping with id, points, description and check");
            return null;
        }
        keys(node, path, Set.of("id", "points", "description", "check", "params"));
        String id = text(node, path, "id", true, 64);
        if (id != null && !ITEM_ID.matcher(id).matches()) {
            error(join(path, "id"), "must be lower-case letters, digits and dashes, such as residual-connections");
        }
        BigDecimal points = null;
        JsonNode pointsNode = node.get("points");
        if (pointsNode == null) {
            error(join(path, "points"), "is required");
        } else if (!pointsNode.isNumber()) {
            error(join(path, "points"), "must be a number");
        } else if (pointsNode.decimalValue().signum() < 0) {
            error(join(path, "points"), "must not be negative, got " + pointsNode.asText());
        } else if (pointsNode.decimalValue().scale() > 2 || pointsNode.decimalValue().compareTo(BigDecimal.valueOf(10000)) >= 0) {
            error(join(path, "points"), "must be below 10000 with at most two decimals");
        } else {
            points = pointsNode.decimalValue();
        }
        String description = text(node, path, "description", true, 2000);
        String checkName = text(node, path, "check", true, 40);
        CheckSpec check = null;
        if (checkName != null) {
            check = CheckCatalogue.spec(checkName).orElse(null);
            if (check == null) {
                error(join(path, "check"), "\"" + checkName + "\" is not a check; use one of " + CheckCatalogue.names());
            }
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isObject()) {
            error(join(path, "params"), "must be a mapping");
            params = null;
        }
        ObjectNode checked = params == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) params;
        if (check != null) {
            params(check, checked, join(path, "params"));
        }
        return new AssignmentSpec.RubricSpec(id, points, description, check, checked);
    }

    /** Checks the parameters against the grader's catalogue, the one list of what each check takes. */
    private void params(CheckSpec check, ObjectNode params, String path) {
        Map<String, Object> values = YAML.convertValue(params, new TypeReference<Map<String, Object>>() { });
        for (CheckCatalogue.ParamProblem problem : CheckCatalogue.validate(check.name(), values)) {
            error(problem.param() == null ? path : join(path, problem.param()), problem.message());
        }
    }

    private void uniqueIds(List<AssignmentSpec.RubricSpec> rubric) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rubric.size(); i++) {
            AssignmentSpec.RubricSpec item = rubric.get(i);
            if (item != null && item.id() != null && !seen.add(item.id())) {
                error("rubric[" + i + "].id", "\"" + item.id() + "\" is used by an earlier item; ids must be unique");
            }
        }
    }

    /** A heldout check must name a dataset of the spec that has a hidden split. */
    private void datasetsNamed(List<AssignmentSpec.RubricSpec> rubric, List<AssignmentSpec.DatasetSpec> datasets) {
        for (int i = 0; i < rubric.size(); i++) {
            AssignmentSpec.RubricSpec item = rubric.get(i);
            if (item == null || item.check() == null || !item.check().name().equals("heldout") || !item.params().path("dataset").isTextual()) {
                continue;
            }
            String name = item.params().get("dataset").asText();
            boolean hidden = datasets.stream().anyMatch(d -> d != null && name.equals(d.name()) && d.hidden() != null);
            if (!hidden) {
                error("rubric[" + i + "].params.dataset", "must name one of the datasets with a hidden split, got \""
                        + name + "\"");
            }
        }
    }

    /**
     * A tests item's files must be in the folder, must not be starter files (students get those), and, when the
     * folder's contents are at hand, must declare tests the grader can run.
     */
    private void hiddenTestsPresent(List<AssignmentSpec.RubricSpec> rubric, AssignmentSpec.StarterSpec starter,
            Set<String> folderFiles) {
        for (int i = 0; i < rubric.size(); i++) {
            AssignmentSpec.RubricSpec item = rubric.get(i);
            if (item == null || item.check() == null || !item.check().name().equals("tests")
                    || !item.params().path("files").isArray()) {
                continue;
            }
            JsonNode files = item.params().get("files");
            for (int j = 0; j < files.size(); j++) {
                String file = files.get(j).asText();
                String path = "rubric[" + i + "].params.files[" + j + "]";
                if (!folderFiles.contains(file)) {
                    error(path, "the folder has no file " + file);
                } else if (starter != null && starter.files().contains(file)) {
                    error(path, file + " is a starter file, which students receive; hidden tests must not be");
                } else if (folderContents != null) {
                    HiddenTests.discover(Map.of(file, folderContents.get(file))).problems()
                            .forEach(problem -> error(path, problem));
                }
            }
        }
    }

    /** Returns the folder files the {@code tests} items of {@code spec} name, in order, each once. */
    static List<String> hiddenTestFiles(AssignmentSpec spec) {
        List<String> files = new ArrayList<>();
        for (AssignmentSpec.RubricSpec item : spec.rubric()) {
            if (item.check().name().equals("tests")) {
                item.params().path("files").forEach(file -> {
                    if (!files.contains(file.asText())) {
                        files.add(file.asText());
                    }
                });
            }
        }
        return files;
    }

    private Duration duration(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            error(join(path, key), "is required, e.g. 24h, 3d or 90m");
            return null;
        }
        Optional<Duration> duration = value.isTextual() ? duration(value.asText()) : Optional.empty();
        if (duration.isEmpty()) {
            error(join(path, key), "must be a time after the due time such as 24h, 3d or 90m, got \"" + value.asText()
                    + "\"");
        }
        return duration.orElse(null);
    }

    /** Returns a positive duration written as 24h, 3d or 90m, or empty if {@code text} is none. */
    static Optional<Duration> duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        });
    }

    static String format(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    private String string(JsonNode node, String path) {
        if (!node.isTextual() || node.asText().isBlank()) {
            error(path, "must be a non-empty text");
            return null;
        }
        return node.asText();
    }

    private <T> List<T> list(JsonNode parent, String path, String key, boolean required,
            Item<T> item) {
        JsonNode value = parent.get(key);
        String at = join(path, key);
        if (value == null) {
            if (required) {
                error(at, "is required");
            }
            return List.of();
        }
        if (!value.isArray() || (required && value.isEmpty())) {
            error(at, required ? "must be a non-empty list" : "must be a list");
            return List.of();
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(item.read(value.get(i), at + "[" + i + "]"));
        }
        return items;
    }

    private Located object(JsonNode parent, String path, String key) {
        return object(parent, path, key, true);
    }

    private Located object(JsonNode parent, String path, String key, boolean required) {
        JsonNode value = parent.get(key);
        String at = join(path, key);
        if (value == null) {
            if (required) {
                error(at, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            error(at, "must be a mapping");
            return null;
        }
        return new Located(value, at);
    }

    private String text(JsonNode parent, String path, String key, boolean required, int maxLength) {
        JsonNode value = parent.get(key);
        String at = join(path, key);
        if (value == null || value.isNull()) {
            if (required) {
                error(at, "is required");
            }
            return null;
        }
        if (!value.isValueNode() || value.isBoolean() || value.asText().isBlank()) {
            error(at, "must be a non-empty text");
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > maxLength) {
            error(at, "may have at most " + maxLength + " characters, has " + text.length());
            return null;
        }
        return text;
    }

    private Integer integer(JsonNode parent, String path, String key, int min, int max) {
        JsonNode value = parent.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || value.longValue() < min || value.longValue() > max) {
            error(join(path, key), "must be a whole number from " + min + " to " + max + ", got " + value);
            return null;
        }
        return value.intValue();
    }

    private void keys(JsonNode node, String path, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                error(join(path, name), "is not a known key here; expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
    }

    private void error(String path, String message) {
        errors.add(new SpecError(path, message));
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A node and its YAML path. */
    private record Located(JsonNode value, String path) {
    }

    @FunctionalInterface
    private interface Item<T> {
        T read(JsonNode node, String path);
    }
}
