package org.backprop.nn.data.store;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.json.JsonReader;
import org.backprop.nn.json.JsonWriter;

/** Writes and reads {@link DatasetManifest}'s JSON; unknown members are skipped so that later versions may add some. */
final class ManifestJson {
    private ManifestJson() {
    }

    static String write(DatasetManifest manifest) {
        JsonWriter json = new JsonWriter().beginObject()
                .name("format").value(DatasetManifest.FORMAT)
                .name("name").value(manifest.name())
                .name("version").value(manifest.version())
                .name("imageShape").beginArray().value(manifest.height()).value(manifest.width())
                .value(manifest.channels()).endArray()
                .name("classNames").beginArray();
        for (String className : manifest.classNames()) {
            json.value(className);
        }
        json.endArray().name("splits").beginArray();
        for (SplitManifest split : manifest.splits()) {
            json.beginObject().name("name").value(split.name()).name("examples").value(split.examples())
                    .name("hidden").value(split.hidden()).name("shards").beginArray();
            for (ShardRef shard : split.shards()) {
                json.beginObject().name("sha256").value(shard.sha256()).name("bytes").value(shard.bytes())
                        .name("examples").value(shard.examples()).endObject();
            }
            json.endArray().endObject();
        }
        return json.endArray().endObject().toString();
    }

    static DatasetManifest read(String text) {
        JsonReader json = new JsonReader(text);
        String format = null;
        String name = null;
        String version = null;
        int[] shape = null;
        List<String> classNames = null;
        List<SplitManifest> splits = null;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "format" -> format = json.nextString();
                case "name" -> name = json.nextString();
                case "version" -> version = json.nextString();
                case "imageShape" -> shape = shape(json);
                case "classNames" -> classNames = strings(json);
                case "splits" -> splits = splits(json);
                default -> json.skipValue();
            }
        }
        json.endObject();
        json.endDocument();
        if (!DatasetManifest.FORMAT.equals(format)) {
            throw new IllegalArgumentException("the manifest's format must be \"" + DatasetManifest.FORMAT
                    + "\", got " + (format == null ? "none" : "\"" + format + "\""));
        }
        if (shape == null) {
            throw new IllegalArgumentException("the manifest has no imageShape");
        }
        return new DatasetManifest(name, version, shape[0], shape[1], shape[2], classNames, splits);
    }

    private static int[] shape(JsonReader json) {
        int[] shape = new int[3];
        int i = 0;
        json.beginArray();
        while (json.hasNext()) {
            int value = json.nextInt();
            if (i < 3) {
                shape[i] = value;
            }
            i++;
        }
        json.endArray();
        if (i != 3) {
            throw new IllegalArgumentException("imageShape must be [height, width, channels], got " + i + " values");
        }
        return shape;
    }

    private static List<String> strings(JsonReader json) {
        List<String> values = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            values.add(json.nextString());
        }
        json.endArray();
        return values;
    }

    private static List<SplitManifest> splits(JsonReader json) {
        List<SplitManifest> splits = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            String name = null;
            int examples = 0;
            boolean hidden = false;
            List<ShardRef> shards = null;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "name" -> name = json.nextString();
                    case "examples" -> examples = json.nextInt();
                    case "hidden" -> hidden = json.nextBoolean();
                    case "shards" -> shards = shards(json);
                    default -> json.skipValue();
                }
            }
            json.endObject();
            splits.add(new SplitManifest(name, examples, hidden, shards));
        }
        json.endArray();
        return splits;
    }

    private static List<ShardRef> shards(JsonReader json) {
        List<ShardRef> shards = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            String sha256 = null;
            long bytes = 0;
            int examples = 0;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "sha256" -> sha256 = json.nextString();
                    case "bytes" -> bytes = json.nextLong();
                    case "examples" -> examples = json.nextInt();
                    default -> json.skipValue();
                }
            }
            json.endObject();
            shards.add(new ShardRef(sha256, bytes, examples));
        }
        json.endArray();
        return shards;
    }
}
