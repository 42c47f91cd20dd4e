import java.util.Random;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Conv2DTranspose;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.SeparableConv2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.RandomRotation;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;

/**
 * Deep Learning with Python, chapter 9: the segmentation model of section 9.2 (built at the book's size, trained
 * small on 16x16 images of rectangles this program makes, as the Oxford pets are not a course dataset), then section 9.3 (modern convnet architecture patterns): residual connections,
 * batch normalization, depthwise separable convolutions and the mini Xception, cited by section and the book's
 * captions. The residual convnet trains on images this program makes (8×8 stripes, horizontal or vertical: a binary
 * task like dogs vs. cats, small enough for a CPU test).
 */
public class Main {
    public static void main(String[] args) {
        // 9.2 An image segmentation example: the model, at the book's size (200x200 RGB, 3 classes)
        Model segmentation = getModel(200, 3, 3, 64);
        segmentation.summary();
        System.out.println("9.2 segmentation params = " + segmentation.countParams());
        int[] masks = segmentation.output().shape();
        System.out.println("9.2 segmentation output = " + masks[0] + "x" + masks[1] + "x" + masks[2]);
        trainSegmentation();

        // 9.3.2 Residual block where the number of filters changes
        Input inputs = Input.shape(32, 32, 3);
        KerasTensor x = new Conv2D(32, 3, "relu").apply(inputs);
        KerasTensor residual = x;
        x = new Conv2D(64, 3, "relu").padding("same").apply(x);
        residual = new Conv2D(64, 1).apply(residual);
        x = new Add().apply(x, residual);
        System.out.println("9.3.2 filters change params = " + new Model(inputs, x).countParams());

        // 9.3.2 Case where the target block includes a max pooling layer
        Input pooledInputs = Input.shape(32, 32, 3);
        KerasTensor y = new Conv2D(32, 3, "relu").apply(pooledInputs);
        KerasTensor pooledResidual = y;
        y = new Conv2D(64, 3, "relu").padding("same").apply(y);
        y = new MaxPooling2D(2).padding("same").apply(y);
        pooledResidual = new Conv2D(64, 1).strides(2).apply(pooledResidual);
        y = new Add().apply(y, pooledResidual);
        Model pooled = new Model(pooledInputs, y);
        System.out.println("9.3.2 max pooling params = " + pooled.countParams());
        int[] shape = pooled.output().shape();
        System.out.println("9.3.2 max pooling output = " + shape[0] + "x" + shape[1] + "x" + shape[2]);

        // 9.3.2 A simple convnet built from residual blocks
        Model residualNet = residualConvnet(32, 3);
        System.out.println("9.3.2 residual convnet params = " + residualNet.countParams());

        // 9.3.3 Batch normalization: a convolution without bias, normalized, then activated
        Input bnInputs = Input.shape(32, 32, 3);
        KerasTensor z = new Conv2D(32, 3).useBias(false).apply(bnInputs);
        z = new BatchNormalization().apply(z);
        z = new Activation("relu").apply(z);
        Model batchNormalized = new Model(bnInputs, z);
        System.out.println("9.3.3 params = " + batchNormalized.countParams());
        System.out.println("9.3.3 trainable params = " + batchNormalized.layers().get(0).countTrainableParams()
                + "+" + batchNormalized.layers().get(1).countTrainableParams());

        // 9.3.5 Putting it together: a mini Xception-like model
        System.out.println("9.3.5 mini xception params = " + miniXception().countParams());

        // The residual convnet, trained on made-up 8x8 images: horizontal stripes (0) or vertical (1)
        Random random = new Random(9);
        float[] pixels = new float[240 * 8 * 8];
        float[] labels = new float[240];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(2);
            int period = 2 + random.nextInt(3);
            for (int row = 0; row < 8; row++) {
                for (int col = 0; col < 8; col++) {
                    int across = labels[i] == 0 ? row : col;
                    pixels[i * 64 + row * 8 + col] = (across % period == 0 ? 220 : 30) + random.nextInt(30);
                }
            }
        }
        Tensor images = Tensor.of(new int[] {240, 8, 8, 1}, pixels);
        Tensor targets = Tensor.of(labels);
        Model model = residualConvnet(8, 1);
        model.compile("rmsprop", "binary_crossentropy", "accuracy");
        History history = model.fit(images.slice(0, 160), targets.slice(0, 160), FitOptions.epochs(2).batchSize(16)
                .validationData(images.slice(160, 240), targets.slice(160, 240)).verbose(0));
        System.out.println("9.3.2 first loss = " + history.get("loss").get(0));
        System.out.println("9.3.2 last loss = " + history.get("loss").get(1));
        System.out.println("9.3.2 val_accuracy = " + history.get("val_accuracy").get(1));
    }

    /**
     * 9.2's model: strided convolutions down to a third of the size, transposed convolutions back up, a softmax per
     * pixel. {@code width} is the first block's filters (the book's 64; 128 and 256 follow).
     */
    static Model getModel(int imgSize, int channels, int numClasses, int width) {
        Input inputs = Input.shape(imgSize, imgSize, channels);
        KerasTensor x = new Rescaling(1.0 / 255).apply(inputs);
        x = new Conv2D(width, 3, "relu").strides(2).padding("same").apply(x);
        x = new Conv2D(width, 3, "relu").padding("same").apply(x);
        x = new Conv2D(2 * width, 3, "relu").strides(2).padding("same").apply(x);
        x = new Conv2D(2 * width, 3, "relu").padding("same").apply(x);
        x = new Conv2D(4 * width, 3, "relu").strides(2).padding("same").apply(x);
        x = new Conv2D(4 * width, 3, "relu").padding("same").apply(x);
        x = new Conv2DTranspose(4 * width, 3, "relu").padding("same").apply(x);
        x = new Conv2DTranspose(4 * width, 3, "relu").padding("same").strides(2).apply(x);
        x = new Conv2DTranspose(2 * width, 3, "relu").padding("same").apply(x);
        x = new Conv2DTranspose(2 * width, 3, "relu").padding("same").strides(2).apply(x);
        x = new Conv2DTranspose(width, 3, "relu").padding("same").apply(x);
        x = new Conv2DTranspose(width, 3, "relu").padding("same").strides(2).apply(x);
        KerasTensor outputs = new Conv2D(numClasses, 3, "softmax").padding("same").apply(x);
        return new Model(inputs, outputs);
    }

    /**
     * 9.2 trained small: 16x16 grey images of a bright rectangle on dark noise; the book's three mask classes are
     * 0 inside the rectangle, 1 background, 2 its border, kept as the book keeps them: integer masks of shape
     * (16, 16, 1), one class index per pixel, with sparse_categorical_crossentropy; pixel accuracy is counted here.
     */
    static void trainSegmentation() {
        Random random = new Random(92);
        int count = 160;
        float[] pixels = new float[count * 256];
        int[] classes = new int[count * 256];
        for (int i = 0; i < count; i++) {
            int top = random.nextInt(8);
            int left = random.nextInt(8);
            int bottom = top + 5 + random.nextInt(4);
            int right = left + 5 + random.nextInt(4);
            for (int row = 0; row < 16; row++) {
                for (int col = 0; col < 16; col++) {
                    boolean inside = row >= top && row <= bottom && col >= left && col <= right;
                    boolean border = inside && (row == top || row == bottom || col == left || col == right);
                    int pixel = i * 256 + row * 16 + col;
                    pixels[pixel] = inside ? 170 + random.nextInt(60) : random.nextInt(60);
                    classes[pixel] = border ? 2 : inside ? 0 : 1;
                }
            }
        }
        float[] masks = new float[count * 256];
        for (int pixel = 0; pixel < masks.length; pixel++) {
            masks[pixel] = classes[pixel];
        }
        Tensor images = Tensor.of(new int[] {count, 16, 16, 1}, pixels);
        Tensor targets = Tensor.of(new int[] {count, 16, 16, 1}, masks);
        Model model = getModel(16, 1, 3, 16);
        model.compile("rmsprop", "sparse_categorical_crossentropy");
        History history = model.fit(images.slice(0, 128), targets.slice(0, 128), FitOptions.epochs(8).batchSize(8)
                .verbose(0));
        System.out.println("9.2 first loss = " + history.get("loss").get(0));
        System.out.println("9.2 last loss = " + history.get("loss").get(7));
        // Pixel accuracy on the 32 held-out images, and the share of the most common class (background)
        Tensor predicted = model.predict(images.slice(128, count));
        int right = 0;
        int background = 0;
        for (int pixel = 0; pixel < 32 * 256; pixel++) {
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (predicted.get(pixel * 3 + c) > predicted.get(pixel * 3 + best)) {
                    best = c;
                }
            }
            int truth = classes[128 * 256 + pixel];
            right += best == truth ? 1 : 0;
            background += truth == 1 ? 1 : 0;
        }
        System.out.println("9.2 pixel accuracy = " + right / (32.0 * 256));
        System.out.println("9.2 background share = " + background / (32.0 * 256));
    }

    /** 9.3.2's convnet: three residual blocks on {@code side}×{@code side} images, one sigmoid unit. */
    static Model residualConvnet(int side, int channels) {
        Input inputs = Input.shape(side, side, channels);
        KerasTensor x = new Rescaling(1.0 / 255).apply(inputs);
        x = residualBlock(x, 32, true);
        x = residualBlock(x, 64, true);
        x = residualBlock(x, 128, false);
        x = new GlobalAveragePooling2D().apply(x);
        KerasTensor outputs = new Dense(1, "sigmoid").apply(x);
        return new Model(inputs, outputs);
    }

    static KerasTensor residualBlock(KerasTensor x, int filters, boolean pooling) {
        KerasTensor residual = x;
        x = new Conv2D(filters, 3, "relu").padding("same").apply(x);
        x = new Conv2D(filters, 3, "relu").padding("same").apply(x);
        if (pooling) {
            x = new MaxPooling2D(2).padding("same").apply(x);
            residual = new Conv2D(filters, 1).strides(2).apply(residual);
        } else if (filters != residual.shape()[residual.shape().length - 1]) {
            residual = new Conv2D(filters, 1).apply(residual);
        }
        return new Add().apply(x, residual);
    }

    /** 9.3.5: augmentation, then blocks of BatchNormalization, ReLU and SeparableConv2D with strided residuals. */
    static Model miniXception() {
        Sequential dataAugmentation = new Sequential(
                new RandomFlip("horizontal"),
                new RandomRotation(0.1),
                new RandomZoom(0.2));
        Input inputs = Input.shape(180, 180, 3);
        KerasTensor x = dataAugmentation.apply(inputs);
        x = new Rescaling(1.0 / 255).apply(x);
        x = new Conv2D(32, 5).useBias(false).apply(x);
        for (int size : new int[] {32, 64, 128, 256, 512}) {
            KerasTensor residual = x;
            x = new BatchNormalization().apply(x);
            x = new Activation("relu").apply(x);
            x = new SeparableConv2D(size, 3).padding("same").useBias(false).apply(x);
            x = new BatchNormalization().apply(x);
            x = new Activation("relu").apply(x);
            x = new SeparableConv2D(size, 3).padding("same").useBias(false).apply(x);
            x = new MaxPooling2D(3).strides(2).padding("same").apply(x);
            residual = new Conv2D(size, 1).strides(2).padding("same").useBias(false).apply(residual);
            x = new Add().apply(x, residual);
        }
        x = new GlobalAveragePooling2D().apply(x);
        x = new Dropout(0.5).apply(x);
        KerasTensor outputs = new Dense(1, "sigmoid").apply(x);
        return new Model(inputs, outputs);
    }
}
