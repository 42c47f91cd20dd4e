package org.backprop.nn.saving;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The byte layout of a saved model, without its meaning: magic, version, the JSON document, the weights section
 * and a checksum (see {@link SavedModels} for the layout). Reading checks every length against the bytes there
 * are before using it, and the checksum before anything is parsed, so that a cut-off or damaged file fails here
 * with a message that says so.
 */
final class SavedModelFile {
    /** As in PNG, the first byte is not ASCII and the line endings catch files mangled by text transfers. */
    static final byte[] MAGIC = {(byte) 0x89, 'B', 'P', 'M', '\r', '\n', 0x1A, '\n'};
    /** A model's config takes kilobytes; 16 MiB of JSON is a damaged or hostile file. */
    static final int MAX_JSON_BYTES = 16 * 1024 * 1024;
    private static final int HEADER_BYTES = MAGIC.length + 4 + 4;

    /** A file's JSON document and where its weights section lies in the file's bytes. */
    record Parts(String json, byte[] bytes, int weightsStart, int weightsLength) {
    }

    private SavedModelFile() {
    }

    /** Returns the file holding {@code json} and the weights section {@code weights}, in format {@code version}. */
    static byte[] pack(int version, String json, byte[] weights) {
        byte[] document = json.getBytes(StandardCharsets.UTF_8);
        long size = HEADER_BYTES + (long) document.length + 4 + weights.length + 4;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the saved model would take " + size + " bytes, more than one array"
                    + " can hold");
        }
        byte[] bytes = new byte[(int) size];
        System.arraycopy(MAGIC, 0, bytes, 0, MAGIC.length);
        int pos = putInt(bytes, MAGIC.length, version);
        pos = putInt(bytes, pos, document.length);
        System.arraycopy(document, 0, bytes, pos, document.length);
        pos = putInt(bytes, pos + document.length, weights.length);
        System.arraycopy(weights, 0, bytes, pos, weights.length);
        pos += weights.length;
        putInt(bytes, pos, (int) crc(bytes, pos));
        return bytes;
    }

    /** Returns the parts of {@code bytes}, which must be a whole saved model in format {@code version}. */
    static Parts unpack(byte[] bytes, int version) {
        if (bytes == null) {
            throw new IllegalArgumentException("the bytes are null");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= bytes.length || bytes[i] != MAGIC[i]) {
                throw new IllegalArgumentException("these " + bytes.length + " bytes are not a Backprop saved model,"
                        + " which starts with the 8 bytes 89 42 50 4D 0D 0A 1A 0A (\\x89BPM\\r\\n\\x1A\\n)");
            }
        }
        long stored = uint32(bytes, MAGIC.length, "the format version");
        if (stored != version) {
            throw new IllegalArgumentException("the file has format version " + stored + ", but this version of nn"
                    + " reads version " + version + " only");
        }
        long jsonLength = uint32(bytes, MAGIC.length + 4, "the length of the JSON document");
        if (jsonLength > MAX_JSON_BYTES) {
            throw new IllegalArgumentException("the file says its JSON document takes " + jsonLength + " bytes, more"
                    + " than the " + MAX_JSON_BYTES + " a saved model may have");
        }
        int jsonStart = HEADER_BYTES;
        long weightsLengthAt = jsonStart + jsonLength;
        long weightsLength = uint32(bytes, weightsLengthAt, "the length of the weights section");
        long weightsStart = weightsLengthAt + 4;
        long end = weightsStart + weightsLength + 4;
        if (end > bytes.length) {
            throw cutOff(bytes, "the weights section of " + weightsLength + " bytes and the checksum");
        }
        if (end < bytes.length) {
            throw new IllegalArgumentException("the file is corrupted: " + (bytes.length - end) + " bytes follow its"
                    + " checksum");
        }
        int checksumAt = (int) (end - 4);
        if (uint32(bytes, checksumAt, "the checksum") != crc(bytes, checksumAt)) {
            throw new IllegalArgumentException("the file is corrupted: its checksum does not match its contents");
        }
        String json = new String(bytes, jsonStart, (int) jsonLength, StandardCharsets.UTF_8);
        return new Parts(json, bytes, (int) weightsStart, (int) weightsLength);
    }

    private static long uint32(byte[] bytes, long at, String field) {
        if (at + 4 > bytes.length) {
            throw cutOff(bytes, field);
        }
        int pos = (int) at;
        return ((bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8 | (bytes[pos + 2] & 0xFF) << 16
                | (long) (bytes[pos + 3] & 0xFF) << 24);
    }

    private static IllegalArgumentException cutOff(byte[] bytes, String field) {
        return new IllegalArgumentException("the file is cut off: it ends after " + bytes.length + " bytes, before "
                + field);
    }

    private static int putInt(byte[] bytes, int pos, int value) {
        bytes[pos] = (byte) value;
        bytes[pos + 1] = (byte) (value >>> 8);
        bytes[pos + 2] = (byte) (value >>> 16);
        bytes[pos + 3] = (byte) (value >>> 24);
        return pos + 4;
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
