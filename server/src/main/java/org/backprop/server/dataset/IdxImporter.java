package org.backprop.server.dataset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.backprop.nn.data.store.DatasetManifest;

/**
 * Imports MNIST-style IDX files: {@code train-images-idx3-ubyte} with {@code train-labels-idx1-ubyte} become
 * the split "train", {@code t10k-…} (or {@code test-…}) the split "test", each gzipped or not. Images and labels
 * are read side by side, one example at a time. IDX names no classes: they are the instructor's class names, or
 * the digits 0 to 9.
 */
final class IdxImporter implements FolderImporter {
    private static final Pattern FILE = Pattern.compile("(train|t10k|test)-(images|labels)[-.]idx([13])-ubyte(\\.gz)?");
    private static final int UBYTE_IMAGES = 0x0803;
    private static final int UBYTE_LABELS = 0x0801;

    /** Returns whether {@code fileName} is the name of an IDX file this importer reads. */
    static boolean isIdxFile(String fileName) {
        return FILE.matcher(fileName).matches();
    }

    @Override
    public DatasetManifest read(Path folder, ImportSettings settings, ShardSink sink, ImportLimits limits)
            throws IOException {
        Map<String, Path[]> splits = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder, 3)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    String split = name.group(1).equals("train") ? "train" : "test";
                    splits.computeIfAbsent(split, s -> new Path[2])[name.group(2).equals("images") ? 0 : 1] = file;
                }
            }
        }
        if (splits.isEmpty()) {
            throw new DatasetImportException("The upload holds no IDX files: expected names such as"
                    + " train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz.");
        }
        List<String> classNames = settings.classNames().isEmpty() ? digits() : settings.classNames();
        DatasetBuilder builder = new DatasetBuilder(classNames,
                new ImageShaper(settings.height(), settings.width(), settings.channels()), sink,
                limits.maxDatasetBytes());
        for (Map.Entry<String, Path[]> split : splits.entrySet()) {
            Path images = split.getValue()[0];
            Path labels = split.getValue()[1];
            if (images == null || labels == null) {
                throw new DatasetImportException("The split \"" + split.getKey() + "\" has " + (images == null
                        ? "labels (" + labels.getFileName() + ") but no images file"
                        : "images (" + images.getFileName() + ") but no labels file") + ".");
            }
            builder.declare(split.getKey());
            readSplit(split.getKey(), images, labels, builder);
        }
        return builder.finish(FolderImporter.required(settings.name(), null, "name"),
                FolderImporter.required(settings.version(), null, "version"), settings.hiddenSplit());
    }

    private static void readSplit(String split, Path imagesFile, Path labelsFile, DatasetBuilder builder)
            throws IOException {
        String imagesName = imagesFile.getFileName().toString();
        String labelsName = labelsFile.getFileName().toString();
        try (DataInputStream images = open(imagesFile); DataInputStream labels = open(labelsFile)) {
            int[] imageHeader = header(images, imagesName, UBYTE_IMAGES, 3);
            int[] labelHeader = header(labels, labelsName, UBYTE_LABELS, 1);
            if (imageHeader[0] != labelHeader[0]) {
                throw new DatasetImportException(imagesName + " holds " + imageHeader[0] + " images but " + labelsName
                        + " holds " + labelHeader[0] + " labels.");
            }
            int rows = imageHeader[1];
            int columns = imageHeader[2];
            if (rows < 1 || columns < 1 || rows > 4096 || columns > 4096) {
                throw new DatasetImportException(imagesName + ": images of " + rows + "x" + columns + " pixels are"
                        + " not supported.");
            }
            byte[] raw = new byte[rows * columns];
            for (int i = 0; i < imageHeader[0]; i++) {
                String where = imagesName + ", image " + i;
                int label;
                try {
                    images.readFully(raw);
                } catch (EOFException e) {
                    throw new DatasetImportException(where + ": the file ends early: it is truncated.", e);
                }
                try {
                    label = labels.readUnsignedByte();
                } catch (EOFException e) {
                    throw new DatasetImportException(labelsName + ", label " + i + ": the file ends early: it is"
                            + " truncated.", e);
                }
                float[] pixels = new float[raw.length];
                for (int p = 0; p < raw.length; p++) {
                    pixels[p] = raw[p] & 0xff;
                }
                builder.add(split, new DecodedImage(rows, columns, 1, pixels), label, where);
            }
        }
    }

    /** Reads the magic number and the dimensions; returns the dimensions. */
    private static int[] header(DataInputStream in, String file, int magic, int dimensions) throws IOException {
        try {
            int found = in.readInt();
            if (found != magic) {
                throw new DatasetImportException(file + " is not an IDX file of unsigned bytes with " + dimensions
                        + " dimension" + (dimensions == 1 ? "" : "s") + " (its magic number is 0x"
                        + Integer.toHexString(found) + ").");
            }
            int[] sizes = new int[dimensions];
            for (int d = 0; d < dimensions; d++) {
                sizes[d] = in.readInt();
            }
            return sizes;
        } catch (EOFException e) {
            throw new DatasetImportException(file + " ends inside its header: it is truncated.", e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        try {
            return new DataInputStream(file.getFileName().toString().endsWith(".gz")
                    ? new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), 64 * 1024) : in);
        } catch (IOException e) {
            in.close();
            throw new DatasetImportException(file.getFileName() + " is not a gzip file: " + e.getMessage(), e);
        }
    }

    private static List<String> digits() {
        List<String> digits = new ArrayList<>();
        for (int d = 0; d <= 9; d++) {
            digits.add(Integer.toString(d));
        }
        return digits;
    }
}
