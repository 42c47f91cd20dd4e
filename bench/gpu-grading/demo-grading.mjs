// Grades the homework's reference solution on a running demo (bin/backprop-demo) with run records the team made
// elsewhere: the frames of a run of the reference in which every fit trained (on-gpu.sh's reference-all.frames, made on
// a GPU). Three demo students form a team; each sends some of the records to the team's experiment log, as their
// browsers would; the team submits the reference's sources, its report and the runs, and the server grades them
// through its queue, compile workers and jailed sandbox. Then a forged hello-world hands in the same runs. Prints each
// rubric item's verdict and message for both.
// Usage: node bench/gpu-grading/demo-grading.mjs <reference-all.frames> [http://localhost:8080]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoCourse, HOMEWORK, referenceSources, signIn } from './demo-api.mjs';
import { readFrames } from './frame-reader.mjs';

const [framesFile, base = 'http://localhost:8080'] = process.argv.slice(2);
const MEMBERS = ['student01', 'student02', 'student03'].map((name) => `${name}@demo.backprop.dev`);
const POLL_MS = 5000;

/** The run records (JSON text) in a frames file, in the order the program's fits ended. */
function runRecords(file) {
  return [...readFrames(file)].filter((frame) => frame.type === 'r').map((frame) => frame.payload.toString('utf8'));
}

const students = await Promise.all(MEMBERS.map((email) => signIn(base, email)));
const instructor = await signIn(base, 'instructor@demo.backprop.dev');
const course = await demoCourse(instructor);
const assignment = (await instructor.list(`/api/courses/${course.id}/assignments`))
  .find((entry) => entry.slug === 'hw-convnets');
const teamSet = assignment.teamSetId;

// The team: student01's, if they have one; else a new one the others join.
let team;
try {
  team = await students[0].json(`/api/team-sets/${teamSet}/teams/mine`);
} catch (error) {
  team = await students[0].post(`/api/team-sets/${teamSet}/teams`, { name: 'Team reference' });
}
for (const student of students.slice(1)) {
  try {
    await student.json(`/api/team-sets/${teamSet}/teams/mine`);
  } catch (error) {
    await student.post(`/api/team-sets/${teamSet}/teams/${team.id}/join`, {});
  }
}
const names = (await students[0].json(`/api/team-sets/${teamSet}/teams/mine`)).members
  .map((member) => member.displayName ?? member.name);
console.log(`team ${team.id}: ${names.join(', ')}`);

const sources = await referenceSources();
const { sourceSha256 } = await students[0].post('/api/compile', { mainClass: 'Main', files: sources });
const records = runRecords(framesFile);
const runs = [];
for (const [index, record] of records.entries()) {
  const logged = await students[index % students.length].post(`/api/assignments/${assignment.id}/runs`,
    { sourceSha256, record: JSON.parse(record) });
  runs.push(logged.id);
}
console.log(`${runs.length} runs in the team's experiment log, sources ${sourceSha256}`);
const report = `${await readFile(join(HOMEWORK, 'reference', 'report.md'), 'utf8')}${names.join(', ')} each ran part`
  + ' of the study.\n';

async function submit(files) {
  const form = new FormData();
  for (const [path, text] of Object.entries(files)) {
    form.append('source', new Blob([text], { type: 'text/plain' }), path);
  }
  for (const run of runs) {
    form.append('run', String(run));
  }
  form.append('report', new Blob([report], { type: 'text/markdown' }), 'report.md');
  return (await students[0].json(`/api/assignments/${assignment.id}/submissions`, { method: 'POST', body: form })).id;
}

async function graded(submission, label) {
  const started = Date.now();
  for (;;) {
    const job = (await instructor.list(`/api/courses/${course.id}/grading/jobs`))
      .find((entry) => entry.submissionId === submission);
    if (job?.state === 'FAILED') {
      throw new Error(`${label}: the grading job failed`);
    }
    if (job?.state === 'DONE') {
      const result = await instructor.json(`/api/grading/jobs/${job.id}/result`);
      console.log(`\n${label} (submission ${submission}), graded in ${((Date.now() - started) / 1000).toFixed(0)} s:`
        + ` ${result.summary}`);
      for (const item of result.items) {
        console.log(`  ${item.key}: ${item.verdict} ${item.points}/${item.maxPoints} — ${item.message}`);
      }
      console.log(result.logs.split('\n').filter((line) => /stage|took|prepare|compile|run|check/i.test(line))
        .slice(-12).map((line) => `  | ${line}`).join('\n'));
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

await graded(await submit(sources), 'reference solution');
await graded(await submit({
  'Main.java': 'public class Main { public static void main(String[] args) { System.out.println("hi"); } }',
}), 'forged hello-world');
