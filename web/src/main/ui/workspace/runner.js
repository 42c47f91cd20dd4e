// Compiles a workspace's files and runs the program in a Web Worker (worker.js), turning the worker's messages into
// what the run panel shows: status, console, fit progress for the charts, dataset downloads, the backend.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, csrfHeaders } from '../lib/api.js';
import { t } from '../lib/i18n.js';
import { toEditorDiagnostics, describe } from '../diagnostics.js';
import { inOrder, saveModel, saveRun } from '../experiment-log.js';
import { NO_FITS, applyFitEvent } from './fit-progress.js';

/** At most this many console lines are kept: a program printing in a loop must not take the page down. */
export const CONSOLE_LINES = 5000;

/** The compile request for a workspace: every .java file, by path. */
export function compileRequest(mainClass, files) {
  return {
    mainClass,
    files: Object.fromEntries(Object.entries(files).filter(([path]) => path.endsWith('.java')).map(([path, file]) => [path, file.text])),
  };
}

/** Diagnostics per file path, as CodeMirror lint diagnostics. */
export function diagnosticsByFile(files, diagnostics) {
  const byFile = {};
  for (const [path, file] of Object.entries(files)) {
    const mine = diagnostics.filter((d) => d.file === path);
    if (mine.length) {
      byFile[path] = toEditorDiagnostics(file.text, path, mine);
    }
  }
  return byFile;
}

/** Appends printed text to the console's lines ({kind, text, open}), keeping the last CONSOLE_LINES. */
export function appendConsole(lines, text, kind) {
  const next = lines.slice();
  const parts = text.split('\n');
  parts.forEach((part, i) => {
    const last = next[next.length - 1];
    if (i === 0 && last && last.open && last.kind === kind) {
      next[next.length - 1] = { ...last, text: last.text + part };
    } else if (part !== '' || i < parts.length - 1) {
      next.push({ kind, text: part, open: true });
    }
    if (i < parts.length - 1) {
      next[next.length - 1] = { ...next[next.length - 1], open: false };
    }
  });
  return next.length > CONSOLE_LINES ? next.slice(next.length - CONSOLE_LINES) : next;
}

/**
 * The runner's state and actions. {@code logAssignmentId}: the assignment whose experiment log receives each ended
 * run (null: runs stay in the page).
 */
export function useRunner({ logAssignmentId }) {
  // {key, params} of the i18n text, translated when drawn so that a new language reaches it; {text} for the server's.
  const [status, setStatus] = useState({ text: '', error: false });
  const [running, setRunning] = useState(false);
  const [consoleLines, setConsole] = useState([]);
  const [fits, setFits] = useState(NO_FITS);
  const [downloads, setDownloads] = useState(new Map());
  const [ended, setEnded] = useState(false);
  const [backend, setBackend] = useState('');
  const [runLog, setRunLog] = useState(null);
  const [models, setModels] = useState([]);
  const worker = useRef(null);

  const print = (text, kind) => setConsole((lines) => appendConsole(lines, text, kind));
  // Leaving the workspace stops its program: nothing would show what it does.
  useEffect(() => () => worker.current?.terminate(), []);

  /** Compiles; returns {js, sourceSha256}, or {diagnostics}, or null after saying why there is neither. */
  async function compile(mainClass, files) {
    setStatus({ key: 'ws.compiling', error: false });
    try {
      const compiled = await api('/api/compile', { method: 'POST', json: compileRequest(mainClass, files) });
      setStatus({ key: 'ws.compiled', error: false });
      return compiled;
    } catch (error) {
      if (error.status === 422) {
        const diagnostics = error.body.diagnostics ?? [];
        const count = diagnostics.filter((d) => d.severity === 'ERROR').length;
        setStatus({ key: count === 1 ? 'ws.compileError' : 'ws.compileErrors', params: { count }, error: true });
        setConsole(appendConsole([], `${describe(diagnostics)}\n`, 'stderr'));
        return { diagnostics };
      }
      setStatus({ text: error.detail, error: true });
      return null;
    }
  }

  // Runs and the models saved after them go one at a time, in the order the program reported them.
  const toLog = inOrder((send) => send(), (saved) => setRunLog(saved));

  function finish(key, params, error) {
    worker.current?.terminate();
    worker.current = null;
    setRunning(false);
    setEnded(true);
    setStatus({ key, params, error });
  }

  /** Runs a compiled program with a run context (lib/run-context.js). */
  function run(compiled, context) {
    setConsole([]);
    setFits(NO_FITS);
    setDownloads(new Map());
    setEnded(false);
    setBackend('');
    setRunLog(null);
    setModels((list) => {
      list.forEach((model) => URL.revokeObjectURL(model.url));
      return [];
    });
    setRunning(true);
    setStatus({ key: 'ws.running', error: false });
    // The run this program saved last: a model it saves goes with it.
    let savedRun = null;
    const current = new Worker('/app/worker.js', { type: 'module' });
    worker.current = current;
    current.onmessage = ({ data }) => {
      if (worker.current !== current) {
        return;
      }
      if (data.type === 'exit') {
        finish(data.code === 0 ? 'ws.finished' : 'ws.exitCode', { code: data.code }, data.code !== 0);
      } else if (data.type === 'fit') {
        setFits((state) => applyFitEvent(state, data, performance.now()));
      } else if (data.type === 'run') {
        if (logAssignmentId) {
          toLog(async () => {
            const saved = await saveRun({
              assignmentId: logAssignmentId, sourceSha256: compiled.sourceSha256, recordJson: data.record,
              headers: csrfHeaders(),
            });
            savedRun = saved.ok ? saved.run : null;
            return saved;
          });
        }
      } else if (data.type === 'model') {
        const url = URL.createObjectURL(new Blob([data.bytes], { type: 'application/octet-stream' }));
        setModels((list) => [...list.filter((m) => m.name !== data.name), { name: data.name, size: data.bytes.byteLength, url }]);
        if (logAssignmentId) {
          toLog(() => saveModel({
            assignmentId: logAssignmentId, run: savedRun, name: data.name, bytes: data.bytes, headers: csrfHeaders(),
          }));
        }
      } else if (data.type === 'progress') {
        setDownloads((map) => new Map(map).set(`${data.dataset}/${data.split}`, data));
      } else if (data.type === 'notice') {
        setBackend(data.text);
        print(`${data.text}\n`, 'notice');
      } else {
        print(data.text, data.type);
      }
    };
    current.onerror = (event) => finish('ws.crashed', { message: event.message }, true);
    current.postMessage({ js: compiled.js, datasets: context });
  }

  return {
    status: { text: status.key ? t(status.key, status.params) : status.text, error: status.error },
    running, consoleLines, fits, downloads, ended, backend, runLog, models,
    compile, run,
    stop: () => finish('ws.stopped', {}, false),
  };
}
