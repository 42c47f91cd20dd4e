// Completion and hover documentation for org.backprop.nn in the editor, from the index the build generates
// (app/nn-api.json, editor/nn-assist.js). The editor waits for the index (it is small and cached); if it cannot be
// had, the editor works without them.
import { useEffect, useState } from 'preact/hooks';
import { autocompletion } from '@codemirror/autocomplete';
import { loadNnIndex, nnCompletions, nnHover } from '../editor/nn-assist.js';

/** The editor extensions, or null while the index loads. */
export function useNnAssist() {
  const [extensions, setExtensions] = useState(null);
  useEffect(() => {
    loadNnIndex().then(
      (index) => setExtensions([autocompletion({ override: [nnCompletions(index)] }), nnHover(index)]),
      () => setExtensions([]));
  }, []);
  return extensions;
}
