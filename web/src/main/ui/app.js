import { EditorView, basicSetup } from 'codemirror';
import { java } from '@codemirror/lang-java';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { toEditorDiagnostics, describe } from './diagnostics.js';
import { csrfHeaders, loadSession, onSessionChange, showSignIn } from './session.js';
import { currentRunContext, showCourses } from './course-datasets.js';
import { clearProgress, settleProgress, showProgress } from './download-progress.js';
import { assignmentFromSearch, destinationLine, inOrder, saveRun } from './experiment-log.js';

const FILE_NAME = 'Main.java';
const output = document.getElementById('output');
const status = document.getElementById('status');
const backend = document.getElementById('backend');
const compileButton = document.getElementById('compile');
const runButton = document.getElementById('run');
const stopButton = document.getElementById('stop');
const runLog = document.getElementById('run-log');
// The assignment whose experiment log receives the runs; null: runs stay in this page.
const assignmentId = assignmentFromSearch(location.search);
if (assignmentId) {
  runLog.hidden = false;
  runLog.textContent = destinationLine(assignmentId);
}

const editor = new EditorView({
  doc: await (await fetch('/samples/Main.java')).text(),
  extensions: [basicSetup, java(), lintGutter()],
  parent: document.getElementById('editor'),
});
let worker = null;

function setStatus(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

function print(text, kind) {
  const line = document.createElement('span');
  line.className = kind;
  line.textContent = text;
  output.append(line);
  output.scrollTop = output.scrollHeight;
}

/**
 * Compiles the editor's text; returns {js, sourceSha256} (the compiled program and the hash of the sources it came
 * from), or null after showing why there is none.
 */
async function compile() {
  const source = editor.state.doc.toString();
  setStatus('Compiling…');
  editor.dispatch(setDiagnostics(editor.state, []));
  let response;
  try {
    response = await fetch('/api/compile', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
      body: JSON.stringify({ mainClass: 'Main', files: { [FILE_NAME]: source } }),
    });
  } catch (error) {
    setStatus('The server cannot be reached. Check your connection and try again.', true);
    return null;
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) {
    showSignIn('Sign in to compile and run your programs.');
    setStatus('Sign in first: compiling needs an account.', true);
    return null;
  }
  if (response.ok) {
    setStatus('Compiled.');
    return { js: body.js, sourceSha256: body.sourceSha256 };
  }
  if (response.status === 422) {
    const diagnostics = body.diagnostics ?? [];
    editor.dispatch(setDiagnostics(editor.state, toEditorDiagnostics(source, FILE_NAME, diagnostics)));
    const errors = diagnostics.filter((d) => d.severity === 'ERROR').length;
    setStatus(`${errors} compile error${errors === 1 ? '' : 's'}: see the marked lines.`, true);
    output.textContent = '';
    print(describe(diagnostics) + '\n', 'stderr');
    return null;
  }
  setStatus(body.detail ?? `The compile service answered ${response.status}.`, true);
  return null;
}

function finishRun(message, isError) {
  worker?.terminate();
  worker = null;
  runButton.disabled = false;
  compileButton.disabled = false;
  stopButton.disabled = true;
  settleProgress();
  setStatus(message, isError);
}

async function run() {
  runButton.disabled = true;
  compileButton.disabled = true;
  const compiled = await compile();
  if (compiled == null) {
    runButton.disabled = false;
    compileButton.disabled = false;
    return;
  }
  output.textContent = '';
  backend.textContent = '';
  clearProgress();
  const datasets = await currentRunContext();
  setStatus('Running…');
  stopButton.disabled = false;
  worker = new Worker('/app/worker.js', { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.type === 'exit') {
      finishRun(data.code === 0 ? 'Finished.' : `Stopped with exit code ${data.code}.`, data.code !== 0);
    } else if (data.type === 'run') {
      if (assignmentId) {
        logRun({ sourceSha256: compiled.sourceSha256, recordJson: data.record });
      }
    } else if (data.type === 'progress') {
      showProgress(data);
    } else if (data.type === 'notice') {
      backend.textContent = data.text;
      print(data.text + '\n', 'notice');
    } else {
      print(data.text, data.type);
    }
  };
  worker.onerror = (event) => finishRun(`The program crashed: ${event.message}`, true);
  worker.postMessage({ js: compiled.js, datasets });
}

/**
 * Saves an ended run to the experiment log when the page was opened for an assignment, after the runs that ended
 * before it; says how it went.
 */
const logRun = inOrder(
  ({ sourceSha256, recordJson }) => saveRun({ assignmentId, sourceSha256, recordJson, headers: csrfHeaders() }),
  (saved) => {
    runLog.textContent = saved.text;
    runLog.classList.toggle('error', !saved.ok);
  });

compileButton.addEventListener('click', async () => {
  compileButton.disabled = true;
  await compile();
  compileButton.disabled = false;
});
runButton.addEventListener('click', run);
stopButton.addEventListener('click', () => finishRun('Stopped.', false));
onSessionChange(showCourses);
await loadSession();
document.body.dataset.ready = 'true';
