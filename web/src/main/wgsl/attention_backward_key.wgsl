// Fused attention backward, key side, per head h and key row j (attention.wgsl is the forward): with
// p_i = exp(q[i] · k[j] − logSumExp[i]) recomputed for every query row i, dv[j] = Σ_i p_i · dOutput[i] and
// dk[j] = Σ_i p_i · (dOutput[i] · v[j] − D[i]) · q[i], reading statistics[i] = (logSumExp[i], D[i]) from
// attention_backward_query.wgsl.
// Shapes as attention.wgsl; dOutput [heads, tq, VALUE_DIM]. KEY_DIM, VALUE_DIM: pipeline constants.
// Registers: a thread takes four rows, and a 4x4 matrix holds a 4-column chunk of them, one row per component
// (column c of the matrix is column 4i + c of the four rows), so one matrix-vector product scores a chunk of q
// against all four rows; four rows a thread share each load of q and dOutput (3x faster than one row a thread under
// SwiftShader). A row of up to 64 values is 16 chunks, in an array indexed by literals only: SwiftShader keeps a
// private array in registers only then (a loop counter as index made every access a per-lane gather, 3.5x
// slower), so the loops over chunks are written out, 16 lines, those past the row's width under constant
// conditions that compile away.
// Threading: four key rows of one head a thread, 64 threads a workgroup, no workgroup memory.
// Parameters: [0] threads (heads · ⌈tk / 4⌉), [1] tk, [2] tq.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> q: array<vec4f>;
@group(0) @binding(2) var<storage, read> k: array<vec4f>;
@group(0) @binding(3) var<storage, read> v: array<vec4f>;
@group(0) @binding(4) var<storage, read> dOutput: array<vec4f>;
@group(0) @binding(5) var<storage, read> statistics: array<vec2f>;
@group(0) @binding(6) var<storage, read_write> dk: array<vec4f>;
@group(0) @binding(7) var<storage, read_write> dv: array<vec4f>;

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
  let tk = p[0].y;
  let tq = p[0].z;
  // ⌈tk / 4⌉ threads a head. In the head's last thread, rows past the end repeat the head's last row,
  // which the same thread computes too: they write its values again.
  let threadsPerHead = (tk + 3u) / 4u;
  let head = thread / threadsPerHead;
  let start = thread % threadsPerHead * 4u;
  let last = head * tk + tk - 1u;
  let row0 = head * tk + start;
  let row1 = min(row0 + 1u, last);
  let row2 = min(row0 + 2u, last);
  let row3 = min(row0 + 3u, last);
  let first = head * tq;
  let kRow0 = row0 * KEY_CHUNKS;
  let kRow1 = row1 * KEY_CHUNKS;
  let kRow2 = row2 * KEY_CHUNKS;
  let kRow3 = row3 * KEY_CHUNKS;
  var key: array<mat4x4f, 16>;
  key[0] = fourRows(k[kRow0 + 0u], k[kRow1 + 0u], k[kRow2 + 0u], k[kRow3 + 0u]);
  if (KEY_CHUNKS > 1u) { key[1] = fourRows(k[kRow0 + 1u], k[kRow1 + 1u], k[kRow2 + 1u], k[kRow3 + 1u]); }
  if (KEY_CHUNKS > 2u) { key[2] = fourRows(k[kRow0 + 2u], k[kRow1 + 2u], k[kRow2 + 2u], k[kRow3 + 2u]); }
  if (KEY_CHUNKS > 3u) { key[3] = fourRows(k[kRow0 + 3u], k[kRow1 + 3u], k[kRow2 + 3u], k[kRow3 + 3u]); }
  if (KEY_CHUNKS > 4u) { key[4] = fourRows(k[kRow0 + 4u], k[kRow1 + 4u], k[kRow2 + 4u], k[kRow3 + 4u]); }
  if (KEY_CHUNKS > 5u) { key[5] = fourRows(k[kRow0 + 5u], k[kRow1 + 5u], k[kRow2 + 5u], k[kRow3 + 5u]); }
  if (KEY_CHUNKS > 6u) { key[6] = fourRows(k[kRow0 + 6u], k[kRow1 + 6u], k[kRow2 + 6u], k[kRow3 + 6u]); }
  if (KEY_CHUNKS > 7u) { key[7] = fourRows(k[kRow0 + 7u], k[kRow1 + 7u], k[kRow2 + 7u], k[kRow3 + 7u]); }
  if (KEY_CHUNKS > 8u) { key[8] = fourRows(k[kRow0 + 8u], k[kRow1 + 8u], k[kRow2 + 8u], k[kRow3 + 8u]); }
  if (KEY_CHUNKS > 9u) { key[9] = fourRows(k[kRow0 + 9u], k[kRow1 + 9u], k[kRow2 + 9u], k[kRow3 + 9u]); }
  if (KEY_CHUNKS > 10u) { key[10] = fourRows(k[kRow0 + 10u], k[kRow1 + 10u], k[kRow2 + 10u], k[kRow3 + 10u]); }
  if (KEY_CHUNKS > 11u) { key[11] = fourRows(k[kRow0 + 11u], k[kRow1 + 11u], k[kRow2 + 11u], k[kRow3 + 11u]); }
  if (KEY_CHUNKS > 12u) { key[12] = fourRows(k[kRow0 + 12u], k[kRow1 + 12u], k[kRow2 + 12u], k[kRow3 + 12u]); }
  if (KEY_CHUNKS > 13u) { key[13] = fourRows(k[kRow0 + 13u], k[kRow1 + 13u], k[kRow2 + 13u], k[kRow3 + 13u]); }
  if (KEY_CHUNKS > 14u) { key[14] = fourRows(k[kRow0 + 14u], k[kRow1 + 14u], k[kRow2 + 14u], k[kRow3 + 14u]); }
  if (KEY_CHUNKS > 15u) { key[15] = fourRows(k[kRow0 + 15u], k[kRow1 + 15u], k[kRow2 + 15u], k[kRow3 + 15u]); }
  let vRow0 = row0 * VALUE_CHUNKS;
  let vRow1 = row1 * VALUE_CHUNKS;
  let vRow2 = row2 * VALUE_CHUNKS;
  let vRow3 = row3 * VALUE_CHUNKS;
  var value: array<mat4x4f, 16>;
  value[0] = fourRows(v[vRow0 + 0u], v[vRow1 + 0u], v[vRow2 + 0u], v[vRow3 + 0u]);
  if (VALUE_CHUNKS > 1u) { value[1] = fourRows(v[vRow0 + 1u], v[vRow1 + 1u], v[vRow2 + 1u], v[vRow3 + 1u]); }
  if (VALUE_CHUNKS > 2u) { value[2] = fourRows(v[vRow0 + 2u], v[vRow1 + 2u], v[vRow2 + 2u], v[vRow3 + 2u]); }
  if (VALUE_CHUNKS > 3u) { value[3] = fourRows(v[vRow0 + 3u], v[vRow1 + 3u], v[vRow2 + 3u], v[vRow3 + 3u]); }
  if (VALUE_CHUNKS > 4u) { value[4] = fourRows(v[vRow0 + 4u], v[vRow1 + 4u], v[vRow2 + 4u], v[vRow3 + 4u]); }
  if (VALUE_CHUNKS > 5u) { value[5] = fourRows(v[vRow0 + 5u], v[vRow1 + 5u], v[vRow2 + 5u], v[vRow3 + 5u]); }
  if (VALUE_CHUNKS > 6u) { value[6] = fourRows(v[vRow0 + 6u], v[vRow1 + 6u], v[vRow2 + 6u], v[vRow3 + 6u]); }
  if (VALUE_CHUNKS > 7u) { value[7] = fourRows(v[vRow0 + 7u], v[vRow1 + 7u], v[vRow2 + 7u], v[vRow3 + 7u]); }
  if (VALUE_CHUNKS > 8u) { value[8] = fourRows(v[vRow0 + 8u], v[vRow1 + 8u], v[vRow2 + 8u], v[vRow3 + 8u]); }
  if (VALUE_CHUNKS > 9u) { value[9] = fourRows(v[vRow0 + 9u], v[vRow1 + 9u], v[vRow2 + 9u], v[vRow3 + 9u]); }
  if (VALUE_CHUNKS > 10u) { value[10] = fourRows(v[vRow0 + 10u], v[vRow1 + 10u], v[vRow2 + 10u], v[vRow3 + 10u]); }
  if (VALUE_CHUNKS > 11u) { value[11] = fourRows(v[vRow0 + 11u], v[vRow1 + 11u], v[vRow2 + 11u], v[vRow3 + 11u]); }
  if (VALUE_CHUNKS > 12u) { value[12] = fourRows(v[vRow0 + 12u], v[vRow1 + 12u], v[vRow2 + 12u], v[vRow3 + 12u]); }
  if (VALUE_CHUNKS > 13u) { value[13] = fourRows(v[vRow0 + 13u], v[vRow1 + 13u], v[vRow2 + 13u], v[vRow3 + 13u]); }
  if (VALUE_CHUNKS > 14u) { value[14] = fourRows(v[vRow0 + 14u], v[vRow1 + 14u], v[vRow2 + 14u], v[vRow3 + 14u]); }
  if (VALUE_CHUNKS > 15u) { value[15] = fourRows(v[vRow0 + 15u], v[vRow1 + 15u], v[vRow2 + 15u], v[vRow3 + 15u]); }
  var keyGradient: array<mat4x4f, 16>;
  var valueGradient: array<mat4x4f, 16>;
  for (var i = 0u; i < tq; i = i + 1u) {
    let qRow = (first + i) * KEY_CHUNKS;
    let oRow = (first + i) * VALUE_CHUNKS;
    var score = vec4f(0.0);
    score = score + key[0] * q[qRow + 0u];
    if (KEY_CHUNKS > 1u) { score = score + key[1] * q[qRow + 1u]; }
    if (KEY_CHUNKS > 2u) { score = score + key[2] * q[qRow + 2u]; }
    if (KEY_CHUNKS > 3u) { score = score + key[3] * q[qRow + 3u]; }
    if (KEY_CHUNKS > 4u) { score = score + key[4] * q[qRow + 4u]; }
    if (KEY_CHUNKS > 5u) { score = score + key[5] * q[qRow + 5u]; }
    if (KEY_CHUNKS > 6u) { score = score + key[6] * q[qRow + 6u]; }
    if (KEY_CHUNKS > 7u) { score = score + key[7] * q[qRow + 7u]; }
    if (KEY_CHUNKS > 8u) { score = score + key[8] * q[qRow + 8u]; }
    if (KEY_CHUNKS > 9u) { score = score + key[9] * q[qRow + 9u]; }
    if (KEY_CHUNKS > 10u) { score = score + key[10] * q[qRow + 10u]; }
    if (KEY_CHUNKS > 11u) { score = score + key[11] * q[qRow + 11u]; }
    if (KEY_CHUNKS > 12u) { score = score + key[12] * q[qRow + 12u]; }
    if (KEY_CHUNKS > 13u) { score = score + key[13] * q[qRow + 13u]; }
    if (KEY_CHUNKS > 14u) { score = score + key[14] * q[qRow + 14u]; }
    if (KEY_CHUNKS > 15u) { score = score + key[15] * q[qRow + 15u]; }
    let rowStatistics = statistics[first + i];
    let probability = exp(score - rowStatistics.x);
    var dProbability = vec4f(0.0);
    dProbability = dProbability + value[0] * dOutput[oRow + 0u];
    if (VALUE_CHUNKS > 1u) { dProbability = dProbability + value[1] * dOutput[oRow + 1u]; }
    if (VALUE_CHUNKS > 2u) { dProbability = dProbability + value[2] * dOutput[oRow + 2u]; }
    if (VALUE_CHUNKS > 3u) { dProbability = dProbability + value[3] * dOutput[oRow + 3u]; }
    if (VALUE_CHUNKS > 4u) { dProbability = dProbability + value[4] * dOutput[oRow + 4u]; }
    if (VALUE_CHUNKS > 5u) { dProbability = dProbability + value[5] * dOutput[oRow + 5u]; }
    if (VALUE_CHUNKS > 6u) { dProbability = dProbability + value[6] * dOutput[oRow + 6u]; }
    if (VALUE_CHUNKS > 7u) { dProbability = dProbability + value[7] * dOutput[oRow + 7u]; }
    if (VALUE_CHUNKS > 8u) { dProbability = dProbability + value[8] * dOutput[oRow + 8u]; }
    if (VALUE_CHUNKS > 9u) { dProbability = dProbability + value[9] * dOutput[oRow + 9u]; }
    if (VALUE_CHUNKS > 10u) { dProbability = dProbability + value[10] * dOutput[oRow + 10u]; }
    if (VALUE_CHUNKS > 11u) { dProbability = dProbability + value[11] * dOutput[oRow + 11u]; }
    if (VALUE_CHUNKS > 12u) { dProbability = dProbability + value[12] * dOutput[oRow + 12u]; }
    if (VALUE_CHUNKS > 13u) { dProbability = dProbability + value[13] * dOutput[oRow + 13u]; }
    if (VALUE_CHUNKS > 14u) { dProbability = dProbability + value[14] * dOutput[oRow + 14u]; }
    if (VALUE_CHUNKS > 15u) { dProbability = dProbability + value[15] * dOutput[oRow + 15u]; }
    valueGradient[0] = valueGradient[0] + outer(probability, dOutput[oRow + 0u]);
    if (VALUE_CHUNKS > 1u) { valueGradient[1] = valueGradient[1] + outer(probability, dOutput[oRow + 1u]); }
    if (VALUE_CHUNKS > 2u) { valueGradient[2] = valueGradient[2] + outer(probability, dOutput[oRow + 2u]); }
    if (VALUE_CHUNKS > 3u) { valueGradient[3] = valueGradient[3] + outer(probability, dOutput[oRow + 3u]); }
    if (VALUE_CHUNKS > 4u) { valueGradient[4] = valueGradient[4] + outer(probability, dOutput[oRow + 4u]); }
    if (VALUE_CHUNKS > 5u) { valueGradient[5] = valueGradient[5] + outer(probability, dOutput[oRow + 5u]); }
    if (VALUE_CHUNKS > 6u) { valueGradient[6] = valueGradient[6] + outer(probability, dOutput[oRow + 6u]); }
    if (VALUE_CHUNKS > 7u) { valueGradient[7] = valueGradient[7] + outer(probability, dOutput[oRow + 7u]); }
    if (VALUE_CHUNKS > 8u) { valueGradient[8] = valueGradient[8] + outer(probability, dOutput[oRow + 8u]); }
    if (VALUE_CHUNKS > 9u) { valueGradient[9] = valueGradient[9] + outer(probability, dOutput[oRow + 9u]); }
    if (VALUE_CHUNKS > 10u) { valueGradient[10] = valueGradient[10] + outer(probability, dOutput[oRow + 10u]); }
    if (VALUE_CHUNKS > 11u) { valueGradient[11] = valueGradient[11] + outer(probability, dOutput[oRow + 11u]); }
    if (VALUE_CHUNKS > 12u) { valueGradient[12] = valueGradient[12] + outer(probability, dOutput[oRow + 12u]); }
    if (VALUE_CHUNKS > 13u) { valueGradient[13] = valueGradient[13] + outer(probability, dOutput[oRow + 13u]); }
    if (VALUE_CHUNKS > 14u) { valueGradient[14] = valueGradient[14] + outer(probability, dOutput[oRow + 14u]); }
    if (VALUE_CHUNKS > 15u) { valueGradient[15] = valueGradient[15] + outer(probability, dOutput[oRow + 15u]); }
    let dScore = probability * (dProbability - rowStatistics.y);
    keyGradient[0] = keyGradient[0] + outer(dScore, q[qRow + 0u]);
    if (KEY_CHUNKS > 1u) { keyGradient[1] = keyGradient[1] + outer(dScore, q[qRow + 1u]); }
    if (KEY_CHUNKS > 2u) { keyGradient[2] = keyGradient[2] + outer(dScore, q[qRow + 2u]); }
    if (KEY_CHUNKS > 3u) { keyGradient[3] = keyGradient[3] + outer(dScore, q[qRow + 3u]); }
    if (KEY_CHUNKS > 4u) { keyGradient[4] = keyGradient[4] + outer(dScore, q[qRow + 4u]); }
    if (KEY_CHUNKS > 5u) { keyGradient[5] = keyGradient[5] + outer(dScore, q[qRow + 5u]); }
    if (KEY_CHUNKS > 6u) { keyGradient[6] = keyGradient[6] + outer(dScore, q[qRow + 6u]); }
    if (KEY_CHUNKS > 7u) { keyGradient[7] = keyGradient[7] + outer(dScore, q[qRow + 7u]); }
    if (KEY_CHUNKS > 8u) { keyGradient[8] = keyGradient[8] + outer(dScore, q[qRow + 8u]); }
    if (KEY_CHUNKS > 9u) { keyGradient[9] = keyGradient[9] + outer(dScore, q[qRow + 9u]); }
    if (KEY_CHUNKS > 10u) { keyGradient[10] = keyGradient[10] + outer(dScore, q[qRow + 10u]); }
    if (KEY_CHUNKS > 11u) { keyGradient[11] = keyGradient[11] + outer(dScore, q[qRow + 11u]); }
    if (KEY_CHUNKS > 12u) { keyGradient[12] = keyGradient[12] + outer(dScore, q[qRow + 12u]); }
    if (KEY_CHUNKS > 13u) { keyGradient[13] = keyGradient[13] + outer(dScore, q[qRow + 13u]); }
    if (KEY_CHUNKS > 14u) { keyGradient[14] = keyGradient[14] + outer(dScore, q[qRow + 14u]); }
    if (KEY_CHUNKS > 15u) { keyGradient[15] = keyGradient[15] + outer(dScore, q[qRow + 15u]); }
  }
  let dkRows = transpose(keyGradient[0]); dk[kRow0 + 0u] = dkRows[0]; dk[kRow1 + 0u] = dkRows[1]; dk[kRow2 + 0u] = dkRows[2]; dk[kRow3 + 0u] = dkRows[3];
  if (KEY_CHUNKS > 1u) { let dkRows = transpose(keyGradient[1]); dk[kRow0 + 1u] = dkRows[0]; dk[kRow1 + 1u] = dkRows[1]; dk[kRow2 + 1u] = dkRows[2]; dk[kRow3 + 1u] = dkRows[3]; }
  if (KEY_CHUNKS > 2u) { let dkRows = transpose(keyGradient[2]); dk[kRow0 + 2u] = dkRows[0]; dk[kRow1 + 2u] = dkRows[1]; dk[kRow2 + 2u] = dkRows[2]; dk[kRow3 + 2u] = dkRows[3]; }
  if (KEY_CHUNKS > 3u) { let dkRows = transpose(keyGradient[3]); dk[kRow0 + 3u] = dkRows[0]; dk[kRow1 + 3u] = dkRows[1]; dk[kRow2 + 3u] = dkRows[2]; dk[kRow3 + 3u] = dkRows[3]; }
  if (KEY_CHUNKS > 4u) { let dkRows = transpose(keyGradient[4]); dk[kRow0 + 4u] = dkRows[0]; dk[kRow1 + 4u] = dkRows[1]; dk[kRow2 + 4u] = dkRows[2]; dk[kRow3 + 4u] = dkRows[3]; }
  if (KEY_CHUNKS > 5u) { let dkRows = transpose(keyGradient[5]); dk[kRow0 + 5u] = dkRows[0]; dk[kRow1 + 5u] = dkRows[1]; dk[kRow2 + 5u] = dkRows[2]; dk[kRow3 + 5u] = dkRows[3]; }
  if (KEY_CHUNKS > 6u) { let dkRows = transpose(keyGradient[6]); dk[kRow0 + 6u] = dkRows[0]; dk[kRow1 + 6u] = dkRows[1]; dk[kRow2 + 6u] = dkRows[2]; dk[kRow3 + 6u] = dkRows[3]; }
  if (KEY_CHUNKS > 7u) { let dkRows = transpose(keyGradient[7]); dk[kRow0 + 7u] = dkRows[0]; dk[kRow1 + 7u] = dkRows[1]; dk[kRow2 + 7u] = dkRows[2]; dk[kRow3 + 7u] = dkRows[3]; }
  if (KEY_CHUNKS > 8u) { let dkRows = transpose(keyGradient[8]); dk[kRow0 + 8u] = dkRows[0]; dk[kRow1 + 8u] = dkRows[1]; dk[kRow2 + 8u] = dkRows[2]; dk[kRow3 + 8u] = dkRows[3]; }
  if (KEY_CHUNKS > 9u) { let dkRows = transpose(keyGradient[9]); dk[kRow0 + 9u] = dkRows[0]; dk[kRow1 + 9u] = dkRows[1]; dk[kRow2 + 9u] = dkRows[2]; dk[kRow3 + 9u] = dkRows[3]; }
  if (KEY_CHUNKS > 10u) { let dkRows = transpose(keyGradient[10]); dk[kRow0 + 10u] = dkRows[0]; dk[kRow1 + 10u] = dkRows[1]; dk[kRow2 + 10u] = dkRows[2]; dk[kRow3 + 10u] = dkRows[3]; }
  if (KEY_CHUNKS > 11u) { let dkRows = transpose(keyGradient[11]); dk[kRow0 + 11u] = dkRows[0]; dk[kRow1 + 11u] = dkRows[1]; dk[kRow2 + 11u] = dkRows[2]; dk[kRow3 + 11u] = dkRows[3]; }
  if (KEY_CHUNKS > 12u) { let dkRows = transpose(keyGradient[12]); dk[kRow0 + 12u] = dkRows[0]; dk[kRow1 + 12u] = dkRows[1]; dk[kRow2 + 12u] = dkRows[2]; dk[kRow3 + 12u] = dkRows[3]; }
  if (KEY_CHUNKS > 13u) { let dkRows = transpose(keyGradient[13]); dk[kRow0 + 13u] = dkRows[0]; dk[kRow1 + 13u] = dkRows[1]; dk[kRow2 + 13u] = dkRows[2]; dk[kRow3 + 13u] = dkRows[3]; }
  if (KEY_CHUNKS > 14u) { let dkRows = transpose(keyGradient[14]); dk[kRow0 + 14u] = dkRows[0]; dk[kRow1 + 14u] = dkRows[1]; dk[kRow2 + 14u] = dkRows[2]; dk[kRow3 + 14u] = dkRows[3]; }
  if (KEY_CHUNKS > 15u) { let dkRows = transpose(keyGradient[15]); dk[kRow0 + 15u] = dkRows[0]; dk[kRow1 + 15u] = dkRows[1]; dk[kRow2 + 15u] = dkRows[2]; dk[kRow3 + 15u] = dkRows[3]; }
  let dvRows = transpose(valueGradient[0]); dv[vRow0 + 0u] = dvRows[0]; dv[vRow1 + 0u] = dvRows[1]; dv[vRow2 + 0u] = dvRows[2]; dv[vRow3 + 0u] = dvRows[3];
  if (VALUE_CHUNKS > 1u) { let dvRows = transpose(valueGradient[1]); dv[vRow0 + 1u] = dvRows[0]; dv[vRow1 + 1u] = dvRows[1]; dv[vRow2 + 1u] = dvRows[2]; dv[vRow3 + 1u] = dvRows[3]; }
  if (VALUE_CHUNKS > 2u) { let dvRows = transpose(valueGradient[2]); dv[vRow0 + 2u] = dvRows[0]; dv[vRow1 + 2u] = dvRows[1]; dv[vRow2 + 2u] = dvRows[2]; dv[vRow3 + 2u] = dvRows[3]; }
  if (VALUE_CHUNKS > 3u) { let dvRows = transpose(valueGradient[3]); dv[vRow0 + 3u] = dvRows[0]; dv[vRow1 + 3u] = dvRows[1]; dv[vRow2 + 3u] = dvRows[2]; dv[vRow3 + 3u] = dvRows[3]; }
  if (VALUE_CHUNKS > 4u) { let dvRows = transpose(valueGradient[4]); dv[vRow0 + 4u] = dvRows[0]; dv[vRow1 + 4u] = dvRows[1]; dv[vRow2 + 4u] = dvRows[2]; dv[vRow3 + 4u] = dvRows[3]; }
  if (VALUE_CHUNKS > 5u) { let dvRows = transpose(valueGradient[5]); dv[vRow0 + 5u] = dvRows[0]; dv[vRow1 + 5u] = dvRows[1]; dv[vRow2 + 5u] = dvRows[2]; dv[vRow3 + 5u] = dvRows[3]; }
  if (VALUE_CHUNKS > 6u) { let dvRows = transpose(valueGradient[6]); dv[vRow0 + 6u] = dvRows[0]; dv[vRow1 + 6u] = dvRows[1]; dv[vRow2 + 6u] = dvRows[2]; dv[vRow3 + 6u] = dvRows[3]; }
  if (VALUE_CHUNKS > 7u) { let dvRows = transpose(valueGradient[7]); dv[vRow0 + 7u] = dvRows[0]; dv[vRow1 + 7u] = dvRows[1]; dv[vRow2 + 7u] = dvRows[2]; dv[vRow3 + 7u] = dvRows[3]; }
  if (VALUE_CHUNKS > 8u) { let dvRows = transpose(valueGradient[8]); dv[vRow0 + 8u] = dvRows[0]; dv[vRow1 + 8u] = dvRows[1]; dv[vRow2 + 8u] = dvRows[2]; dv[vRow3 + 8u] = dvRows[3]; }
  if (VALUE_CHUNKS > 9u) { let dvRows = transpose(valueGradient[9]); dv[vRow0 + 9u] = dvRows[0]; dv[vRow1 + 9u] = dvRows[1]; dv[vRow2 + 9u] = dvRows[2]; dv[vRow3 + 9u] = dvRows[3]; }
  if (VALUE_CHUNKS > 10u) { let dvRows = transpose(valueGradient[10]); dv[vRow0 + 10u] = dvRows[0]; dv[vRow1 + 10u] = dvRows[1]; dv[vRow2 + 10u] = dvRows[2]; dv[vRow3 + 10u] = dvRows[3]; }
  if (VALUE_CHUNKS > 11u) { let dvRows = transpose(valueGradient[11]); dv[vRow0 + 11u] = dvRows[0]; dv[vRow1 + 11u] = dvRows[1]; dv[vRow2 + 11u] = dvRows[2]; dv[vRow3 + 11u] = dvRows[3]; }
  if (VALUE_CHUNKS > 12u) { let dvRows = transpose(valueGradient[12]); dv[vRow0 + 12u] = dvRows[0]; dv[vRow1 + 12u] = dvRows[1]; dv[vRow2 + 12u] = dvRows[2]; dv[vRow3 + 12u] = dvRows[3]; }
  if (VALUE_CHUNKS > 13u) { let dvRows = transpose(valueGradient[13]); dv[vRow0 + 13u] = dvRows[0]; dv[vRow1 + 13u] = dvRows[1]; dv[vRow2 + 13u] = dvRows[2]; dv[vRow3 + 13u] = dvRows[3]; }
  if (VALUE_CHUNKS > 14u) { let dvRows = transpose(valueGradient[14]); dv[vRow0 + 14u] = dvRows[0]; dv[vRow1 + 14u] = dvRows[1]; dv[vRow2 + 14u] = dvRows[2]; dv[vRow3 + 14u] = dvRows[3]; }
  if (VALUE_CHUNKS > 15u) { let dvRows = transpose(valueGradient[15]); dv[vRow0 + 15u] = dvRows[0]; dv[vRow1 + 15u] = dvRows[1]; dv[vRow2 + 15u] = dvRows[2]; dv[vRow3 + 15u] = dvRows[3]; }
}
