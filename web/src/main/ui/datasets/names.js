// Which dataset a program means by the name it passes to Datasets.load: "fashion_mnist" (the course's newest
// import of that name) or "fashion_mnist:1.0.0" (that version); and which pretrained model Pretrained.load means,
// by the same rules.

/** Formats the course's datasets for messages: "fashion_mnist 1.0.0, mnist 1.0.0". */
export function describeAvailable(available) {
  return available.length === 0 ? 'none yet' : available.map((d) => `${d.name} ${d.version}`).join(', ');
}

/**
 * Returns the {name, version} of the course's dataset that {@code requested} names, or throws an Error whose
 * message says what the course has. {@code available} entries carry name, version and createdAt (ISO text);
 * without a version the newest import wins, as on the grader, not the highest version string.
 */
export function resolveDataset(requested, available) {
  const found = resolveNamed(requested, available, 'dataset');
  return { name: found.name, version: found.version };
}

/**
 * Returns the entry of {@code available} that {@code requested} names, as {@link resolveDataset} does for datasets;
 * {@code kind} ("pretrained model") names what was asked for in the message.
 */
export function resolveNamed(requested, available, kind) {
  const text = String(requested ?? '').trim();
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  const version = colon < 0 ? null : text.slice(colon + 1);
  const named = available.filter((d) => d.name === name);
  const found = version == null
    ? named.reduce((newest, d) => (newest == null || newer(d, newest) ? d : newest), null)
    : named.find((d) => d.version === version);
  if (found == null) {
    const asked = version == null ? name : `${name} ${version}`;
    throw new Error(`The course has no ${kind} ${asked || '""'}; it has ${describeAvailable(available)}.`);
  }
  return found;
}

function newer(a, b) {
  return Date.parse(a.createdAt ?? 0) > Date.parse(b.createdAt ?? 0);
}
