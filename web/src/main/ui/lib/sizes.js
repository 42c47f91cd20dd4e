// One way to write a size on every screen: decimal units, as browsers' download lists show them, in the reader's
// language, with as many digits as tell sizes apart. A 40 KB model reads "40 kB", never "0.0 MB".
import { currentLanguage } from './i18n.js';

// Sizes under a kilobyte read "0.5 kB": the smallest unit the screens need.
const UNITS = [['gigabyte', 1e9], ['megabyte', 1e6], ['kilobyte', 1e3]];

/** Returns {@code bytes} as "1.5 MB", "38 kB" or "0.5 kB" (Korean: "1.5MB"). */
export function formatSize(bytes) {
  const [unit, scale] = UNITS.find(([, size]) => bytes >= size) ?? UNITS[UNITS.length - 1];
  const value = bytes / scale;
  return new Intl.NumberFormat(currentLanguage(), {
    style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
