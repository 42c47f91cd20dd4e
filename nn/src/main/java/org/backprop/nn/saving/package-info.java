/**
 * Saved models: a whole model, architecture and weights, as one self-describing array of bytes that the library
 * alone rebuilds, as Keras's {@code model.save} and {@code load_model}. Students call
 * {@link org.backprop.nn.models.Model#save(String)}; the runtime hosting the program receives the bytes (the
 * browser keeps them for the team, the grader evaluates them on the hidden test split without running student
 * code).
 *
 * <ul>
 *   <li>{@link org.backprop.nn.saving.SavedModels}: {@code toBytes} and {@code fromBytes}, and the format;</li>
 *   <li>{@link org.backprop.nn.saving.LayerRegistry}: each library layer's Keras class name and the factory that
 *       rebuilds it from its {@link org.backprop.nn.layers.Layer#getConfig() config}, an explicit map with no
 *       reflection so that TeaVM translates it; a layer class not in it (a student's own) cannot be saved;</li>
 *   <li>package-private: the container bytes ({@code SavedModelFile}), the model configs ({@code ModelConfig},
 *       {@code SequentialConfig}, {@code FunctionalConfig}), the weight list ({@code WeightTable}), and JSON
 *       values read and written with {@link org.backprop.nn.json}'s reader and writer ({@code JsonValues},
 *       {@code Members}).</li>
 * </ul>
 */
package org.backprop.nn.saving;
