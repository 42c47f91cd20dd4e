package example.student;

import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.models.Model;

/**
 * Deep Learning with Python's listing 7.14 as a student writes it with nn: a subclassed model that makes its layers in
 * the constructor and wires them in {@code call}. nn's models have one input and one output, so it takes the title,
 * text and tags side by side in one tensor and returns the priority (column 0) beside the department's probabilities.
 */
public final class CustomerTicketModel extends Model {
    private final Dense mixingLayer;
    private final Dense priorityScorer;
    private final Dense departmentClassifier;
    private final Concatenate outputs;

    public CustomerTicketModel(int numDepartments) {
        mixingLayer = track(new Dense(64, "relu"));
        priorityScorer = track(new Dense(1, "sigmoid"));
        departmentClassifier = track(new Dense(numDepartments, "softmax"));
        outputs = track(new Concatenate());
    }

    @Override
    public Tensor call(Tensor inputs, boolean training) {
        Tensor features = mixingLayer.call(inputs, training);
        Tensor priority = priorityScorer.call(features, training);
        Tensor department = departmentClassifier.call(features, training);
        return outputs.callAll(java.util.List.of(priority, department), training);
    }
}
