// Runs one compiled program in a Web Worker, so the page stays responsive and Stop can terminate it.
// Protocol: the page posts {js}; the worker posts {type: 'stdout'|'stderr', text} as the program prints
// (text as printed, newlines included), {type: 'notice', text} for one runtime notice, and finally
// {type: 'exit', code}.

const post = (type, text) => self.postMessage({ type, text: String(text) });
// TeaVM hands System.out and System.err text to these hooks as it is printed.
self.$rt_putStdoutCustom = (text) => post('stdout', text);
self.$rt_putStderrCustom = (text) => post('stderr', text);
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
