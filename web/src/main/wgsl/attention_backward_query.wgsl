// Fused attention backward, query side, per head h and query row i (attention.wgsl is the forward): with
// p_j = exp(q[i] · k[j] − logSumExp[i]) recomputed, the row delta D = Σ_c dOutput[i, c] · output[i, c] and
// dq[i] = Σ_j p_j · (dOutput[i] · v[j] − D) · k[j]. Writes dq and statistics[i] = (logSumExp[i], D), which
// attention_backward_key.wgsl reads for every query row.
// Shapes as attention.wgsl; output and dOutput [heads, tq, VALUE_DIM]. KEY_DIM, VALUE_DIM: pipeline constants.
// Registers: a thread takes four rows, and a 4x4 matrix holds a 4-column chunk of them, one row per component
// (column c of the matrix is column 4i + c of the four rows), so one matrix-vector product scores a chunk of k
// against all four rows; four rows a thread share each load of k and v (3x faster than one row a thread under
// SwiftShader). A row of up to 64 values is 16 chunks, in an array indexed by literals only: SwiftShader keeps a
// private array in registers only then (a loop counter as index made every access a per-lane gather, 3.5x
// slower), so the loops over chunks are written out, 16 lines, those past the row's width under constant
// conditions that compile away.
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
// A row's vec4 chunks.
const KEY_CHUNKS: u32 = KEY_DIM / 4u;
const VALUE_CHUNKS: u32 = VALUE_DIM / 4u;

