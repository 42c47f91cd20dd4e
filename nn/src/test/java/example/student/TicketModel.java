package example.student;

import java.util.List;
import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.models.Model;

/**
 * Deep Learning with Python's listing 7.14 as written, the way a student writes it with nn: three inputs read by
 * name, two outputs returned.
 */
public final class TicketModel extends Model {
    private final Concatenate concatLayer;
    private final Dense mixingLayer;
    private final Dense priorityScorer;
    private final Dense departmentClassifier;

    public TicketModel(int numDepartments) {
        concatLayer = track(new Concatenate());
        mixingLayer = track(new Dense(64, "relu"));
        priorityScorer = track(new Dense(1, "sigmoid"));
        departmentClassifier = track(new Dense(numDepartments, "softmax"));
    }

    @Override
    public List<Tensor> call(Map<String, Tensor> inputs, boolean training) {
        Tensor title = inputs.get("title");
        Tensor textBody = inputs.get("text_body");
        Tensor tags = inputs.get("tags");
        Tensor features = concatLayer.callAll(List.of(title, textBody, tags), training);
        features = mixingLayer.call(features, training);
        Tensor priority = priorityScorer.call(features, training);
        Tensor department = departmentClassifier.call(features, training);
        return List.of(priority, department);
    }
}
