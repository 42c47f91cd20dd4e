// The Java editor: one CodeMirror view whose state is swapped per file, so each file keeps its own undo history,
// selection and compile diagnostics. The workspace's commands are keys here too (Ctrl/Cmd+S saves, Ctrl/Cmd+Enter
// runs), and completion and hover documentation come through {@code extensions}.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { java } from '@codemirror/lang-java';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { html } from '../lib/html.js';

/**
 * {path, text, version, diagnostics, onChange(path, text), commands: {save, run}, extensions, label}. {@code version}
 * changes when the text was replaced from outside (a teammate's version taken), which resets that file's state.
 */
export function CodeEditor({ path, text, version, diagnostics, onChange, commands, extensions = [], label }) {
  const holder = useRef(null);
  const view = useRef(null);
  const states = useRef(new Map());
  const shownKey = useRef(null);
  const latest = useRef({ path, onChange, commands });
  latest.current = { path, onChange, commands };

  const stateFor = (filePath, fileText) => EditorState.create({
    doc: fileText,
    extensions: [
      basicSetup,
      java(),
      lintGutter(),
      ...extensions,
      EditorView.contentAttributes.of({ 'aria-label': label ?? filePath }),
      Prec.highest(keymap.of([
        { key: 'Mod-s', preventDefault: true, run: () => { latest.current.commands?.save?.(); return true; } },
        { key: 'Mod-Enter', preventDefault: true, run: () => { latest.current.commands?.run?.(); return true; } },
      ])),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          latest.current.onChange?.(filePath, update.state.doc.toString());
        }
      }),
    ],
  });

  // Layout effects: a file swapped in (a teammate's version taken) shows in the same frame as the rest of the
  // change, never a frame later with the old text still in the editor.
  useLayoutEffect(() => {
    view.current = new EditorView({ parent: holder.current });
    return () => view.current.destroy();
  }, []);

  useLayoutEffect(() => {
    if (path == null) {
      return;
    }
    const key = `${path}\u0000${version ?? 0}`;
    // Each dispatch makes a new state: the one being left is remembered under its file, so switching back keeps it.
    if (shownKey.current != null && shownKey.current !== key) {
      states.current.set(shownKey.current, view.current.state);
    }
    let state = states.current.get(key);
    if (!state) {
      state = stateFor(path, text ?? '');
      states.current.set(key, state);
    }
    if (view.current.state !== state) {
      view.current.setState(state);
    }
    shownKey.current = key;
  }, [path, version]);

  useLayoutEffect(() => {
    if (view.current && path != null) {
      view.current.dispatch(setDiagnostics(view.current.state, diagnostics ?? []));
    }
  }, [diagnostics, path, version]);

  return html`<div class="code-editor" ref=${holder} data-testid="editor" data-path=${path}></div>`;
}
