package org.backprop.grader.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.PretrainedRef;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.data.store.SplitManifest;

/**
 * The datasets and pretrained models one run may load: the datasets' manifests, the models' references, and where
 * the host keeps each shard's and each model's file (both are named by the SHA-256 of their bytes). A program sees
 * only the students' view: the manifests are stored here without the hidden splits' shards whatever the caller
 * passed, so {@link #visibleShards()} never names a hidden split's shard and the sandbox never binds one. Immutable.
 *
 * @param manifests at most one version of each dataset name (the run's folder names manifests by name)
 * @param pretrained at most one version of each pretrained model name, for the same reason
 * @param shardFiles where the host keeps the shard or saved model with a given SHA-256; asked only for visible shards
 *     and the pretrained models
 */
public record RunDatasets(List<DatasetManifest> manifests, List<PretrainedRef> pretrained, ShardFiles shardFiles) {
    /** A run without datasets: the program's {@code manifest(name)} rejects with "This run has no datasets". */
    public static final RunDatasets NONE = new RunDatasets(List.of(), sha256 -> {
        throw new IllegalArgumentException("This run has no datasets, so no shard " + sha256);
    });

    /** Says where the host keeps a shard's (or a saved model's) file, by its SHA-256 (64 lower-case hex digits). */
    @FunctionalInterface
    public interface ShardFiles {
        Path file(String sha256);
    }

    public RunDatasets {
        if (manifests == null || pretrained == null || shardFiles == null) {
            throw new IllegalArgumentException("manifests, pretrained and shardFiles must not be null");
        }
        Set<String> names = new HashSet<>();
        List<DatasetManifest> visible = new ArrayList<>(manifests.size());
        for (DatasetManifest manifest : manifests) {
            if (!names.add(manifest.name())) {
                throw new IllegalArgumentException("A run can hold one version of each dataset, but it was given "
                        + manifest.name() + " twice");
            }
            // Defence in depth: the caller should already pass the students' view.
            visible.add(manifest.withoutHiddenShards());
        }
        manifests = List.copyOf(visible);
        Set<String> models = new HashSet<>();
        for (PretrainedRef model : pretrained) {
            if (!models.add(model.name())) {
                throw new IllegalArgumentException("A run can hold one version of each pretrained model, but it was"
                        + " given " + model.name() + " twice");
            }
        }
        pretrained = List.copyOf(pretrained);
    }

    /** Returns the datasets {@code manifests} describe, without pretrained models. */
    public RunDatasets(List<DatasetManifest> manifests, ShardFiles shardFiles) {
        this(manifests, List.of(), shardFiles);
    }

    /** Returns whether the run has no dataset and no pretrained model at all. */
    public boolean isEmpty() {
        return manifests.isEmpty() && pretrained.isEmpty();
    }

    /** Returns the SHA-256 of every shard of every split that is not hidden, each once. */
    public Set<String> visibleShards() {
        Set<String> shards = new LinkedHashSet<>();
        for (DatasetManifest manifest : manifests) {
            for (SplitManifest split : manifest.splits()) {
                if (!split.hidden()) {
                    split.shards().stream().map(ShardRef::sha256).forEach(shards::add);
                }
            }
        }
        return shards;
    }
}
