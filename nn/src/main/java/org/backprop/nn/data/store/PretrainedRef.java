package org.backprop.nn.data.store;

import org.backprop.nn.json.JsonReader;
import org.backprop.nn.json.JsonWriter;

/**
 * One pretrained model a run may load, as the run's folder names it ({@code pretrained/<name>.json} next to
 * {@code pretrained/<sha256>.bpm}, see {@code docs/pretrained.md}): the name and version the course published it
 * under, and the SHA-256 and size of its saved-model bytes ({@link org.backprop.nn.saving.SavedModels}'s format).
 */
public record PretrainedRef(String name, String version, String sha256, long bytes) {

    public PretrainedRef {
        if (name == null || !DatasetReference.isName(name) || version == null || !DatasetReference.isName(version)) {
            throw new IllegalArgumentException("name and version must be 1 to 100 letters, digits, '_', '-' and '.',"
                    + " got " + name + " " + version);
        }
        if (sha256 == null || !ShardRef.isSha256(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be positive, got " + bytes);
        }
    }

    /** Returns this reference as the JSON object the run's folder holds. */
    public String toJson() {
        return new JsonWriter().beginObject().name("name").value(name).name("version").value(version)
                .name("sha256").value(sha256).name("bytes").value(bytes).endObject().toString();
    }

    /** Returns the reference {@code json} holds; fails naming what is wrong. */
    public static PretrainedRef fromJson(String json) {
        JsonReader reader = new JsonReader(json);
        String name = null;
        String version = null;
        String sha256 = null;
        long bytes = 0;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "name" -> name = reader.nextString();
                case "version" -> version = reader.nextString();
                case "sha256" -> sha256 = reader.nextString();
                case "bytes" -> bytes = reader.nextLong();
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        reader.endDocument();
        return new PretrainedRef(name, version, sha256, bytes);
    }
}
