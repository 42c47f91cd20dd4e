// Fused attention backward, query side, per head h and query row i (attention.wgsl is the forward): with
// p_j = exp(q[i] · k[j] − logSumExp[i]) recomputed, the row delta D = Σ_c dOutput[i, c] · output[i, c] and
// dq[i] = Σ_j p_j · (dOutput[i] · v[j] − D) · k[j]. Writes dq and statistics[i] = (logSumExp[i], D), which
// attention_backward_key.wgsl reads for every query row.
// Shapes as attention.wgsl; output and dOutput [heads, tq, VALUE_DIM]. KEY_DIM, VALUE_DIM: pipeline constants.
// Registers: a thread takes four rows, and a 4x4 matrix holds a 4-column chunk of them, one row per component
// (column c of the matrix is column 4i + c of the four rows), so one matrix-vector product scores a chunk of k
// against all four rows, and each load of k and v serves four rows (3x faster under SwiftShader than one row a
// thread). A row of up to 64 values is 16 chunks in an array indexed by literals only: a loop counter as index
// was 3.5x slower under SwiftShader, which then addresses each lane's element on its own. So the loops over
// chunks are written out, 16 lines, those past the row's width under constant conditions that compile away.
// Threading: four query rows of one head a thread, 64 threads a workgroup, no workgroup memory.
// Parameters: [0] threads (heads · ⌈tq / 4⌉), [1] tq, [2] tk.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> q: array<vec4f>;
@group(0) @binding(2) var<storage, read> k: array<vec4f>;
@group(0) @binding(3) var<storage, read> v: array<vec4f>;
@group(0) @binding(4) var<storage, read> output: array<vec4f>;
@group(0) @binding(5) var<storage, read> logSumExp: array<f32>;
@group(0) @binding(6) var<storage, read> dOutput: array<vec4f>;
@group(0) @binding(7) var<storage, read_write> dq: array<vec4f>;
@group(0) @binding(8) var<storage, read_write> statistics: array<vec2f>;

const KEY_DIM: u32 = 64u;
const VALUE_DIM: u32 = 64u;
const KEY_CHUNKS: u32 = KEY_DIM / 4u;
const VALUE_CHUNKS: u32 = VALUE_DIM / 4u;

#include "attention_rows.wgsl"

// Returns chunk `at` (a vec4 index) of the four rows of q, as rows.
fn qChunk(at: vec4u) -> mat4x4f {
  return transpose(mat4x4f(q[at.x], q[at.y], q[at.z], q[at.w]));
}

// Returns chunk `at` (a vec4 index) of the four rows of dOutput, as rows.
fn dOutputChunk(at: vec4u) -> mat4x4f {
  return transpose(mat4x4f(dOutput[at.x], dOutput[at.y], dOutput[at.z], dOutput[at.w]));
}

// Returns chunk `at` (a vec4 index) of the four rows of output, as rows.
fn outputChunk(at: vec4u) -> mat4x4f {
  return transpose(mat4x4f(output[at.x], output[at.y], output[at.z], output[at.w]));
}

