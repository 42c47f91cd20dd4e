package org.backprop.nn.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backprop.nn.json.JsonReader;
import org.backprop.nn.json.JsonToken;
import org.backprop.nn.json.JsonWriter;

/**
 * Writes run records as JSON and reads them back, by hand so that it works under TeaVM. The document is an
 * object with {@code "format": "backprop-run-record"} and {@code "version": 1}, then the record's parts under
 * their accessor names: {@code name}, {@code tags}, {@code seed}, {@code status} ({@code state} is
 * {@code completed}, {@code diverged}, {@code stopped}, {@code device_lost} or {@code not_trained}, with a
 * {@code message}), {@code dataset} (with {@code sources}: the stored data's provenance, one object per part read
 * from a stored split, with {@code role}, {@code dataset}, {@code version}, {@code split}, {@code examples} and
 * {@code shardHashes}),
 * {@code model} (with {@code totalParams}, {@code trainableParams}, {@code nonTrainableParams} and per layer
 * {@code params} as well, for readers that do not add them up; reading derives them again and ignores these; per
 * layer {@code custom}, and the probe's {@code changesInTraining} and {@code identityAtInference}, and on the model
 * {@code inferenceDeterministic}, each null where not probed), {@code optimizer}, {@code loss},
 * {@code history}, {@code finalMetrics}, {@code testMetrics}, {@code confusionMatrix} (or null),
 * {@code wallTimeMs} and {@code device}. Shapes leave out the batch dimension. NaN and infinite metrics are
 * written as {@code null} and read back as NaN.
 *
 * <p>Reading ignores members it does not know, so that version 1 readers accept records that later library
 * versions extend, and gives members an older document lacks their defaults (no provenance, library layers, not
 * probed); a different {@code version} is rejected.
 */
public final class RunRecordJson {
    /** The {@code format} member every run record document carries. */
    public static final String FORMAT = "backprop-run-record";
    /** The document version this class writes and reads. */
    public static final int VERSION = 1;

    private RunRecordJson() {
    }

