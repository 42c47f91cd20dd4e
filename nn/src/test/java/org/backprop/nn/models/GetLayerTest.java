package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Model#getLayer}, Keras's {@code model.get_layer(name)}, on functional and Sequential models. */
class GetLayerTest {

    @BeforeEach
    void freshNames() {
        LayerNames.reset();
    }

    @Test
    void findsALayerByItsName() {
        Input inputs = Input.shape(3);
        Dense hidden = new Dense(4, "relu");
        KerasTensor x = hidden.apply(inputs);
        Dense output = new Dense(1);
        output.setName("score");
        Model model = new Model(inputs, output.apply(x), "scorer");
        assertSame(hidden, model.getLayer("dense"));
        assertSame(output, model.getLayer("score"));
        Layer first = new Dense(2);
        Sequential sequential = new Sequential(first, new Dense(1));
        assertSame(first, sequential.getLayer(first.name()));
    }

    @Test
    void namesTheModelsLayersWhenNoneHasTheName() {
        Input inputs = Input.shape(3);
        KerasTensor hidden = new Dense(4).apply(inputs);
        Model model = new Model(inputs, new Dense(1).apply(hidden), "scorer");
        assertEquals("Model \"scorer\" has no layer named \"dense_2\"; its layers are [dense, dense_1]",
                assertThrows(IllegalArgumentException.class, () -> model.getLayer("dense_2")).getMessage());
    }
}
