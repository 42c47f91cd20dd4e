// Reads a Backprop dataset shard (org.backprop.nn.data.store.Shard) in the browser, for the console's sample grid:
// a 24-byte header ("BPDS", version 1, count, height, width, channels as little-endian int32), the uint8 pixels of
// every example in HWC order, padding to 4 bytes, then one little-endian int32 label per example. Pure functions.

const HEADER_BYTES = 24;

/** {count, height, width, channels, pixels: Uint8Array, labels: Int32Array-like reader}; throws on another file. */
export function readShard(buffer) {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEADER_BYTES || String.fromCharCode(...bytes.subarray(0, 4)) !== 'BPDS') {
    throw new Error('not a Backprop dataset shard');
  }
  const [version, count, height, width, channels] = [4, 8, 12, 16, 20].map((at) => view.getInt32(at, true));
  if (version !== 1) {
    throw new Error(`shard format version ${version} is not supported`);
  }
  const exampleBytes = height * width * channels;
  const labelsOffset = (HEADER_BYTES + count * exampleBytes + 3) & ~3;
  if (bytes.length !== labelsOffset + 4 * count) {
    throw new Error('the shard is truncated or padded');
  }
  return {
    count, height, width, channels,
    label: (index) => view.getInt32(labelsOffset + 4 * index, true),
    pixels: (index) => bytes.subarray(HEADER_BYTES + index * exampleBytes, HEADER_BYTES + (index + 1) * exampleBytes),
  };
}

/** The first {@code perClass} example indices of each label 0…classCount-1 in the shard, in shard order. */
export function samplesPerClass(shard, classCount, perClass) {
  const picks = Array.from({ length: classCount }, () => []);
  let missing = classCount * perClass;
  for (let i = 0; i < shard.count && missing > 0; i++) {
    const label = shard.label(i);
    if (label >= 0 && label < classCount && picks[label].length < perClass) {
      picks[label].push(i);
      missing--;
    }
  }
  return picks;
}

/** The RGBA pixels (width × height × 4, for ImageData) of example {@code index}; grey images get R = G = B. */
export function toRgba(shard, index) {
  const source = shard.pixels(index);
  const rgba = new Uint8ClampedArray(shard.width * shard.height * 4);
  for (let p = 0; p < shard.width * shard.height; p++) {
    const at = p * shard.channels;
    rgba[p * 4] = source[at];
    rgba[p * 4 + 1] = source[shard.channels === 3 ? at + 1 : at];
    rgba[p * 4 + 2] = source[shard.channels === 3 ? at + 2 : at];
    rgba[p * 4 + 3] = 255;
  }
  return rgba;
}
