// Bundles the browser UI with esbuild into the folder the server serves (META-INF/resources of this jar): the app
// and the worker as ES modules, the style sheet with uPlot's, and the index of org.backprop.nn that the editor's
// completion and hover read. Everything is served by the server: no CDN.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIndex } from './nn-api.mjs';

const [sourceDir, outputDir] = process.argv.slice(2);
mkdirSync(join(outputDir, 'app'), { recursive: true });

await build({
  entryPoints: [join(sourceDir, 'app.js'), join(sourceDir, 'worker.js'), join(sourceDir, 'style.css')],
  outdir: join(outputDir, 'app'),
  bundle: true,
  // Screens loaded on demand (the editor, the report renderer) become chunks of their own.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
cpSync(join(sourceDir, 'index.html'), join(outputDir, 'index.html'));
cpSync(join(sourceDir, 'samples'), join(outputDir, 'samples'), { recursive: true });
writeIndex(fileURLToPath(new URL('../../nn/src/main/java', import.meta.url)), join(outputDir, 'app', 'nn-api.json'));
