// Runs one compiled program in a Web Worker, so the page stays responsive and Stop can terminate it.
// Protocol: the page posts {js, datasets}, datasets being null (not signed in), {problem} (why the program can
// have none) or {courseId, staffView, available: [{name, version, createdAt}], pretrained: [{name, version, sha256,
// bytes, createdAt}]}; the worker posts {type: 'stdout'|'stderr', text} as the program
// prints (text as printed, newlines included), {type: 'notice', text} for one runtime notice,
// {type: 'progress', dataset, split, loadedBytes, totalBytes} while a dataset downloads, {type: 'run', record} (the
// run record's JSON text) as each fit ends, {type: 'fit', event, ...} as it trains (docs/runs.md), {type: 'model', name,
// bytes} for each model the program saves, then {type: 'exit', code}.
import { openDatasetCache } from './datasets/browser-cache.js';
import { createDatasetHost } from './datasets/host.js';

const post = (type, text) => self.postMessage({ type, text: String(text) });
// TeaVM hands System.out and System.err text to these hooks as it is printed.
self.$rt_putStdoutCustom = (text) => post('stdout', text);
self.$rt_putStderrCustom = (text) => post('stderr', text);
console.info = (...parts) => post('notice', parts.join(' '));
self.backpropExit = (code) => {
  self.backpropDatasets?.flushProgress();
  self.postMessage({ type: 'exit', code });
};

// The runtime's view of the program's fits (HostRunObserver): in the browser every run trains, none is probed (the
// grader's re-run gathers that evidence), the page saves each ended run to the experiment log, and offers each saved
// model (model.save(name)) for download.
self.backpropRuns = {
  probes: false,
  shouldTrain: () => true,
  ended: (recordJson) => self.postMessage({ type: 'run', record: String(recordJson) }),
  // A saved model goes to the page, which offers it for download (the bytes are copied: the program keeps its own).
  modelSaved: (name, bytes) => self.postMessage({ type: 'model', name: String(name), bytes: bytes.slice() }),
  // Live charts: each training fit's start, its batches (paced by the runtime) and epochs.
  progress: (json) => self.postMessage({ type: 'fit', ...JSON.parse(String(json)) }),
};

self.onmessage = async ({ data }) => {
  const url = URL.createObjectURL(new Blob([data.js], { type: 'text/javascript' }));
  try {
    // Where the browser cannot keep data (no Cache API), the page says so; the run downloads what it reads.
    const cache = await openDatasetCache(self);
    self.backpropDatasets = createDatasetHost({
      context: data.datasets ?? null,
      cache,
      fetchFn: self.fetch.bind(self),
      origin: self.location.origin,
      post: (message) => self.postMessage(message),
    });
    const program = await import(url);
    program.main([]);
  } catch (error) {
    post('stderr', `The program could not start: ${error}`);
    self.postMessage({ type: 'exit', code: 1 });
  } finally {
    URL.revokeObjectURL(url);
  }
};
