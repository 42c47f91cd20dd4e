// The workspace: files on the left, the editor in the middle, the run on the right. The files come from a source
// (the team's on the server, or the playground's in this browser); unsaved text is kept in this browser until it is
// saved, and a save over a teammate's newer revision shows both versions instead of overwriting either.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { html } from '../lib/html.js';
import { t } from '../lib/i18n.js';
import { CodeEditor } from '../components/code-editor.js';
import { Async, Loading, Notice, useApi } from '../components/states.js';
import { FileTree } from './file-tree.js';
import { ConflictPanel } from './conflict-panel.js';
import { RunPanel } from './run-panel.js';
import { useRunner, diagnosticsByFile } from './runner.js';
import { draftStore, isDirty, mergeDrafts } from './file-sources.js';

/** The drafts to keep for the files: the text of each unsaved file with the revision it was made on. */
export function draftsOf(files) {
  const drafts = {};
  for (const [path, file] of Object.entries(files)) {
    if (isDirty(file)) {
      drafts[path] = { text: file.text, baseRevision: file.conflict?.deleted ? 0 : file.server?.revision ?? 0 };
    }
  }
  return drafts;
}

function firstJavaFile(files, mainClass) {
  const main = `${mainClass.replaceAll('.', '/')}.java`;
  return files[main] ? main : Object.keys(files).sort()[0] ?? null;
}

/**
 * {source, mainClass, runContext: () => Promise<{context, line}>, logAssignmentId, extensions (null: still loading)}.
 */
export function WorkspaceEditor({ source, mainClass, runContext, logAssignmentId, extensions }) {
  const drafts = useMemo(() => draftStore(localStorage, source.draftKey), [source.draftKey]);
  const loaded = useApi(async () => mergeDrafts(await source.load(), drafts.read()), [source.draftKey]);
  if (extensions == null) {
    return html`<${Loading} />`;
  }
  return html`<${Async} state=${loaded}>${(initial) => html`<${Loaded} initial=${initial} source=${source}
    drafts=${drafts} mainClass=${mainClass} runContext=${runContext} logAssignmentId=${logAssignmentId}
    extensions=${extensions} />`}<//>`;
}

