package org.backprop.nn.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.losses.Loss;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.RecordedLayers;
import org.backprop.nn.optim.Optimizer;
import org.backprop.nn.optim.schedules.LearningRateSchedule;

/** Builds the parts of a run record from the library's live objects: model graph, history, optimizer and loss. */
public final class RunRecords {
    private RunRecords() {
    }

    /**
     * Returns the graph of a built model: per layer its name, Keras type, output shape (without batch), trainable
     * and non-trainable weight counts, whether it acts only in training, and whether its class is the library's or
     * one the program wrote (custom); a model used as a layer is opened up into its layers ({@link RecordedLayers}).
     * No behaviour evidence: {@code fit} adds that where the runtime asks for it.
     */
    public static ModelGraph describe(Model model) {
        if (!model.built()) {
            throw new IllegalArgumentException("Model \"" + model.name() + "\" is not built yet: give it an Input, or"
                    + " call it on data, before describing it for a run record.");
        }
        List<RecordedLayers.Entry> layers = RecordedLayers.of(model);
        List<LayerRecord> records = new ArrayList<>();
        for (RecordedLayers.Entry entry : layers) {
            Layer layer = entry.layer();
            int trainable = layer.countTrainableParams();
            records.add(new LayerRecord(entry.name(), layer.typeName(), shape(entry.outputShape()), trainable,
                    layer.countParams() - trainable, layer.activeOnlyInTraining(), entry.inbound(), isCustom(layer),
                    null, null));
        }
        List<Integer> inputShape = shape(RecordedLayers.inputShape(model, layers));
        return new ModelGraph(model.name(), inputShape, records);
    }

    /**
     * Returns whether {@code layer}'s class was written outside the library. A student's class can never be in
     * {@code org.backprop.nn}: the grader's policy refuses programs that declare classes there. Its Keras type
     * name, which a student's {@code typeName()} may choose freely, says nothing. {@code getClass().getName()}
     * keeps the real name under TeaVM too (the grader's sandbox tests check it).
     */
    public static boolean isCustom(Layer layer) {
        return !layer.getClass().getName().startsWith("org.backprop.nn.");
    }

    /** Returns every metric's per-epoch values from {@code fit}'s history, in Keras's logging order. */
    public static Map<String, List<Double>> history(History history) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String metric : history.metrics()) {
            values.put(metric, history.get(metric));
        }
        return values;
    }

    /**
     * Returns the optimizer's Keras name and its learning rate as {@code learning_rate}; a schedule's Keras class
     * name there instead, with its settings flattened as {@code learning_rate.<setting>} (Keras nests them; a
     * record's settings are flat).
     */
    public static ComponentConfig optimizer(Optimizer optimizer) {
        LearningRateSchedule schedule = optimizer.learningRateSchedule();
        if (schedule != null) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("learning_rate", schedule.className());
            for (Map.Entry<String, Object> setting : schedule.getConfig().entrySet()) {
                settings.put("learning_rate." + setting.getKey(), setting.getValue());
            }
            return new ComponentConfig(optimizer.name(), settings);
        }
        // The rate is a float; its shortest decimal (0.001, not 0.0010000000474974513) is what the student wrote.
        double learningRate = Double.parseDouble(Float.toString(optimizer.learningRate()));
        return new ComponentConfig(optimizer.name(), Map.of("learning_rate", learningRate));
    }

    /** The loss a run record names for a model compiled without one, whose train step computes its own. */
    public static final String CUSTOM_TRAIN_STEP = "custom_train_step";

    /** Returns the loss's Keras name, or {@value #CUSTOM_TRAIN_STEP} for none (a model compiled with an optimizer alone). */
    public static ComponentConfig loss(Loss loss) {
        return ComponentConfig.of(loss == null ? CUSTOM_TRAIN_STEP : loss.name());
    }

    private static List<Integer> shape(int[] dims) {
        List<Integer> shape = new ArrayList<>(dims.length);
        for (int dim : dims) {
            shape.add(dim);
        }
        return shape;
    }
}
