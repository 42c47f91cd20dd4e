// RFC 6902 JSON patches, the form the overlays' patches are written in (kustomize applies them the same way).
// Only add, replace and test are supported (what overlays need); any other operation is refused, not ignored.

/** Returns the keys of an RFC 6901 JSON pointer ("/a/b~1c" -> ["a", "b/c"]). */
function keys(pointer) {
  if (!pointer.startsWith('/')) {
    throw new Error(`the path ${JSON.stringify(pointer)} is not a JSON pointer (it must start with /)`);
  }
  return pointer.slice(1).split('/').map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function parentOf(document, pointer) {
  const path = keys(pointer);
  const last = path.pop();
  let node = document;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new Error(`${pointer}: ${key} does not exist`);
    }
    node = node[key];
  }
  return { node, last };
}

const OPERATIONS = {
  add(document, { path, value }) {
    const { node, last } = parentOf(document, path);
    if (Array.isArray(node)) {
      const index = last === '-' ? node.length : Number(last);
      if (!Number.isInteger(index) || index > node.length) {
        throw new Error(`${path}: no index ${last} to add at`);
      }
      node.splice(index, 0, structuredClone(value));
    } else {
      node[last] = structuredClone(value);
    }
  },
  replace(document, { path, value }) {
    const { node, last } = parentOf(document, path);
    if (!(last in node)) {
      throw new Error(`${path}: nothing to replace`);
    }
    node[last] = structuredClone(value);
  },
  test(document, { path, value }) {
    const { node, last } = parentOf(document, path);
    if (JSON.stringify(node[last]) !== JSON.stringify(value)) {
      throw new Error(`${path}: test failed, expected ${JSON.stringify(value)}, found ${JSON.stringify(node[last])}`);
    }
  },
};

/** Returns a patched copy of the document; throws naming the operation that cannot apply. */
export function applyJsonPatch(document, operations) {
  if (!Array.isArray(operations)) {
    throw new Error('a JSON patch is a list of operations');
  }
  const patched = structuredClone(document);
  for (const operation of operations) {
    const apply = OPERATIONS[operation.op];
    if (!apply) {
      throw new Error(`the operation ${JSON.stringify(operation.op)} is not supported here `
          + `(only ${Object.keys(OPERATIONS).join(', ')})`);
    }
    apply(patched, operation);
  }
  return patched;
}
