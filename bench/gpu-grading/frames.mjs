// Reads the frames run-program.mjs wrote and prints what a timing needs: the program's output, and for each run
// record its name, how it ended, its wall time, its device and its val_accuracy curve. With --plan and run names,
// prints instead the grader's run plan (BACKPROP_RUN_PLAN) that trains those runs and hands the program the recorded
// histories of the others as stand-ins, as the grader does with a team's handed-in runs.
// Usage: node bench/gpu-grading/frames.mjs <frames-file> [--plan name,name,...]
import { readFrames } from './frame-reader.mjs';

const [framesFile, option, names] = process.argv.slice(2);
const planned = option === '--plan' ? { train: names.split(','), standIns: {} } : null;
for (const { type, payload } of readFrames(framesFile)) {
  if (planned !== null) {
    if (type === 'r') {
      const record = JSON.parse(payload.toString('utf8'));
      if (!planned.train.includes(record.name)) {
        planned.standIns[record.name] = record.history;
      }
    }
  } else if (type === 'o' || type === 'e') {
    process.stdout.write(payload.toString('utf8'));
  } else if (type === 'r') {
    const record = JSON.parse(payload.toString('utf8'));
    const accuracy = record.history?.val_accuracy ?? [];
    console.log(`[record] ${record.name}: ${record.status.state}, ${record.wallTimeMs} ms on ${record.device.backend}`
      + ` (${record.device.device}), val_accuracy ${accuracy.map((value) => value.toFixed(3)).join(' ')}`);
  } else if (type === 'm') {
    const nameLength = payload.readUInt16BE(0);
    const name = payload.subarray(2, 2 + nameLength).toString('utf8');
    console.log(`[model] ${name}: ${payload.length - 2 - nameLength} bytes`);
  } else if (type === 'x' || type === 's') {
    console.log(`[exit] ${type} ${payload.toString('utf8')}`);
  } else if (type === 'n') {
    console.log(`[notice] ${payload.toString('utf8')}`);
  }
}
if (planned !== null) {
  console.log(JSON.stringify(planned));
}
