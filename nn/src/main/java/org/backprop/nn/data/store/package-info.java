/**
 * The Backprop dataset format, the one stored form of every dataset whatever it was imported from (TFDS,
 * an image folder, IDX files). The server writes it; every program reads it through this package, on the JVM,
 * in the browser worker and in the grader's sandbox. Pure Java on byte arrays: no files, threads or reflection.
 *
 * <p>A dataset is a {@link org.backprop.nn.data.store.DatasetManifest} (JSON) naming its splits, and each split
 * an ordered list of shards by SHA-256. A shard is immutable and content-addressed, a few MB (the writer aims at
 * {@link org.backprop.nn.data.store.ShardWriter#TARGET_BYTES}), and holds whole examples only:
 *
 * <pre>
 * offset  size             field
 * 0       4                magic "BPDS" (0x42 0x50 0x44 0x53)
 * 4       4                format version, int32 little-endian, = 1
 * 8       4                count: examples in this shard, int32 LE, &ge; 1
 * 12      4                height, int32 LE, &ge; 1
 * 16      4                width, int32 LE, &ge; 1
 * 20      4                channels, int32 LE: 1 (grey) or 3 (RGB)
 * 24      count*h*w*c      pixels, uint8, example after example, each [height, width, channels] row-major (HWC)
 * ...     0-3              zero padding, so that the labels start at a multiple of 4
 * L       4*count          labels, int32 LE, one per example, each an index into the manifest's class names
 * </pre>
 *
 * <p>The labels are aligned so that JavaScript can view them in place ({@code new Int32Array(buffer, L, count)});
 * the shard's length is exactly {@code L + 4 * count}, so a truncated or padded shard is refused. Pixels stay
 * uint8 in [0, 255]: scaling to [0, 1] is the program's {@code Rescaling} layer, as in Keras.
 */
package org.backprop.nn.data.store;