// Writes the four rows of `chunk` to chunk `at` (a vec4 index) of the rows of dq.
fn dqStore(at: vec4u, chunk: mat4x4f) {
  let rows = transpose(chunk);
  dq[at.x] = rows[0];
  dq[at.y] = rows[1];
  dq[at.z] = rows[2];
  dq[at.w] = rows[3];
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let thread = gid.x + gid.y * groups.x * 64u;
  if (thread >= p[0].x) {
    return;
  }
  let tq = p[0].y;
  let tk = p[0].z;
  // ⌈tq / 4⌉ threads a head. In the head's last thread, rows past the end repeat the head's last row,
  // which the same thread computes too: they write its values again.
  let threadsPerHead = (tq + 3u) / 4u;
  let head = thread / threadsPerHead;
  let start = thread % threadsPerHead * 4u;
  let last = head * tq + tq - 1u;
  let row0 = head * tq + start;
  let row1 = min(row0 + 1u, last);
  let row2 = min(row0 + 2u, last);
  let row3 = min(row0 + 3u, last);
  let first = head * tk;
  let qRows = vec4u(row0, row1, row2, row3) * KEY_CHUNKS;
  var query: array<mat4x4f, 16>;
  query[0] = qChunk(qRows + 0u);
  if (KEY_CHUNKS > 1u) { query[1] = qChunk(qRows + 1u); }
  if (KEY_CHUNKS > 2u) { query[2] = qChunk(qRows + 2u); }
  if (KEY_CHUNKS > 3u) { query[3] = qChunk(qRows + 3u); }
  if (KEY_CHUNKS > 4u) { query[4] = qChunk(qRows + 4u); }
  if (KEY_CHUNKS > 5u) { query[5] = qChunk(qRows + 5u); }
  if (KEY_CHUNKS > 6u) { query[6] = qChunk(qRows + 6u); }
  if (KEY_CHUNKS > 7u) { query[7] = qChunk(qRows + 7u); }
  if (KEY_CHUNKS > 8u) { query[8] = qChunk(qRows + 8u); }
  if (KEY_CHUNKS > 9u) { query[9] = qChunk(qRows + 9u); }
  if (KEY_CHUNKS > 10u) { query[10] = qChunk(qRows + 10u); }
  if (KEY_CHUNKS > 11u) { query[11] = qChunk(qRows + 11u); }
  if (KEY_CHUNKS > 12u) { query[12] = qChunk(qRows + 12u); }
  if (KEY_CHUNKS > 13u) { query[13] = qChunk(qRows + 13u); }
  if (KEY_CHUNKS > 14u) { query[14] = qChunk(qRows + 14u); }
  if (KEY_CHUNKS > 15u) { query[15] = qChunk(qRows + 15u); }
  let oRows = vec4u(row0, row1, row2, row3) * VALUE_CHUNKS;
  var upstream: array<mat4x4f, 16>;
  upstream[0] = dOutputChunk(oRows + 0u);
  if (VALUE_CHUNKS > 1u) { upstream[1] = dOutputChunk(oRows + 1u); }
  if (VALUE_CHUNKS > 2u) { upstream[2] = dOutputChunk(oRows + 2u); }
  if (VALUE_CHUNKS > 3u) { upstream[3] = dOutputChunk(oRows + 3u); }
  if (VALUE_CHUNKS > 4u) { upstream[4] = dOutputChunk(oRows + 4u); }
  if (VALUE_CHUNKS > 5u) { upstream[5] = dOutputChunk(oRows + 5u); }
  if (VALUE_CHUNKS > 6u) { upstream[6] = dOutputChunk(oRows + 6u); }
  if (VALUE_CHUNKS > 7u) { upstream[7] = dOutputChunk(oRows + 7u); }
  if (VALUE_CHUNKS > 8u) { upstream[8] = dOutputChunk(oRows + 8u); }
  if (VALUE_CHUNKS > 9u) { upstream[9] = dOutputChunk(oRows + 9u); }
  if (VALUE_CHUNKS > 10u) { upstream[10] = dOutputChunk(oRows + 10u); }
  if (VALUE_CHUNKS > 11u) { upstream[11] = dOutputChunk(oRows + 11u); }
  if (VALUE_CHUNKS > 12u) { upstream[12] = dOutputChunk(oRows + 12u); }
  if (VALUE_CHUNKS > 13u) { upstream[13] = dOutputChunk(oRows + 13u); }
  if (VALUE_CHUNKS > 14u) { upstream[14] = dOutputChunk(oRows + 14u); }
  if (VALUE_CHUNKS > 15u) { upstream[15] = dOutputChunk(oRows + 15u); }
  var delta = vec4f(0.0);
  delta = delta + rowDots(upstream[0], outputChunk(oRows + 0u));
  if (VALUE_CHUNKS > 1u) { delta = delta + rowDots(upstream[1], outputChunk(oRows + 1u)); }
  if (VALUE_CHUNKS > 2u) { delta = delta + rowDots(upstream[2], outputChunk(oRows + 2u)); }
  if (VALUE_CHUNKS > 3u) { delta = delta + rowDots(upstream[3], outputChunk(oRows + 3u)); }
  if (VALUE_CHUNKS > 4u) { delta = delta + rowDots(upstream[4], outputChunk(oRows + 4u)); }
  if (VALUE_CHUNKS > 5u) { delta = delta + rowDots(upstream[5], outputChunk(oRows + 5u)); }
  if (VALUE_CHUNKS > 6u) { delta = delta + rowDots(upstream[6], outputChunk(oRows + 6u)); }
  if (VALUE_CHUNKS > 7u) { delta = delta + rowDots(upstream[7], outputChunk(oRows + 7u)); }
  if (VALUE_CHUNKS > 8u) { delta = delta + rowDots(upstream[8], outputChunk(oRows + 8u)); }
  if (VALUE_CHUNKS > 9u) { delta = delta + rowDots(upstream[9], outputChunk(oRows + 9u)); }
  if (VALUE_CHUNKS > 10u) { delta = delta + rowDots(upstream[10], outputChunk(oRows + 10u)); }
  if (VALUE_CHUNKS > 11u) { delta = delta + rowDots(upstream[11], outputChunk(oRows + 11u)); }
  if (VALUE_CHUNKS > 12u) { delta = delta + rowDots(upstream[12], outputChunk(oRows + 12u)); }
  if (VALUE_CHUNKS > 13u) { delta = delta + rowDots(upstream[13], outputChunk(oRows + 13u)); }
  if (VALUE_CHUNKS > 14u) { delta = delta + rowDots(upstream[14], outputChunk(oRows + 14u)); }
  if (VALUE_CHUNKS > 15u) { delta = delta + rowDots(upstream[15], outputChunk(oRows + 15u)); }
  let rowLogSumExp = vec4f(logSumExp[row0], logSumExp[row1], logSumExp[row2], logSumExp[row3]);
  var gradient: array<mat4x4f, 16>;
  for (var j = 0u; j < tk; j = j + 1u) {
    let kRow = (first + j) * KEY_CHUNKS;
    let vRow = (first + j) * VALUE_CHUNKS;
    var score = vec4f(0.0);
    score = score + query[0] * k[kRow + 0u];
    if (KEY_CHUNKS > 1u) { score = score + query[1] * k[kRow + 1u]; }
    if (KEY_CHUNKS > 2u) { score = score + query[2] * k[kRow + 2u]; }
    if (KEY_CHUNKS > 3u) { score = score + query[3] * k[kRow + 3u]; }
    if (KEY_CHUNKS > 4u) { score = score + query[4] * k[kRow + 4u]; }
    if (KEY_CHUNKS > 5u) { score = score + query[5] * k[kRow + 5u]; }
    if (KEY_CHUNKS > 6u) { score = score + query[6] * k[kRow + 6u]; }
    if (KEY_CHUNKS > 7u) { score = score + query[7] * k[kRow + 7u]; }
    if (KEY_CHUNKS > 8u) { score = score + query[8] * k[kRow + 8u]; }
    if (KEY_CHUNKS > 9u) { score = score + query[9] * k[kRow + 9u]; }
    if (KEY_CHUNKS > 10u) { score = score + query[10] * k[kRow + 10u]; }
    if (KEY_CHUNKS > 11u) { score = score + query[11] * k[kRow + 11u]; }
    if (KEY_CHUNKS > 12u) { score = score + query[12] * k[kRow + 12u]; }
    if (KEY_CHUNKS > 13u) { score = score + query[13] * k[kRow + 13u]; }
    if (KEY_CHUNKS > 14u) { score = score + query[14] * k[kRow + 14u]; }
    if (KEY_CHUNKS > 15u) { score = score + query[15] * k[kRow + 15u]; }
    var dProbability = vec4f(0.0);
    dProbability = dProbability + upstream[0] * v[vRow + 0u];
    if (VALUE_CHUNKS > 1u) { dProbability = dProbability + upstream[1] * v[vRow + 1u]; }
    if (VALUE_CHUNKS > 2u) { dProbability = dProbability + upstream[2] * v[vRow + 2u]; }
    if (VALUE_CHUNKS > 3u) { dProbability = dProbability + upstream[3] * v[vRow + 3u]; }
    if (VALUE_CHUNKS > 4u) { dProbability = dProbability + upstream[4] * v[vRow + 4u]; }
    if (VALUE_CHUNKS > 5u) { dProbability = dProbability + upstream[5] * v[vRow + 5u]; }
    if (VALUE_CHUNKS > 6u) { dProbability = dProbability + upstream[6] * v[vRow + 6u]; }
    if (VALUE_CHUNKS > 7u) { dProbability = dProbability + upstream[7] * v[vRow + 7u]; }
    if (VALUE_CHUNKS > 8u) { dProbability = dProbability + upstream[8] * v[vRow + 8u]; }
    if (VALUE_CHUNKS > 9u) { dProbability = dProbability + upstream[9] * v[vRow + 9u]; }
    if (VALUE_CHUNKS > 10u) { dProbability = dProbability + upstream[10] * v[vRow + 10u]; }
    if (VALUE_CHUNKS > 11u) { dProbability = dProbability + upstream[11] * v[vRow + 11u]; }
    if (VALUE_CHUNKS > 12u) { dProbability = dProbability + upstream[12] * v[vRow + 12u]; }
    if (VALUE_CHUNKS > 13u) { dProbability = dProbability + upstream[13] * v[vRow + 13u]; }
    if (VALUE_CHUNKS > 14u) { dProbability = dProbability + upstream[14] * v[vRow + 14u]; }
    if (VALUE_CHUNKS > 15u) { dProbability = dProbability + upstream[15] * v[vRow + 15u]; }
    let dScore = exp(score - rowLogSumExp) * (dProbability - delta);
    gradient[0] = gradient[0] + outer(dScore, k[kRow + 0u]);
    if (KEY_CHUNKS > 1u) { gradient[1] = gradient[1] + outer(dScore, k[kRow + 1u]); }
    if (KEY_CHUNKS > 2u) { gradient[2] = gradient[2] + outer(dScore, k[kRow + 2u]); }
    if (KEY_CHUNKS > 3u) { gradient[3] = gradient[3] + outer(dScore, k[kRow + 3u]); }
    if (KEY_CHUNKS > 4u) { gradient[4] = gradient[4] + outer(dScore, k[kRow + 4u]); }
    if (KEY_CHUNKS > 5u) { gradient[5] = gradient[5] + outer(dScore, k[kRow + 5u]); }
    if (KEY_CHUNKS > 6u) { gradient[6] = gradient[6] + outer(dScore, k[kRow + 6u]); }
    if (KEY_CHUNKS > 7u) { gradient[7] = gradient[7] + outer(dScore, k[kRow + 7u]); }
    if (KEY_CHUNKS > 8u) { gradient[8] = gradient[8] + outer(dScore, k[kRow + 8u]); }
    if (KEY_CHUNKS > 9u) { gradient[9] = gradient[9] + outer(dScore, k[kRow + 9u]); }
    if (KEY_CHUNKS > 10u) { gradient[10] = gradient[10] + outer(dScore, k[kRow + 10u]); }
    if (KEY_CHUNKS > 11u) { gradient[11] = gradient[11] + outer(dScore, k[kRow + 11u]); }
    if (KEY_CHUNKS > 12u) { gradient[12] = gradient[12] + outer(dScore, k[kRow + 12u]); }
    if (KEY_CHUNKS > 13u) { gradient[13] = gradient[13] + outer(dScore, k[kRow + 13u]); }
    if (KEY_CHUNKS > 14u) { gradient[14] = gradient[14] + outer(dScore, k[kRow + 14u]); }
    if (KEY_CHUNKS > 15u) { gradient[15] = gradient[15] + outer(dScore, k[kRow + 15u]); }
  }
  dqStore(qRows + 0u, gradient[0]);
  if (KEY_CHUNKS > 1u) { dqStore(qRows + 1u, gradient[1]); }
  if (KEY_CHUNKS > 2u) { dqStore(qRows + 2u, gradient[2]); }
  if (KEY_CHUNKS > 3u) { dqStore(qRows + 3u, gradient[3]); }
  if (KEY_CHUNKS > 4u) { dqStore(qRows + 4u, gradient[4]); }
  if (KEY_CHUNKS > 5u) { dqStore(qRows + 5u, gradient[5]); }
  if (KEY_CHUNKS > 6u) { dqStore(qRows + 6u, gradient[6]); }
  if (KEY_CHUNKS > 7u) { dqStore(qRows + 7u, gradient[7]); }
  if (KEY_CHUNKS > 8u) { dqStore(qRows + 8u, gradient[8]); }
  if (KEY_CHUNKS > 9u) { dqStore(qRows + 9u, gradient[9]); }
  if (KEY_CHUNKS > 10u) { dqStore(qRows + 10u, gradient[10]); }
  if (KEY_CHUNKS > 11u) { dqStore(qRows + 11u, gradient[11]); }
  if (KEY_CHUNKS > 12u) { dqStore(qRows + 12u, gradient[12]); }
  if (KEY_CHUNKS > 13u) { dqStore(qRows + 13u, gradient[13]); }
  if (KEY_CHUNKS > 14u) { dqStore(qRows + 14u, gradient[14]); }
  if (KEY_CHUNKS > 15u) { dqStore(qRows + 15u, gradient[15]); }
  statistics[row0] = vec2f(rowLogSumExp.x, delta.x);
  statistics[row1] = vec2f(rowLogSumExp.y, delta.y);
  statistics[row2] = vec2f(rowLogSumExp.z, delta.z);
  statistics[row3] = vec2f(rowLogSumExp.w, delta.w);
}