#include "attention_rows.wgsl"

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
  let qRow0 = row0 * KEY_CHUNKS;
  let qRow1 = row1 * KEY_CHUNKS;
  let qRow2 = row2 * KEY_CHUNKS;
  let qRow3 = row3 * KEY_CHUNKS;
  var query: array<mat4x4f, 16>;
  query[0] = fourRows(q[qRow0 + 0u], q[qRow1 + 0u], q[qRow2 + 0u], q[qRow3 + 0u]);
  if (KEY_CHUNKS > 1u) { query[1] = fourRows(q[qRow0 + 1u], q[qRow1 + 1u], q[qRow2 + 1u], q[qRow3 + 1u]); }
  if (KEY_CHUNKS > 2u) { query[2] = fourRows(q[qRow0 + 2u], q[qRow1 + 2u], q[qRow2 + 2u], q[qRow3 + 2u]); }
  if (KEY_CHUNKS > 3u) { query[3] = fourRows(q[qRow0 + 3u], q[qRow1 + 3u], q[qRow2 + 3u], q[qRow3 + 3u]); }
  if (KEY_CHUNKS > 4u) { query[4] = fourRows(q[qRow0 + 4u], q[qRow1 + 4u], q[qRow2 + 4u], q[qRow3 + 4u]); }
  if (KEY_CHUNKS > 5u) { query[5] = fourRows(q[qRow0 + 5u], q[qRow1 + 5u], q[qRow2 + 5u], q[qRow3 + 5u]); }
  if (KEY_CHUNKS > 6u) { query[6] = fourRows(q[qRow0 + 6u], q[qRow1 + 6u], q[qRow2 + 6u], q[qRow3 + 6u]); }
  if (KEY_CHUNKS > 7u) { query[7] = fourRows(q[qRow0 + 7u], q[qRow1 + 7u], q[qRow2 + 7u], q[qRow3 + 7u]); }
  if (KEY_CHUNKS > 8u) { query[8] = fourRows(q[qRow0 + 8u], q[qRow1 + 8u], q[qRow2 + 8u], q[qRow3 + 8u]); }
  if (KEY_CHUNKS > 9u) { query[9] = fourRows(q[qRow0 + 9u], q[qRow1 + 9u], q[qRow2 + 9u], q[qRow3 + 9u]); }
  if (KEY_CHUNKS > 10u) { query[10] = fourRows(q[qRow0 + 10u], q[qRow1 + 10u], q[qRow2 + 10u], q[qRow3 + 10u]); }
  if (KEY_CHUNKS > 11u) { query[11] = fourRows(q[qRow0 + 11u], q[qRow1 + 11u], q[qRow2 + 11u], q[qRow3 + 11u]); }
  if (KEY_CHUNKS > 12u) { query[12] = fourRows(q[qRow0 + 12u], q[qRow1 + 12u], q[qRow2 + 12u], q[qRow3 + 12u]); }
  if (KEY_CHUNKS > 13u) { query[13] = fourRows(q[qRow0 + 13u], q[qRow1 + 13u], q[qRow2 + 13u], q[qRow3 + 13u]); }
  if (KEY_CHUNKS > 14u) { query[14] = fourRows(q[qRow0 + 14u], q[qRow1 + 14u], q[qRow2 + 14u], q[qRow3 + 14u]); }
  if (KEY_CHUNKS > 15u) { query[15] = fourRows(q[qRow0 + 15u], q[qRow1 + 15u], q[qRow2 + 15u], q[qRow3 + 15u]); }
  let oRow0 = row0 * VALUE_CHUNKS;
  let oRow1 = row1 * VALUE_CHUNKS;
  let oRow2 = row2 * VALUE_CHUNKS;
  let oRow3 = row3 * VALUE_CHUNKS;
  var upstream: array<mat4x4f, 16>;
  upstream[0] = fourRows(dOutput[oRow0 + 0u], dOutput[oRow1 + 0u], dOutput[oRow2 + 0u], dOutput[oRow3 + 0u]);
  if (VALUE_CHUNKS > 1u) { upstream[1] = fourRows(dOutput[oRow0 + 1u], dOutput[oRow1 + 1u], dOutput[oRow2 + 1u], dOutput[oRow3 + 1u]); }
  if (VALUE_CHUNKS > 2u) { upstream[2] = fourRows(dOutput[oRow0 + 2u], dOutput[oRow1 + 2u], dOutput[oRow2 + 2u], dOutput[oRow3 + 2u]); }
  if (VALUE_CHUNKS > 3u) { upstream[3] = fourRows(dOutput[oRow0 + 3u], dOutput[oRow1 + 3u], dOutput[oRow2 + 3u], dOutput[oRow3 + 3u]); }
  if (VALUE_CHUNKS > 4u) { upstream[4] = fourRows(dOutput[oRow0 + 4u], dOutput[oRow1 + 4u], dOutput[oRow2 + 4u], dOutput[oRow3 + 4u]); }
  if (VALUE_CHUNKS > 5u) { upstream[5] = fourRows(dOutput[oRow0 + 5u], dOutput[oRow1 + 5u], dOutput[oRow2 + 5u], dOutput[oRow3 + 5u]); }
  if (VALUE_CHUNKS > 6u) { upstream[6] = fourRows(dOutput[oRow0 + 6u], dOutput[oRow1 + 6u], dOutput[oRow2 + 6u], dOutput[oRow3 + 6u]); }
  if (VALUE_CHUNKS > 7u) { upstream[7] = fourRows(dOutput[oRow0 + 7u], dOutput[oRow1 + 7u], dOutput[oRow2 + 7u], dOutput[oRow3 + 7u]); }
  if (VALUE_CHUNKS > 8u) { upstream[8] = fourRows(dOutput[oRow0 + 8u], dOutput[oRow1 + 8u], dOutput[oRow2 + 8u], dOutput[oRow3 + 8u]); }
  if (VALUE_CHUNKS > 9u) { upstream[9] = fourRows(dOutput[oRow0 + 9u], dOutput[oRow1 + 9u], dOutput[oRow2 + 9u], dOutput[oRow3 + 9u]); }
  if (VALUE_CHUNKS > 10u) { upstream[10] = fourRows(dOutput[oRow0 + 10u], dOutput[oRow1 + 10u], dOutput[oRow2 + 10u], dOutput[oRow3 + 10u]); }
  if (VALUE_CHUNKS > 11u) { upstream[11] = fourRows(dOutput[oRow0 + 11u], dOutput[oRow1 + 11u], dOutput[oRow2 + 11u], dOutput[oRow3 + 11u]); }
  if (VALUE_CHUNKS > 12u) { upstream[12] = fourRows(dOutput[oRow0 + 12u], dOutput[oRow1 + 12u], dOutput[oRow2 + 12u], dOutput[oRow3 + 12u]); }
  if (VALUE_CHUNKS > 13u) { upstream[13] = fourRows(dOutput[oRow0 + 13u], dOutput[oRow1 + 13u], dOutput[oRow2 + 13u], dOutput[oRow3 + 13u]); }
  if (VALUE_CHUNKS > 14u) { upstream[14] = fourRows(dOutput[oRow0 + 14u], dOutput[oRow1 + 14u], dOutput[oRow2 + 14u], dOutput[oRow3 + 14u]); }
  if (VALUE_CHUNKS > 15u) { upstream[15] = fourRows(dOutput[oRow0 + 15u], dOutput[oRow1 + 15u], dOutput[oRow2 + 15u], dOutput[oRow3 + 15u]); }
  var delta = vec4f(0.0);
  delta = delta + rowDots(upstream[0], fourRows(output[oRow0 + 0u], output[oRow1 + 0u], output[oRow2 + 0u], output[oRow3 + 0u]));
  if (VALUE_CHUNKS > 1u) { delta = delta + rowDots(upstream[1], fourRows(output[oRow0 + 1u], output[oRow1 + 1u], output[oRow2 + 1u], output[oRow3 + 1u])); }
  if (VALUE_CHUNKS > 2u) { delta = delta + rowDots(upstream[2], fourRows(output[oRow0 + 2u], output[oRow1 + 2u], output[oRow2 + 2u], output[oRow3 + 2u])); }
  if (VALUE_CHUNKS > 3u) { delta = delta + rowDots(upstream[3], fourRows(output[oRow0 + 3u], output[oRow1 + 3u], output[oRow2 + 3u], output[oRow3 + 3u])); }
  if (VALUE_CHUNKS > 4u) { delta = delta + rowDots(upstream[4], fourRows(output[oRow0 + 4u], output[oRow1 + 4u], output[oRow2 + 4u], output[oRow3 + 4u])); }
  if (VALUE_CHUNKS > 5u) { delta = delta + rowDots(upstream[5], fourRows(output[oRow0 + 5u], output[oRow1 + 5u], output[oRow2 + 5u], output[oRow3 + 5u])); }
  if (VALUE_CHUNKS > 6u) { delta = delta + rowDots(upstream[6], fourRows(output[oRow0 + 6u], output[oRow1 + 6u], output[oRow2 + 6u], output[oRow3 + 6u])); }
  if (VALUE_CHUNKS > 7u) { delta = delta + rowDots(upstream[7], fourRows(output[oRow0 + 7u], output[oRow1 + 7u], output[oRow2 + 7u], output[oRow3 + 7u])); }
  if (VALUE_CHUNKS > 8u) { delta = delta + rowDots(upstream[8], fourRows(output[oRow0 + 8u], output[oRow1 + 8u], output[oRow2 + 8u], output[oRow3 + 8u])); }
  if (VALUE_CHUNKS > 9u) { delta = delta + rowDots(upstream[9], fourRows(output[oRow0 + 9u], output[oRow1 + 9u], output[oRow2 + 9u], output[oRow3 + 9u])); }
  if (VALUE_CHUNKS > 10u) { delta = delta + rowDots(upstream[10], fourRows(output[oRow0 + 10u], output[oRow1 + 10u], output[oRow2 + 10u], output[oRow3 + 10u])); }
  if (VALUE_CHUNKS > 11u) { delta = delta + rowDots(upstream[11], fourRows(output[oRow0 + 11u], output[oRow1 + 11u], output[oRow2 + 11u], output[oRow3 + 11u])); }
  if (VALUE_CHUNKS > 12u) { delta = delta + rowDots(upstream[12], fourRows(output[oRow0 + 12u], output[oRow1 + 12u], output[oRow2 + 12u], output[oRow3 + 12u])); }
  if (VALUE_CHUNKS > 13u) { delta = delta + rowDots(upstream[13], fourRows(output[oRow0 + 13u], output[oRow1 + 13u], output[oRow2 + 13u], output[oRow3 + 13u])); }
  if (VALUE_CHUNKS > 14u) { delta = delta + rowDots(upstream[14], fourRows(output[oRow0 + 14u], output[oRow1 + 14u], output[oRow2 + 14u], output[oRow3 + 14u])); }
  if (VALUE_CHUNKS > 15u) { delta = delta + rowDots(upstream[15], fourRows(output[oRow0 + 15u], output[oRow1 + 15u], output[oRow2 + 15u], output[oRow3 + 15u])); }
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
  let dqRows = transpose(gradient[0]); dq[qRow0 + 0u] = dqRows[0]; dq[qRow1 + 0u] = dqRows[1]; dq[qRow2 + 0u] = dqRows[2]; dq[qRow3 + 0u] = dqRows[3];
  if (KEY_CHUNKS > 1u) { let dqRows = transpose(gradient[1]); dq[qRow0 + 1u] = dqRows[0]; dq[qRow1 + 1u] = dqRows[1]; dq[qRow2 + 1u] = dqRows[2]; dq[qRow3 + 1u] = dqRows[3]; }
  if (KEY_CHUNKS > 2u) { let dqRows = transpose(gradient[2]); dq[qRow0 + 2u] = dqRows[0]; dq[qRow1 + 2u] = dqRows[1]; dq[qRow2 + 2u] = dqRows[2]; dq[qRow3 + 2u] = dqRows[3]; }
  if (KEY_CHUNKS > 3u) { let dqRows = transpose(gradient[3]); dq[qRow0 + 3u] = dqRows[0]; dq[qRow1 + 3u] = dqRows[1]; dq[qRow2 + 3u] = dqRows[2]; dq[qRow3 + 3u] = dqRows[3]; }
  if (KEY_CHUNKS > 4u) { let dqRows = transpose(gradient[4]); dq[qRow0 + 4u] = dqRows[0]; dq[qRow1 + 4u] = dqRows[1]; dq[qRow2 + 4u] = dqRows[2]; dq[qRow3 + 4u] = dqRows[3]; }
  if (KEY_CHUNKS > 5u) { let dqRows = transpose(gradient[5]); dq[qRow0 + 5u] = dqRows[0]; dq[qRow1 + 5u] = dqRows[1]; dq[qRow2 + 5u] = dqRows[2]; dq[qRow3 + 5u] = dqRows[3]; }
  if (KEY_CHUNKS > 6u) { let dqRows = transpose(gradient[6]); dq[qRow0 + 6u] = dqRows[0]; dq[qRow1 + 6u] = dqRows[1]; dq[qRow2 + 6u] = dqRows[2]; dq[qRow3 + 6u] = dqRows[3]; }
  if (KEY_CHUNKS > 7u) { let dqRows = transpose(gradient[7]); dq[qRow0 + 7u] = dqRows[0]; dq[qRow1 + 7u] = dqRows[1]; dq[qRow2 + 7u] = dqRows[2]; dq[qRow3 + 7u] = dqRows[3]; }
  if (KEY_CHUNKS > 8u) { let dqRows = transpose(gradient[8]); dq[qRow0 + 8u] = dqRows[0]; dq[qRow1 + 8u] = dqRows[1]; dq[qRow2 + 8u] = dqRows[2]; dq[qRow3 + 8u] = dqRows[3]; }
  if (KEY_CHUNKS > 9u) { let dqRows = transpose(gradient[9]); dq[qRow0 + 9u] = dqRows[0]; dq[qRow1 + 9u] = dqRows[1]; dq[qRow2 + 9u] = dqRows[2]; dq[qRow3 + 9u] = dqRows[3]; }
  if (KEY_CHUNKS > 10u) { let dqRows = transpose(gradient[10]); dq[qRow0 + 10u] = dqRows[0]; dq[qRow1 + 10u] = dqRows[1]; dq[qRow2 + 10u] = dqRows[2]; dq[qRow3 + 10u] = dqRows[3]; }
  if (KEY_CHUNKS > 11u) { let dqRows = transpose(gradient[11]); dq[qRow0 + 11u] = dqRows[0]; dq[qRow1 + 11u] = dqRows[1]; dq[qRow2 + 11u] = dqRows[2]; dq[qRow3 + 11u] = dqRows[3]; }
  if (KEY_CHUNKS > 12u) { let dqRows = transpose(gradient[12]); dq[qRow0 + 12u] = dqRows[0]; dq[qRow1 + 12u] = dqRows[1]; dq[qRow2 + 12u] = dqRows[2]; dq[qRow3 + 12u] = dqRows[3]; }
  if (KEY_CHUNKS > 13u) { let dqRows = transpose(gradient[13]); dq[qRow0 + 13u] = dqRows[0]; dq[qRow1 + 13u] = dqRows[1]; dq[qRow2 + 13u] = dqRows[2]; dq[qRow3 + 13u] = dqRows[3]; }
  if (KEY_CHUNKS > 14u) { let dqRows = transpose(gradient[14]); dq[qRow0 + 14u] = dqRows[0]; dq[qRow1 + 14u] = dqRows[1]; dq[qRow2 + 14u] = dqRows[2]; dq[qRow3 + 14u] = dqRows[3]; }
  if (KEY_CHUNKS > 15u) { let dqRows = transpose(gradient[15]); dq[qRow0 + 15u] = dqRows[0]; dq[qRow1 + 15u] = dqRows[1]; dq[qRow2 + 15u] = dqRows[2]; dq[qRow3 + 15u] = dqRows[3]; }
  statistics[row0] = vec2f(rowLogSumExp.x, delta.x);
  statistics[row1] = vec2f(rowLogSumExp.y, delta.y);
  statistics[row2] = vec2f(rowLogSumExp.z, delta.z);
  statistics[row3] = vec2f(rowLogSumExp.w, delta.w);
}
