// Runs one compiled program in a Web Worker, so the page stays responsive and Stop can terminate it.
// Protocol: the page posts {js}; the worker posts {type: 'stdout'|'stderr'|'notice', text} and finally
// {type: 'exit', code}. TeaVM's System.out and System.err arrive as console.log and console.error lines.

const post = (type, text) => self.postMessage({ type, text: String(text) });
console.log = (...parts) => post('stdout', parts.join(' '));
console.error = (...parts) => post('stderr', parts.join(' '));
console.info = (...parts) => post('notice', parts.join(' '));
self.backpropExit = (code) => self.postMessage({ type: 'exit', code });

self.onmessage = async ({ data }) => {
  const url = URL.createObjectURL(new Blob([data.js], { type: 'text/javascript' }));
  try {
    const program = await import(url);
    program.main([]);
  } catch (error) {
    post('stderr', `The program could not start: ${error}`);
    self.postMessage({ type: 'exit', code: 1 });
  } finally {
    URL.revokeObjectURL(url);
  }
};
