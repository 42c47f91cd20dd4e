package org.backprop.nn.saving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.models.Sequential;

/**
 * A {@link Sequential} model's config: {@code name}, {@code layers} in order, and {@code build_input_shape}
 * ({@code [null, …]}, or null while the model has not been built), as Keras's.
 */
final class SequentialConfig {
    private SequentialConfig() {
    }

    static Map<String, Object> describe(Sequential model) {
        List<Layer> layers = model.layers();
        ModelConfig.checkUniqueNames(model, layers, null);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", model.name());
        boolean built = model.built() && !layers.isEmpty();
        config.put("build_input_shape", built ? ModelConfig.batchShape(layers.get(0).inputShape()) : null);
        List<Object> described = new ArrayList<>();
        for (Layer layer : layers) {
            described.add(ModelConfig.layer(layer));
        }
        config.put("layers", described);
        return config;
    }

    static Sequential rebuild(Map<String, Object> config) {
        String where = "model.config";
        List<Object> described = Members.list(config, "layers", where);
        if (described.size() > ModelConfig.MAX_LAYERS) {
            throw new IllegalArgumentException(where + ".layers lists " + described.size() + " layers, more than "
                    + ModelConfig.MAX_LAYERS);
        }
        Layer[] layers = new Layer[described.size()];
        for (int i = 0; i < layers.length; i++) {
            String at = where + ".layers[" + i + "]";
            layers[i] = ModelConfig.layer(Members.object(described.get(i), at), at);
        }
        Sequential model = new Sequential(Members.string(config, "name", where), layers);
        ModelConfig.checkUniqueNames(model, model.layers(), null);
        Object inputShape = Members.required(config, "build_input_shape", where);
        if (inputShape != null) {
            model.build(ModelConfig.shapeWithoutBatch(inputShape, where + ".build_input_shape"));
        }
        return model;
    }
}
