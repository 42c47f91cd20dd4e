package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Numbers;
import org.backprop.nn.Shapes;
import org.backprop.nn.layers.Layer;

/**
 * Renders a model summary in Keras 3's table layout, with its parameter counts (thousands separated) and
 * sizes. Columns widen to fit long layer names instead of wrapping them.
 */
final class Summary {
    private static final int[] MINIMUM_WIDTHS = {33, 24, 15};

    private Summary() {
    }

    /**
     * Renders the table; with {@code connections} (functional models) the input gets a row of its own and, when
     * the layers are not a plain chain, a "Connected to" column names each layer's inputs, as Keras does.
     */
    static String render(Model model, List<int[]> outputShapes, boolean connections) {
        List<Layer> layers = model.layers();
        boolean chain = isChain(model, layers);
        boolean connectedTo = connections && !chain;
        List<String[]> rows = new ArrayList<>();
        if (connections) {
            // One row per input, as Keras's InputLayer rows, named as the model names them.
            for (int i = 0; i < model.inputs().size(); i++) {
                String name = model.inputNames().get(i) + " (InputLayer)";
                String shape = Shapes.describe(Shapes.withBatch(-1, model.inputs().get(i).shape()));
                rows.add(connectedTo ? new String[] {name, shape, "0", "-"} : new String[] {name, shape, "0"});
            }
        }
        long trainable = 0;
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String name = layer.name() + " (" + layer.typeName() + ")";
            // A subclassed model's layer that no call has built yet: Keras 3 prints "?" and "0 (unbuilt)".
            int[] outputShape = outputShapes.get(i);
            String shape = outputShape == null ? "?" : Shapes.describe(Shapes.withBatch(-1, outputShape));
            String params = outputShape == null ? "0 (unbuilt)" : thousands(layer.countParams());
            rows.add(connectedTo ? new String[] {name, shape, params, connectedTo(model.inboundLayerNames(layer))}
                    : new String[] {name, shape, params});
            trainable += layer.countTrainableParams();
            total += layer.countParams();
        }
        int[] widths = connectedTo ? new int[] {MINIMUM_WIDTHS[0], MINIMUM_WIDTHS[1], MINIMUM_WIDTHS[2], 20}
                : MINIMUM_WIDTHS.clone();
        for (String[] row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder text = new StringBuilder("Model: \"" + model.name() + "\"\n");
        text.append(border(widths, '┏', '━', '┳', '┓'));
        text.append(row(widths, '┃', connectedTo ? new String[] {"Layer (type)", "Output Shape", "Param #",
            "Connected to"} : new String[] {"Layer (type)", "Output Shape", "Param #"}));
        text.append(border(widths, '┡', '━', '╇', '┩'));
        for (String[] row : rows) {
            text.append(row(widths, '│', row));
        }
        text.append(border(widths, '└', '─', '┴', '┘'));
        text.append(" Total params: ").append(count(total)).append('\n');
        text.append(" Trainable params: ").append(count(trainable)).append('\n');
        text.append(" Non-trainable params: ").append(count(total - trainable)).append('\n');
        return text.toString();
    }

    private static String border(int[] widths, char left, char line, char join, char right) {
        StringBuilder text = new StringBuilder().append(left);
        for (int column = 0; column < widths.length; column++) {
            text.append(String.valueOf(line).repeat(widths[column] + 2)).append(column == widths.length - 1 ? right : join);
        }
        return text.append('\n').toString();
    }

    private static String row(int[] widths, char edge, String[] cells) {
        String text = edge + " " + pad(cells[0], widths[0]) + " " + edge + " " + pad(cells[1], widths[1]) + " " + edge
                + " " + " ".repeat(widths[2] - cells[2].length()) + cells[2] + " " + edge;
        if (cells.length > 3) {
            text += " " + pad(cells[3], widths[3]) + " " + edge;
        }
        return text + "\n";
    }

    /** Returns whether every layer takes exactly the previous one's output (the first the input's). */
    private static boolean isChain(Model model, List<Layer> layers) {
        for (int i = 0; i < layers.size(); i++) {
            List<String> inbound = model.inboundLayerNames(layers.get(i));
            if (inbound.size() != 1 || !(i == 0 ? model.isInputName(inbound.get(0))
                    : inbound.get(0).equals(layers.get(i - 1).name()))) {
                return false;
            }
        }
        return true;
    }

    /** Returns Keras's "Connected to" cell: {@code conv2d[0][0], max_pooling2d[0][0]}. */
    private static String connectedTo(List<String> inbound) {
        StringBuilder text = new StringBuilder();
        for (String name : inbound) {
            text.append(text.length() == 0 ? "" : ", ").append(name).append("[0][0]");
        }
        return text.toString();
    }

    /** Returns 721857 as "721,857", as Keras prints counts. */
    private static String thousands(long value) {
        String digits = Long.toString(value);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
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
        return thousands(params) + " (" + Numbers.format(bytes, 2) + " " + units[unit] + ")";
    }
}
