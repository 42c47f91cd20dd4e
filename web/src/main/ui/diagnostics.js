// Maps the compile service's diagnostics (1-based line and column) onto editor offsets.
// Pure functions over the document text, so they run under node:test without an editor.

/** Returns the offset of (line, column) in text, clamped into the document. */
export function offsetOf(text, line, column) {
  const lines = text.split('\n');
  const lineIndex = Math.min(Math.max(line, 1), lines.length) - 1;
  let offset = 0;
  for (let i = 0; i < lineIndex; i++) {
    offset += lines[i].length + 1;
  }
  const lineText = lines[lineIndex];
  return offset + Math.min(Math.max(column, 1), lineText.length + 1) - 1;
}

/**
 * Returns CodeMirror lint diagnostics for the diagnostics that belong to fileName. A diagnostic
 * without a position marks its whole first line, so the student still sees it in the editor.
 */
export function toEditorDiagnostics(text, fileName, diagnostics) {
  return diagnostics
    .filter((d) => d.file === fileName || d.file == null)
    .map((d) => {
      let from = offsetOf(text, d.line ?? 1, d.column ?? 1);
      const lineStart = text.lastIndexOf('\n', from - 1) + 1;
      const lineEnd = text.indexOf('\n', from) === -1 ? text.length : text.indexOf('\n', from);
      let to = d.column ? Math.min(from + 1, lineEnd) : lineEnd;
      // javac puts "';' expected" just past the line's last character: mark that character, so the line shows an
      // underline and not an empty range.
      if (to <= from && from > lineStart) {
        from -= 1;
        to = from + 1;
      }
      return {
        from,
        to: Math.max(to, from),
        severity: d.severity === 'ERROR' ? 'error' : d.severity === 'WARNING' ? 'warning' : 'info',
        message: d.message,
      };
    });
}

/** Returns one line per diagnostic, "Main.java:5:9: error: …", for the output pane. */
export function describe(diagnostics) {
  return diagnostics
    .map((d) => `${d.file ?? '(program)'}:${d.line ?? '?'}:${d.column ?? '?'}: ${d.severity.toLowerCase()}: ${d.message}`)
    .join('\n');
}
