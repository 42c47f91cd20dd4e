package org.backprop.nn.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.DatasetReference;
import org.backprop.nn.data.store.PretrainedRef;
import org.backprop.nn.data.store.ShardRef;

/**
 * Datasets in a folder laid out as the grader's sandbox sees them ({@code docs/datasets.md}):
 * {@code manifests/<name>.json} and {@code shards/<sha256>}, and pretrained models ({@code docs/pretrained.md}):
 * {@code pretrained/<name>.json} ({@link PretrainedRef}) and {@code pretrained/<sha256>.bpm}. For programs on the JVM (tests, tools); the browser
 * and the sandbox provide datasets through their JavaScript host instead.
 */
public final class FolderDatasetSource implements DatasetSource {
    private final Path root;

    public FolderDatasetSource(Path root) {
        this.root = root;
    }

    @Override
    public DatasetManifest manifest(String reference) {
        DatasetReference wanted = DatasetReference.parse(reference);
        DatasetManifest manifest;
        try {
            manifest = DatasetManifest.fromJson(Files.readString(
                    root.resolve("manifests").resolve(wanted.name() + ".json"), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("There is no dataset " + wanted.name() + "; there are " + available());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the manifest of " + wanted.name(), e);
        }
        if (!wanted.matches(manifest)) {
            throw new IllegalArgumentException("There is no dataset " + wanted + "; there are " + available());
        }
        return manifest;
    }

    @Override
    public byte[] shard(ShardRef shard) {
        try {
            return Files.readAllBytes(root.resolve("shards").resolve(shard.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shard " + shard.sha256(), e);
        }
    }

    @Override
    public byte[] pretrained(String reference) {
        DatasetReference wanted = DatasetReference.parse(reference, "pretrained model", "vgg16");
        Path folder = root.resolve("pretrained");
        PretrainedRef model;
        try {
            model = PretrainedRef.fromJson(Files.readString(folder.resolve(wanted.name() + ".json"),
                    StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("There is no pretrained model " + wanted.name() + "; there are "
                    + availablePretrained());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the pretrained model " + wanted.name(), e);
        }
        if (!wanted.matches(model.name(), model.version())) {
            throw new IllegalArgumentException("There is no pretrained model " + wanted + "; there are "
                    + availablePretrained());
        }
        try {
            return Files.readAllBytes(folder.resolve(model.sha256() + ".bpm"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the pretrained model " + model.sha256(), e);
        }
    }

    private String availablePretrained() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root.resolve("pretrained"))) {
            entries.filter(path -> path.getFileName().toString().endsWith(".json")).forEach(path -> {
                try {
                    PretrainedRef model = PretrainedRef.fromJson(Files.readString(path, StandardCharsets.UTF_8));
                    names.add(model.name() + " " + model.version());
                } catch (IOException | IllegalArgumentException e) {
                    names.add(path.getFileName() + " (unreadable)");
                }
            });
        } catch (IOException e) {
            return "none";
        }
        names.sort(null);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private String available() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> manifests = Files.list(root.resolve("manifests"))) {
            manifests.forEach(path -> {
                try {
                    DatasetManifest manifest = DatasetManifest.fromJson(Files.readString(path, StandardCharsets.UTF_8));
                    names.add(manifest.name() + " " + manifest.version());
                } catch (IOException | IllegalArgumentException e) {
                    names.add(path.getFileName() + " (unreadable)");
                }
            });
        } catch (IOException e) {
            return "none";
        }
        names.sort(null);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
