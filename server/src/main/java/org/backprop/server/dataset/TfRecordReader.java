package org.backprop.server.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Reads the records of one TFRecord file, one at a time. Each record is framed as TensorFlow writes it:
 * a uint64 little-endian length, the masked CRC32C of those 8 bytes, the data, the masked CRC32C of the data
 * (CRC32C from {@link CRC32C}, masked as TensorFlow's {@code crc32c::Mask} does). Both checksums are verified,
 * so a damaged or truncated file is refused at the record where it goes wrong. Not thread-safe.
 */
final class TfRecordReader {
    private static final int MASK_DELTA = 0xa282ead8;

    private final InputStream in;
    private final String file;
    private final int maxRecordBytes;
    private int record;

    /** Reads from {@code in}; {@code file} names the file in errors; longer records are refused unread. */
    TfRecordReader(InputStream in, String file, int maxRecordBytes) {
        this.in = in;
        this.file = file;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Returns the next record's data, or null at the end of the file. */
    byte[] next() throws IOException {
        byte[] header = in.readNBytes(12);
        if (header.length == 0) {
            return null;
        }
        String where = file + ", record " + record;
        if (header.length < 12) {
            throw new DatasetImportException(where + ": the file ends inside the record's header: it is truncated.");
        }
        if (maskedCrc32c(header, 0, 8) != int32(header, 8)) {
            throw new DatasetImportException(where + ": the checksum of the record's length does not match: the file"
                    + " is damaged or not a TFRecord file.");
        }
        long length = int32(header, 0) & 0xffffffffL | (long) int32(header, 4) << 32;
        if (length < 0 || length > maxRecordBytes) {
            throw new DatasetImportException(where + ": the record says it is " + length + " bytes, more than the "
                    + maxRecordBytes + " a record may have.");
        }
        byte[] data = in.readNBytes((int) length);
        byte[] footer = in.readNBytes(4);
        if (data.length < length || footer.length < 4) {
            throw new DatasetImportException(where + ": the file ends inside the record: it is truncated.");
        }
        if (maskedCrc32c(data, 0, data.length) != int32(footer, 0)) {
            throw new DatasetImportException(where + ": the checksum of the record's data does not match: the file"
                    + " is damaged.");
        }
        record++;
        return data;
    }

    /** Returns the number of the next record, counted from 0. */
    int recordNumber() {
        return record;
    }

    /** Returns TensorFlow's masked CRC32C of {@code bytes[offset, offset + length)}. */
    static int maskedCrc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }

    private static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }
}
