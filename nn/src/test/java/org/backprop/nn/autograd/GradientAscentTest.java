package org.backprop.nn.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.nn.GradientChecks;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.models.Model;
import org.backprop.nn.optim.SGD;
import org.backprop.nn.optim.schedules.ExponentialDecay;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gradients with respect to an image, not a weight, as chapter 12 of Deep Learning with Python takes them: DeepDream
 * climbs a layer's mean activation by hand ({@code image += step * grads}), style transfer moves a {@code
 * tf.Variable} combination image with an optimizer ({@code optimizer.apply_gradients([(grads, combination_image)])}).
 * The model is a small VGG-like base, freshly initialised with a fixed seed, left untouched by both.
 */
class GradientAscentTest {
    private Model model;
    private List<Tensor> weightsBefore;

    @BeforeEach
    void smallVggLikeBase() {
        LayerNames.reset();
        RandomSeed.set(12);
        Input inputs = Input.shape(12, 12, 3);
        KerasTensor x = new Conv2D(8, 3, "relu").padding("same").apply(inputs);
        x = new MaxPooling2D(2).apply(x);
        x = new Conv2D(16, 3, "relu").padding("same").apply(x);
        model = new Model(inputs, x, "feature_extractor");
        weightsBefore = model.layers().get(0).getWeights();
    }

    @Test
    void deepDreamStepsRaiseTheLayersMeanActivation() {
        Tensor image = GradientChecks.random(4, 0, 1, 1, 12, 12, 3);
        float first = activation(image).item();
        for (int step = 0; step < 5; step++) {
            // The book's gradient_ascent_step: tape.watch(image), grads normalised by their mean magnitude, added.
            Tensor leaf = image.asVariable();
            Tensor loss = activation(leaf);
            Tensor grads = Gradients.of(loss, List.of(leaf)).get(0);
            grads = grads.mul(1f / Math.max(grads.abs().mean().item(), 1e-6f));
            image = leaf.add(grads.mul(0.05f)).detach();
        }
        float last = activation(image).item();
        assertTrue(last > first * 1.5f, "the mean activation rose from " + first + " to " + last);
        assertArrayEquals(weightsBefore.get(0).toArray(), model.layers().get(0).getWeights().get(0).toArray(),
                "the model's weights are not what moves");
    }

    @Test
    void anOptimizerMovesACombinationImageVariable() {
        Variable combination = new Variable("combination_image", GradientChecks.random(5, 0, 1, 1, 12, 12, 3), true);
        SGD optimizer = new SGD(new ExponentialDecay(100.0, 100, 0.96)); // the book's schedule
        float first = activation(combination.value()).item();
        for (int step = 0; step < 5; step++) {
            // Minimising the negated activation, as the book's style transfer minimises its loss.
            Tensor loss = activation(combination.value()).neg();
            List<Tensor> grads = Gradients.of(loss, List.of(combination.value()));
            optimizer.applyGradients(grads, List.of(combination));
        }
        float last = activation(combination.value()).item();
        assertTrue(last > first * 1.5f, "the mean activation rose from " + first + " to " + last);
        assertEquals(5, optimizer.iterations());
        assertArrayEquals(new int[] {1, 12, 12, 3}, combination.shape());
    }

    private Tensor activation(Tensor image) {
        return model.call(image, false).mean();
    }
}