function Loaded({ initial, source, drafts, mainClass, runContext, logAssignmentId, extensions }) {
  const [files, setFiles] = useState(initial);
  const [selected, setSelected] = useState(() => firstJavaFile(initial, mainClass));
  const [diagnostics, setDiagnostics] = useState({});
  const [notice, setNotice] = useState(null);
  const [datasetsLine, setDatasetsLine] = useState('');
  const runner = useRunner({ logAssignmentId });
  const filesRef = useRef(files);
  filesRef.current = files;

  useEffect(() => {
    drafts.write(draftsOf(files));
  }, [files]);
  useEffect(() => {
    runContext().then(({ line }) => setDatasetsLine(line));
  }, []);

  const update = (path, change) => setFiles((current) => ({ ...current, [path]: { ...current[path], ...change } }));

  /** Saves one file; a conflict is kept on the file (both versions shown), other refusals are said. */
  async function saveOne(path, baseRevision) {
    const file = filesRef.current[path];
    try {
      const saved = await source.save(path, file.text, baseRevision ?? file.server?.revision ?? 0);
      setFiles((current) => ({
        ...current,
        [path]: { ...current[path], server: saved, conflict: null },
      }));
      return { ok: true, saved };
    } catch (error) {
      if (error.status === 409 && error.body?.theirs) {
        update(path, { conflict: error.body.theirs });
      }
      setNotice({ kind: 'error', text: error.detail });
      return { ok: false };
    }
  }

  async function saveAll() {
    const dirty = Object.keys(filesRef.current).filter((path) => isDirty(filesRef.current[path])
      && !filesRef.current[path].conflict);
    let last = null;
    for (const path of dirty) {
      const outcome = await saveOne(path);
      if (!outcome.ok) {
        return false;
      }
      last = outcome.saved;
    }
    if (dirty.length === 1 && last) {
      setNotice({ kind: 'ok', text: t('ws.saved', { path: last.path, revision: last.revision }) });
    } else if (dirty.length > 1) {
      setNotice({ kind: 'ok', text: t('ws.savedAll') });
    }
    return true;
  }

  /** Compiles, marks the diagnostics (warnings too) in their files; returns the compiled program or null. */
  async function compileAndShow() {
    await saveAll();
    const compiled = await runner.compile(mainClass, filesRef.current);
    if (!compiled) {
      return null;
    }
    const diagnostics = compiled.diagnostics ?? [];
    setDiagnostics(diagnosticsByFile(filesRef.current, diagnostics));
    if (!compiled.js) {
      const first = diagnostics.find((d) => d.severity === 'ERROR' && filesRef.current[d.file]);
      if (first) {
        setSelected(first.file);
      }
      return null;
    }
    return compiled;
  }

  async function run() {
    if (runner.running) {
      return;
    }
    const compiled = await compileAndShow();
    if (compiled?.js) {
      const { context } = await runContext();
      runner.run(compiled, context);
    }
  }

  async function create(path) {
    if (filesRef.current[path]) {
      setSelected(path);
      return;
    }
    const text = path.endsWith('.java') ? `${classStub(path)}` : '';
    setFiles((current) => ({ ...current, [path]: { server: null, text, version: 0, conflict: null } }));
    setSelected(path);
    await saveOne(path, 0);
  }

  async function rename(path) {
    const to = window.prompt(t('ws.renameTo', { path }), path)?.trim();
    if (!to || to === path) {
      return;
    }
    const file = filesRef.current[path];
    try {
      const moved = file.server ? await source.rename(path, to, file.server.revision) : null;
      setFiles((current) => {
        const next = { ...current };
        delete next[path];
        next[to] = { ...file, server: moved, version: (file.version ?? 0) + 1 };
        return next;
      });
      setSelected(to);
    } catch (error) {
      setNotice({ kind: 'error', text: error.detail });
    }
  }

  async function remove(path) {
    if (!window.confirm(t('ws.deleteConfirm', { path }))) {
      return;
    }
    const file = filesRef.current[path];
    try {
      if (file.server) {
        await source.remove(path, file.server.revision);
      }
      setFiles((current) => {
        const next = { ...current };
        delete next[path];
        return next;
      });
      setSelected((current) => (current === path ? firstJavaFile({ ...filesRef.current, [path]: undefined }, mainClass) : current));
    } catch (error) {
      if (error.status === 409 && error.body?.theirs) {
        update(path, { conflict: error.body.theirs });
      }
      setNotice({ kind: 'error', text: error.detail });
    }
  }

  function keepMine(path) {
    const theirs = filesRef.current[path].conflict;
    saveOne(path, theirs.deleted ? 0 : theirs.revision).then((outcome) => outcome.ok
      && setNotice({ kind: 'ok', text: t('ws.saved', { path, revision: outcome.saved.revision }) }));
  }

  function takeTheirs(path) {
    const file = filesRef.current[path];
    const theirs = file.conflict;
    if (theirs.deleted) {
      setFiles((current) => {
        const next = { ...current };
        delete next[path];
        return next;
      });
      setSelected(firstJavaFile(filesRef.current, mainClass));
      return;
    }
    update(path, { server: theirs, text: theirs.content, conflict: null, version: (file.version ?? 0) + 1 });
  }

  const file = selected ? files[selected] : null;
  const commands = { save: saveAll, run };
  return html`<div class="workspace">
    <${FileTree} files=${files} selected=${selected} onSelect=${setSelected} onCreate=${create}
      onRename=${rename} onDelete=${remove} />
    <section class="editor-pane" aria-label=${selected ?? ''}>
      <div class="toolbar">
        <span class="file-name" data-testid="file-name">${selected}</span>
        ${file?.server && html`<span class="muted small" data-testid="revision">${t('ws.revision', { revision: file.server.revision })}</span>`}
        <span class="spacer"></span>
        <button type="button" class="secondary" onClick=${saveAll} data-testid="save">${t('ws.save')}</button>
        <button type="button" class="secondary" onClick=${compileAndShow} disabled=${runner.running} data-testid="compile">${t('ws.compile')}</button>
        <button type="button" onClick=${run} disabled=${runner.running} data-testid="run">${t('ws.run')}</button>
        <button type="button" class="danger" onClick=${runner.stop} disabled=${!runner.running} data-testid="stop">${t('ws.stop')}</button>
      </div>
      <p class=${`status ${runner.status.error ? 'error' : ''}`} role="status" aria-live="polite" data-testid="status">${runner.status.text}</p>
      <${Notice} notice=${notice} />
      ${file?.conflict && html`<${ConflictPanel} path=${selected} theirs=${file.conflict}
        onKeepMine=${() => keepMine(selected)} onTakeTheirs=${() => takeTheirs(selected)} />`}
      <${CodeEditor} path=${selected} text=${file?.text} version=${file?.version ?? 0}
        diagnostics=${diagnostics[selected] ?? []} onChange=${(path, text) => update(path, { text })}
        commands=${commands} extensions=${extensions} />
      <p class="muted small">${t('ws.shortcuts')}${logAssignmentId ? ` ${t('ws.runSaved')}` : ''}</p>
    </section>
    <${RunPanel} runner=${runner} datasetsLine=${datasetsLine} />
  </div>`;
}

/** A new Java file's first text: its package (from the folder) and an empty class named after the file. */
export function classStub(path) {
  const parts = path.replace(/\.java$/, '').split('/');
  const name = parts.pop();
  const pkg = parts.join('.');
  return `${pkg ? `package ${pkg};\n\n` : ''}public class ${name} {\n}\n`;
}