    /** Returns {@code record} as an indented JSON document. */
    public static String write(RunRecord record) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("format").value(FORMAT).name("version").value(VERSION);
        json.name("name").value(record.name());
        json.name("tags").beginArray();
        for (String tag : record.tags()) {
            json.value(tag);
        }
        json.endArray();
        json.name("seed").value(record.seed());
        json.name("status").beginObject()
                .name("state").value(record.status().state().name().toLowerCase())
                .name("message").value(record.status().message())
                .endObject();
        DatasetRecord dataset = record.dataset();
        json.name("dataset").beginObject()
                .name("name").value(dataset.name())
                .name("split").value(dataset.split())
                .name("trainExamples").value(dataset.trainExamples())
                .name("validationExamples").value(dataset.validationExamples())
                .name("testExamples").value(dataset.testExamples());
        json.name("sources").beginArray();
        for (DataProvenance source : dataset.sources()) {
            json.beginObject().name("role").value(source.role())
                    .name("dataset").value(source.dataset())
                    .name("version").value(source.version())
                    .name("split").value(source.split())
                    .name("examples").value(source.examples())
                    .name("shardHashes").beginArray();
            for (String hash : source.shardHashes()) {
                json.value(hash);
            }
            json.endArray().endObject();
        }
        json.endArray().endObject();
        writeModel(json.name("model"), record.model());
        writeConfig(json.name("optimizer"), record.optimizer());
        writeConfig(json.name("loss"), record.loss());
        json.name("history").beginObject();
        for (Map.Entry<String, List<Double>> metric : record.history().entrySet()) {
            json.name(metric.getKey()).beginArray();
            for (double value : metric.getValue()) {
                json.value(value);
            }
            json.endArray();
        }
        json.endObject();
        writeMetrics(json.name("finalMetrics"), record.finalMetrics());
        writeMetrics(json.name("testMetrics"), record.testMetrics());
        json.name("confusionMatrix");
        if (record.confusionMatrix().isPresent()) {
            writeConfusionMatrix(json, record.confusionMatrix().get());
        } else {
            json.nullValue();
        }
        json.name("wallTimeMs").value(record.wallTimeMs());
        json.name("device").beginObject()
                .name("backend").value(record.device().backend())
                .name("device").value(record.device().device())
                .endObject();
        return json.endObject().toString();
    }

    private static void writeModel(JsonWriter json, ModelGraph model) {
        json.beginObject().name("name").value(model.name());
        writeShape(json.name("inputShape"), model.inputShape());
        json.name("totalParams").value(model.totalParams())
                .name("trainableParams").value(model.trainableParams())
                .name("nonTrainableParams").value(model.nonTrainableParams());
        writeOptional(json.name("inferenceDeterministic"), model.inferenceDeterministic());
        json.name("layers").beginArray();
        for (LayerRecord layer : model.layers()) {
            json.beginObject().name("name").value(layer.name()).name("type").value(layer.type());
            writeShape(json.name("outputShape"), layer.outputShape());
            json.name("params").value(layer.params())
                    .name("trainableParams").value(layer.trainableParams())
                    .name("nonTrainableParams").value(layer.nonTrainableParams())
                    .name("trainingOnly").value(layer.trainingOnly())
                    .name("custom").value(layer.custom());
            writeOptional(json.name("changesInTraining"), layer.changesInTraining());
            writeOptional(json.name("identityAtInference"), layer.identityAtInference());
            json.name("inbound").beginArray();
            for (String inbound : layer.inbound()) {
                json.value(inbound);
            }
            json.endArray().endObject();
        }
        json.endArray().endObject();
    }

    private static void writeOptional(JsonWriter json, Boolean value) {
        if (value == null) {
            json.nullValue();
        } else {
            json.value(value.booleanValue());
        }
    }

    private static void writeShape(JsonWriter json, List<Integer> shape) {
        json.beginArray();
        for (int dim : shape) {
            json.value(dim);
        }
        json.endArray();
    }

    private static void writeConfig(JsonWriter json, ComponentConfig config) {
        json.beginObject().name("name").value(config.name()).name("settings").beginObject();
        for (Map.Entry<String, Object> setting : config.settings().entrySet()) {
            json.name(setting.getKey());
            Object value = setting.getValue();
            if (value instanceof Double) {
                json.value((double) (Double) value);
            } else if (value instanceof Boolean) {
                json.value((boolean) (Boolean) value);
            } else {
                json.value((String) value);
            }
        }
        json.endObject().endObject();
    }

    private static void writeMetrics(JsonWriter json, Map<String, Double> metrics) {
        json.beginObject();
        for (Map.Entry<String, Double> metric : metrics.entrySet()) {
            json.name(metric.getKey()).value((double) metric.getValue());
        }
        json.endObject();
    }

    private static void writeConfusionMatrix(JsonWriter json, ConfusionMatrix matrix) {
        json.beginObject().name("labels").beginArray();
        for (String label : matrix.labels()) {
            json.value(label);
        }
        json.endArray().name("counts").beginArray();
        for (long[] row : matrix.counts()) {
            json.beginArray();
            for (long count : row) {
                json.value(count);
            }
            json.endArray();
        }
        json.endArray().endObject();
    }

    /**
     * Returns the run record in {@code json}. Fails with an {@link IllegalArgumentException} naming the member
     * when the text is not a version 1 run record or a required member is missing or invalid.
     */
    public static RunRecord read(String json) {
        try {
            return new RunRecordParser(new JsonReader(json)).record();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("Not a valid run record: " + e.getMessage(), e);
        }
    }

    /** Reads one document; each method reads one part of the record, members in any order. */
    private static final class RunRecordParser {
        private final JsonReader json;

        RunRecordParser(JsonReader json) {
            this.json = json;
        }

        RunRecord record() {
            String format = null;
            Integer version = null;
            String name = null;
            List<String> tags = List.of();
            Long seed = null;
            RunStatus status = null;
            DatasetRecord dataset = null;
            ModelGraph model = null;
            ComponentConfig optimizer = null;
            ComponentConfig loss = null;
            Map<String, List<Double>> history = Map.of();
            Map<String, Double> finalMetrics = Map.of();
            Map<String, Double> testMetrics = Map.of();
            ConfusionMatrix confusionMatrix = null;
            long wallTimeMs = 0;
            Device device = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "format":
                        format = json.nextString();
                        break;
                    case "version":
                        version = json.nextInt();
                        // Checked at once: a record of another version may not parse as this one.
                        checkVersion(version);
                        break;
                    case "name":
                        name = json.nextString();
                        break;
                    case "tags":
                        tags = strings();
                        break;
                    case "seed":
                        seed = json.nextLong();
                        break;
                    case "status":
                        status = status();
                        break;
                    case "dataset":
                        dataset = dataset();
                        break;
                    case "model":
                        model = model();
                        break;
                    case "optimizer":
                        optimizer = config();
                        break;
                    case "loss":
                        loss = config();
                        break;
                    case "history":
                        history = history();
                        break;
                    case "finalMetrics":
                        finalMetrics = metrics();
                        break;
                    case "testMetrics":
                        testMetrics = metrics();
                        break;
                    case "confusionMatrix":
                        confusionMatrix = json.nextIfNull() ? null : confusionMatrix();
                        break;
                    case "wallTimeMs":
                        wallTimeMs = json.nextLong();
                        break;
                    case "device":
                        device = device();
                        break;
                    default:
                        json.skipValue();
                }
            }
            json.endObject();
            json.endDocument();
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("\"format\" must be \"" + FORMAT + "\", got "
                        + (format == null ? "none" : "\"" + format + "\""));
            }
            if (version == null) {
                throw new IllegalArgumentException("it has no version");
            }
            RunRecord.Builder builder = RunRecord.builder(required(name, "name"), required(seed, "seed"),
                            required(model, "model"))
                    .dataset(required(dataset, "dataset"))
                    .optimizer(required(optimizer, "optimizer"))
                    .loss(required(loss, "loss"))
                    .history(history)
                    .finalMetrics(finalMetrics)
                    .testMetrics(testMetrics)
                    .wallTimeMs(wallTimeMs)
                    .device(required(device, "device"))
                    .status(required(status, "status"));
            for (String tag : tags) {
                builder.tag(tag);
            }
            if (confusionMatrix != null) {
                builder.confusionMatrix(confusionMatrix);
            }
            return builder.build();
        }

        private static void checkVersion(int version) {
            if (version != VERSION) {
                throw new IllegalArgumentException("it has version " + version + ", but this library reads version "
                        + VERSION + " only");
            }
        }

        private RunStatus status() {
            String state = null;
            String message = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "state":
                        state = json.nextString();
                        break;
                    case "message":
                        message = json.nextIfNull() ? null : json.nextString();
                        break;
                    default:
                        json.skipValue();
                }
            }
            json.endObject();
            for (RunStatus.State known : RunStatus.State.values()) {
                if (known.name().toLowerCase(Locale.ROOT).equals(state)) {
                    return new RunStatus(known, message);
                }
            }
            throw new IllegalArgumentException("status.state must be completed, diverged, stopped,"
                    + " device_lost or not_trained, got " + state);
        }

        private DatasetRecord dataset() {
            String name = null;
            String split = null;
            int[] examples = new int[3];
            List<DataProvenance> sources = new ArrayList<>();
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "name":
                        name = json.nextString();
                        break;
                    case "split":
                        split = json.nextString();
                        break;
                    case "trainExamples":
                        examples[0] = json.nextInt();
                        break;
                    case "validationExamples":
                        examples[1] = json.nextInt();
                        break;
                    case "testExamples":
                        examples[2] = json.nextInt();
                        break;
                    case "sources":
                        json.beginArray();
                        while (json.hasNext()) {
                            sources.add(provenance());
                        }
                        json.endArray();
                        break;
                    default:
                        json.skipValue();
                }
            }
            json.endObject();
            return new DatasetRecord(required(name, "dataset.name"), required(split, "dataset.split"), examples[0],
                    examples[1], examples[2], sources);
        }

        private DataProvenance provenance() {
            String role = null;
            String dataset = null;
            String version = null;
            String split = null;
            int examples = 0;
            List<String> shardHashes = List.of();
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "role":
                        role = json.nextString();
                        break;
                    case "dataset":
                        dataset = json.nextString();
                        break;
                    case "version":
                        version = json.nextString();
                        break;
                    case "split":
                        split = json.nextString();
                        break;
                    case "examples":
                        examples = json.nextInt();
                        break;
                    case "shardHashes":
                        shardHashes = strings();
                        break;
                    default:
                        json.skipValue();
                }
            }
            json.endObject();
            return new DataProvenance(required(role, "dataset.sources[].role"),
                    required(dataset, "dataset.sources[].dataset"), required(version, "dataset.sources[].version"),
                    required(split, "dataset.sources[].split"), examples, shardHashes);
        }

        private Boolean optionalBoolean() {
            return json.nextIfNull() ? null : json.nextBoolean();
        }

        private ModelGraph model() {
            String name = null;
            List<Integer> inputShape = null;
            List<LayerRecord> layers = new ArrayList<>();
            Boolean inferenceDeterministic = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "name":
                        name = json.nextString();
                        break;
                    case "inferenceDeterministic":
                        inferenceDeterministic = optionalBoolean();
                        break;
                    case "inputShape":
                        inputShape = shape();
                        break;
                    case "layers":
                        json.beginArray();
                        while (json.hasNext()) {
                            layers.add(layer());
                        }
                        json.endArray();
                        break;
                    default:
                        json.skipValue();
                }
            }
            json.endObject();
            return new ModelGraph(required(name, "model.name"), required(inputShape, "model.inputShape"), layers,
                    inferenceDeterministic);
        }

        private LayerRecord layer() {
            String name = null;
            String type = null;
            List<Integer> outputShape = null;
            long trainable = 0;
            long nonTrainable = 0;
            boolean trainingOnly = false;
            boolean custom = false;
            Boolean changesInTraining = null;
            Boolean identityAtInference = null;
            List<String> inbound = new ArrayList<>();
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "name":
                        name = json.nextString();
                        break;
                    case "type":
                        type = json.nextString();
                        break;
                    case "outputShape":
                        outputShape = shape();
                        break;
                    case "trainableParams":
                        trainable = json.nextLong();
                        break;
                    case "nonTrainableParams":
                        nonTrainable = json.nextLong();
                        break;
                    case "trainingOnly":
                        trainingOnly = json.nextBoolean();
                        break;
                    case "custom":
                        custom = json.nextBoolean();
                        break;
                    case "changesInTraining":
                        changesInTraining = optionalBoolean();
                        break;
                    case "identityAtInference":
                        identityAtInference = optionalBoolean();
                        break;
                    case "inbound":
                        json.beginArray();
                        while (json.hasNext()) {
                            inbound.add(json.nextString());
                        }
                        json.endArray();
                        break;
                    default:
                        json.skipValue();
                }
            }
            json.endObject();
            return new LayerRecord(required(name, "layer name"), required(type, "type of layer " + name),
                    required(outputShape, "outputShape of layer " + name), trainable, nonTrainable, trainingOnly,
                    inbound, custom, changesInTraining, identityAtInference);
        }

        private ComponentConfig config() {
            String name = null;
            Map<String, Object> settings = new LinkedHashMap<>();
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "name":
                        name = json.nextString();
                        break;
                    case "settings":
                        json.beginObject();
                        while (json.hasNext()) {
                            String setting = json.nextName();
                            JsonToken kind = json.peek();
                            settings.put(setting, kind == JsonToken.STRING ? json.nextString()
                                    : kind == JsonToken.BOOLEAN ? (Object) json.nextBoolean() : (Object) json.nextDouble());
                        }
                        json.endObject();
                        break;
                    default:
                        json.skipValue();
                }
            }
            json.endObject();
            return new ComponentConfig(required(name, "optimizer or loss name"), settings);
        }

        private Map<String, List<Double>> history() {
            Map<String, List<Double>> history = new LinkedHashMap<>();
            json.beginObject();
            while (json.hasNext()) {
                String metric = json.nextName();
                List<Double> values = new ArrayList<>();
                json.beginArray();
                while (json.hasNext()) {
                    values.add(json.nextDouble());
                }
                json.endArray();
                history.put(metric, values);
            }
            json.endObject();
            return history;
        }

        private Map<String, Double> metrics() {
            Map<String, Double> metrics = new LinkedHashMap<>();
            json.beginObject();
            while (json.hasNext()) {
                metrics.put(json.nextName(), json.nextDouble());
            }
            json.endObject();
            return metrics;
        }

        private ConfusionMatrix confusionMatrix() {
            List<String> labels = null;
            List<long[]> rows = new ArrayList<>();
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "labels":
                        labels = strings();
                        break;
                    case "counts":
                        json.beginArray();
                        while (json.hasNext()) {
                            List<Long> row = new ArrayList<>();
                            json.beginArray();
                            while (json.hasNext()) {
                                row.add(json.nextLong());
                            }
                            json.endArray();
                            long[] counts = new long[row.size()];
                            for (int i = 0; i < counts.length; i++) {
                                counts[i] = row.get(i);
                            }
                            rows.add(counts);
                        }
                        json.endArray();
                        break;
                    default:
                        json.skipValue();
                }
            }
            json.endObject();
            return new ConfusionMatrix(required(labels, "confusionMatrix.labels"), rows.toArray(new long[0][]));
        }

        private Device device() {
            String backend = null;
            String device = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "backend":
                        backend = json.nextString();
                        break;
                    case "device":
                        device = json.nextString();
                        break;
                    default:
                        json.skipValue();
                }
            }
            json.endObject();
            return new Device(required(backend, "device.backend"), required(device, "device.device"));
        }

        private List<String> strings() {
            List<String> values = new ArrayList<>();
            json.beginArray();
            while (json.hasNext()) {
                values.add(json.nextString());
            }
            json.endArray();
            return values;
        }

        private List<Integer> shape() {
            List<Integer> shape = new ArrayList<>();
            json.beginArray();
            while (json.hasNext()) {
                shape.add(json.nextInt());
            }
            json.endArray();
            return shape;
        }

        private static <T> T required(T value, String member) {
            if (value == null) {
                throw new IllegalArgumentException("it has no " + member);
            }
            return value;
        }
    }
}
