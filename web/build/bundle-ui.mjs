// Bundles the browser UI with esbuild into the folder the server serves (META-INF/resources of this jar).
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [sourceDir, outputDir] = process.argv.slice(2);
mkdirSync(join(outputDir, 'app'), { recursive: true });

await build({
  entryPoints: [join(sourceDir, 'app.js'), join(sourceDir, 'worker.js')],
  outdir: join(outputDir, 'app'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
cpSync(join(sourceDir, 'index.html'), join(outputDir, 'index.html'));
cpSync(join(sourceDir, 'style.css'), join(outputDir, 'app', 'style.css'));
cpSync(join(sourceDir, 'samples'), join(outputDir, 'samples'), { recursive: true });

// ---- Editor completion and hover: the index of org.backprop.nn, built from the library's sources (nn-api.mjs).
const { writeIndex: writeNnIndex } = await import('./nn-api.mjs');
const { fileURLToPath: nnPath } = await import('node:url');
writeNnIndex(nnPath(new URL('../../nn/src/main/java', import.meta.url)), join(outputDir, 'app', 'nn-api.json'));
