// Reads the frames run-program.mjs writes (docs/runs.md): one type byte, a 4-byte big-endian length, the payload.
import { readFileSync } from 'node:fs';

/** Yields each frame of `file` as {type, payload} (payload a Buffer), in the order the program wrote them. */
export function* readFrames(file) {
  const bytes = readFileSync(file);
  for (let offset = 0; offset + 5 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset + 1);
    yield { type: String.fromCharCode(bytes[offset]), payload: bytes.subarray(offset + 5, offset + 5 + length) };
    offset += 5 + length;
  }
}
