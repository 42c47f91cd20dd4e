package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.data.Batching;
import org.backprop.nn.data.ExampleSource;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.records.DataProvenance;
import org.backprop.nn.records.DatasetRecord;

/**
 * The data of one {@code fit}, split as its options say (validation data given, {@code validationSplit}, or
 * none), and its description for the run record: the name, the split in words, the sizes, and for each part read
 * from a stored split its provenance (dataset, version, split, examples, shard hashes).
 */
final class DataParts {
    final ExampleSource train;
    final ExampleSource validation;
    private final String name;
    private final String split;

    private DataParts(ExampleSource train, ExampleSource validation, String name, String split) {
        this.train = train;
        this.validation = validation;
        this.name = name;
        this.split = split;
    }

    static DataParts of(ExampleSource data, FitOptions options) {
        String name = name(data, options);
        if (options.validationSplit > 0) {
            int trainSize = Batching.trainSize(data.size(), options.validationSplit, "examples");
            return new DataParts(data.slice(0, trainSize), data.slice(trainSize, data.size()), name,
                    "validation_split=" + options.validationSplit);
        }
        ExampleSource validation = options.validationData;
        return new DataParts(data, validation, name, validation == null ? "no validation" : "validation data given");
    }

    /** The name the program gave, else the stored split's own ("fashion_mnist:1.0.0/train"), else "unnamed". */
    private static String name(ExampleSource data, FitOptions options) {
        if (options.datasetName != null) {
            return options.datasetName;
        }
        if (data instanceof StoredDataset stored) {
            return stored.name() + ":" + stored.version() + "/" + stored.splitName();
        }
        return "unnamed";
    }

    DatasetRecord record() {
        List<DataProvenance> sources = new ArrayList<>();
        addProvenance(sources, "train", train);
        addProvenance(sources, "validation", validation);
        return new DatasetRecord(name, split, train.size(), validation == null ? 0 : validation.size(), 0, sources);
    }

    /** Adds what a stored split says of itself; arrays a program made have no provenance to add. */
    private static void addProvenance(List<DataProvenance> sources, String role, ExampleSource part) {
        if (part instanceof StoredDataset stored) {
            sources.add(new DataProvenance(role, stored.name(), stored.version(), stored.splitName(), stored.size(),
                    stored.shardHashes()));
        }
    }
}
