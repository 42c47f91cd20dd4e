// Prepares what a GPU machine without Java needs to time the grader's run of the homework's reference solution on
// the Run command's demo datasets (28×28 Fashion-MNIST and MNIST): signs in to a running demo (bin/backprop-demo) as
// a student, compiles the reference through the demo's compile API (the compile service the grader uses), and
// downloads the course's datasets as a student's browser does, laid out as NodeSandbox lays out a run's folder
// (manifests/<name>.json, shards/<sha256>).
// Usage: node bench/gpu-grading/prepare.mjs <out-dir> [http://localhost:8080]
// Writes <out>/programs/reference.mjs and <out>/datasets/.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoCourse, referenceSources, signIn } from './demo-api.mjs';

const [out, base = 'http://localhost:8080'] = process.argv.slice(2);
if (out === undefined) {
  throw new Error('usage: node bench/gpu-grading/prepare.mjs <out-dir> [demo-url]');
}
const student = await signIn(base, 'student01@demo.backprop.dev');
await mkdir(join(out, 'programs'), { recursive: true });
await mkdir(join(out, 'datasets', 'manifests'), { recursive: true });
await mkdir(join(out, 'datasets', 'shards'), { recursive: true });

const { js, sourceSha256 } = await student.post('/api/compile', { mainClass: 'Main', files: await referenceSources() });
await writeFile(join(out, 'programs', 'reference.mjs'), js);
console.log(`compiled the reference: ${js.length} characters of JavaScript, sources ${sourceSha256}`);

// The course's datasets, as the student sees them: the hidden test split's shards are not theirs to download.
const course = await demoCourse(student);
for (const dataset of await student.list(`/api/courses/${course.id}/datasets`)) {
  const manifest = await (await student.fetch(
    `/api/courses/${course.id}/datasets/${dataset.name}/${dataset.version}/manifest`)).text();
  await writeFile(join(out, 'datasets', 'manifests', `${dataset.name}.json`), manifest);
  let bytes = 0;
  for (const split of JSON.parse(manifest).splits.filter((entry) => !entry.hidden)) {
    for (const shard of split.shards) {
      const data = Buffer.from(await (await student.fetch(`/api/datasets/shards/${shard.sha256}`)).arrayBuffer());
      await writeFile(join(out, 'datasets', 'shards', shard.sha256), data);
      bytes += data.length;
    }
  }
  console.log(`downloaded ${dataset.name} ${dataset.version}: ${bytes} bytes of shards`);
}
