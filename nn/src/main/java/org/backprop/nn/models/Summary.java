package org.backprop.nn.models;

import java.util.List;
import org.backprop.nn.Numbers;
import org.backprop.nn.Shapes;
import org.backprop.nn.layers.Layer;

/** Renders a model summary in Keras 3's table layout, with its parameter counts and sizes. */
final class Summary {
    private static final int[] WIDTHS = {33, 24, 15};

    private Summary() {
    }

    static String render(Model model, List<int[]> outputShapes) {
        StringBuilder text = new StringBuilder("Model: \"" + model.name() + "\"\n");
        text.append(border('┏', '━', '┳', '┓'));
        text.append(row('┃', "Layer (type)", "Output Shape", "Param #"));
        text.append(border('┡', '━', '╇', '┩'));
        long trainable = 0;
        long total = 0;
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            text.append(row('│', layer.name() + " (" + layer.typeName() + ")",
                    Shapes.describe(Shapes.withBatch(-1, outputShapes.get(i))), Integer.toString(layer.countParams())));
            trainable += layer.countTrainableParams();
            total += layer.countParams();
        }
        text.append(border('└', '─', '┴', '┘'));
        text.append(" Total params: ").append(count(total)).append('\n');
        text.append(" Trainable params: ").append(count(trainable)).append('\n');
        text.append(" Non-trainable params: ").append(count(total - trainable)).append('\n');
        return text.toString();
    }

    private static String border(char left, char line, char join, char right) {
        StringBuilder text = new StringBuilder().append(left);
        for (int column = 0; column < WIDTHS.length; column++) {
            text.append(String.valueOf(line).repeat(WIDTHS[column] + 2)).append(column == WIDTHS.length - 1 ? right : join);
        }
        return text.append('\n').toString();
    }

    private static String row(char edge, String layer, String shape, String params) {
        return edge + " " + pad(layer, WIDTHS[0]) + " " + edge + " " + pad(shape, WIDTHS[1]) + " " + edge + " "
                + " ".repeat(Math.max(0, WIDTHS[2] - params.length())) + params + " " + edge + "\n";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** Returns "233 (932.00 B)": float32 weights take four bytes each. */
    private static String count(long params) {
        double bytes = params * 4.0;
        String[] units = {"B", "KB", "MB", "GB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return params + " (" + Numbers.format(bytes, 2) + " " + units[unit] + ")";
    }
}
