package org.backprop.server.dataset;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * The two features an image classification example carries, read from a serialized {@code tf.train.Example}
 * with protobuf-java's {@link CodedInputStream}, straight from the wire format of TensorFlow's
 * {@code example.proto} and {@code feature.proto} (field numbers below), without generated classes:
 *
 * <pre>
 * Example  { Features features = 1; }
 * Features { map&lt;string, Feature&gt; feature = 1; }   // on the wire: repeated { string key = 1; Feature value = 2; }
 * Feature  { oneof kind { BytesList bytes_list = 1; FloatList float_list = 2; Int64List int64_list = 3; } }
 * BytesList { repeated bytes value = 1; }
 * Int64List { repeated int64 value = 1 [packed = true]; }       // packed or not, both are accepted
 * </pre>
 *
 * Other features (file names, ids) are skipped.
 */
record ExampleFeatures(byte[] image, long label) {

    /** Returns the first bytes of feature {@code imageKey} and the first int64 of {@code labelKey}. */
    static ExampleFeatures parse(byte[] example, String imageKey, String labelKey, String where) {
        byte[] image = null;
        Long label = null;
        try {
            CodedInputStream exampleIn = CodedInputStream.newInstance(example);
            for (int tag = exampleIn.readTag(); tag != 0; tag = exampleIn.readTag()) {
                if (tag != lengthDelimited(1)) {
                    exampleIn.skipField(tag);
                    continue;
                }
                CodedInputStream features = exampleIn.readBytes().newCodedInput();
                for (int entryTag = features.readTag(); entryTag != 0; entryTag = features.readTag()) {
                    if (entryTag != lengthDelimited(1)) {
                        features.skipField(entryTag);
                        continue;
                    }
                    CodedInputStream entry = features.readBytes().newCodedInput();
                    String key = null;
                    byte[] value = null;
                    for (int field = entry.readTag(); field != 0; field = entry.readTag()) {
                        if (field == lengthDelimited(1)) {
                            key = entry.readStringRequireUtf8();
                        } else if (field == lengthDelimited(2)) {
                            value = entry.readByteArray();
                        } else {
                            entry.skipField(field);
                        }
                    }
                    if (imageKey.equals(key) && value != null) {
                        image = firstBytes(value);
                    } else if (labelKey.equals(key) && value != null) {
                        label = firstInt64(value);
                    }
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new DatasetImportException(where + ": the record is not a valid tf.train.Example ("
                    + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new IllegalStateException("Reading a byte array cannot fail", e);
        }
        if (image == null) {
            throw new DatasetImportException(where + ": the example has no bytes feature \"" + imageKey + "\".");
        }
        if (label == null) {
            throw new DatasetImportException(where + ": the example has no int64 feature \"" + labelKey + "\".");
        }
        return new ExampleFeatures(image, label);
    }

    /** The first value of a {@code Feature} holding a {@code BytesList}, or null when it holds another kind. */
    private static byte[] firstBytes(byte[] feature) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(feature);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag != lengthDelimited(1)) {
                in.skipField(tag);
                continue;
            }
            CodedInputStream list = in.readBytes().newCodedInput();
            for (int item = list.readTag(); item != 0; item = list.readTag()) {
                if (item == lengthDelimited(1)) {
                    return list.readByteArray();
                }
                list.skipField(item);
            }
        }
        return null;
    }

    /** The first value of a {@code Feature} holding an {@code Int64List}, or null when it holds another kind. */
    private static Long firstInt64(byte[] feature) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(feature);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag != lengthDelimited(3)) {
                in.skipField(tag);
                continue;
            }
            CodedInputStream list = in.readBytes().newCodedInput();
            for (int item = list.readTag(); item != 0; item = list.readTag()) {
                if (item == lengthDelimited(1)) {
                    CodedInputStream packed = list.readBytes().newCodedInput();
                    if (!packed.isAtEnd()) {
                        return packed.readInt64();
                    }
                } else if (item == tag(1, WireFormat.WIRETYPE_VARINT)) {
                    return list.readInt64();
                } else {
                    list.skipField(item);
                }
            }
        }
        return null;
    }

    private static int lengthDelimited(int field) {
        return tag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    }

    /** A field's tag as the wire format writes it (protobuf-java keeps its own helper package-private). */
    private static int tag(int field, int wireType) {
        return field << 3 | wireType;
    }
}
