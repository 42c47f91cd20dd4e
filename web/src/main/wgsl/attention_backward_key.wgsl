// Fused attention backward, key side, per head h and key row j (attention.wgsl is the forward): with
// p_i = exp(q[i] · k[j] − logSumExp[i]) recomputed for every query row i, dv[j] = Σ_i p_i · dOutput[i] and
// dk[j] = Σ_i p_i · (dOutput[i] · v[j] − D[i]) · q[i], reading statistics[i] = (logSumExp[i], D[i]) from
// attention_backward_query.wgsl.
// Shapes as attention.wgsl; dOutput [heads, tq, VALUE_DIM]. KEY_DIM, VALUE_DIM: pipeline constants.
// Registers: a thread takes four rows, and a 4x4 matrix holds a 4-column chunk of them, one row per component
// (column c of the matrix is column 4i + c of the four rows), so one matrix-vector product scores a chunk of q
// against all four rows, and each load of q and dOutput serves four rows (3x faster under SwiftShader than one row a
// thread). A row of up to 64 values is 16 chunks in an array indexed by literals only: a loop counter as index
// was 3.5x slower under SwiftShader, which then addresses each lane's element on its own. So the loops over
// chunks are written out, 16 lines, those past the row's width under constant conditions that compile away.
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
const KEY_CHUNKS: u32 = KEY_DIM / 4u;
const VALUE_CHUNKS: u32 = VALUE_DIM / 4u;

#include "attention_rows.wgsl"

// Returns chunk `at` (a vec4 index) of the four rows of k, as rows.
fn kChunk(at: vec4u) -> mat4x4f {
  return transpose(mat4x4f(k[at.x], k[at.y], k[at.z], k[at.w]));
}

// Returns chunk `at` (a vec4 index) of the four rows of v, as rows.
fn vChunk(at: vec4u) -> mat4x4f {
  return transpose(mat4x4f(v[at.x], v[at.y], v[at.z], v[at.w]));
}

// Writes the four rows of `chunk` to chunk `at` (a vec4 index) of the rows of dk.
fn dkStore(at: vec4u, chunk: mat4x4f) {
  let rows = transpose(chunk);
  dk[at.x] = rows[0];
  dk[at.y] = rows[1];
  dk[at.z] = rows[2];
  dk[at.w] = rows[3];
}

// Writes the four rows of `chunk` to chunk `at` (a vec4 index) of the rows of dv.
fn dvStore(at: vec4u, chunk: mat4x4f) {
  let rows = transpose(chunk);
  dv[at.x] = rows[0];
  dv[at.y] = rows[1];
  dv[at.z] = rows[2];
  dv[at.w] = rows[3];
}

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
  let kRows = vec4u(row0, row1, row2, row3) * KEY_CHUNKS;
  var key: array<mat4x4f, 16>;
  key[0] = kChunk(kRows + 0u);
  if (KEY_CHUNKS > 1u) { key[1] = kChunk(kRows + 1u); }
  if (KEY_CHUNKS > 2u) { key[2] = kChunk(kRows + 2u); }
  if (KEY_CHUNKS > 3u) { key[3] = kChunk(kRows + 3u); }
  if (KEY_CHUNKS > 4u) { key[4] = kChunk(kRows + 4u); }
  if (KEY_CHUNKS > 5u) { key[5] = kChunk(kRows + 5u); }
  if (KEY_CHUNKS > 6u) { key[6] = kChunk(kRows + 6u); }
  if (KEY_CHUNKS > 7u) { key[7] = kChunk(kRows + 7u); }
  if (KEY_CHUNKS > 8u) { key[8] = kChunk(kRows + 8u); }
  if (KEY_CHUNKS > 9u) { key[9] = kChunk(kRows + 9u); }
  if (KEY_CHUNKS > 10u) { key[10] = kChunk(kRows + 10u); }
  if (KEY_CHUNKS > 11u) { key[11] = kChunk(kRows + 11u); }
  if (KEY_CHUNKS > 12u) { key[12] = kChunk(kRows + 12u); }
  if (KEY_CHUNKS > 13u) { key[13] = kChunk(kRows + 13u); }
  if (KEY_CHUNKS > 14u) { key[14] = kChunk(kRows + 14u); }
  if (KEY_CHUNKS > 15u) { key[15] = kChunk(kRows + 15u); }
  let vRows = vec4u(row0, row1, row2, row3) * VALUE_CHUNKS;
  var value: array<mat4x4f, 16>;
  value[0] = vChunk(vRows + 0u);
  if (VALUE_CHUNKS > 1u) { value[1] = vChunk(vRows + 1u); }
  if (VALUE_CHUNKS > 2u) { value[2] = vChunk(vRows + 2u); }
  if (VALUE_CHUNKS > 3u) { value[3] = vChunk(vRows + 3u); }
  if (VALUE_CHUNKS > 4u) { value[4] = vChunk(vRows + 4u); }
  if (VALUE_CHUNKS > 5u) { value[5] = vChunk(vRows + 5u); }
  if (VALUE_CHUNKS > 6u) { value[6] = vChunk(vRows + 6u); }
  if (VALUE_CHUNKS > 7u) { value[7] = vChunk(vRows + 7u); }
  if (VALUE_CHUNKS > 8u) { value[8] = vChunk(vRows + 8u); }
  if (VALUE_CHUNKS > 9u) { value[9] = vChunk(vRows + 9u); }
  if (VALUE_CHUNKS > 10u) { value[10] = vChunk(vRows + 10u); }
  if (VALUE_CHUNKS > 11u) { value[11] = vChunk(vRows + 11u); }
  if (VALUE_CHUNKS > 12u) { value[12] = vChunk(vRows + 12u); }
  if (VALUE_CHUNKS > 13u) { value[13] = vChunk(vRows + 13u); }
  if (VALUE_CHUNKS > 14u) { value[14] = vChunk(vRows + 14u); }
  if (VALUE_CHUNKS > 15u) { value[15] = vChunk(vRows + 15u); }
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
  dkStore(kRows + 0u, keyGradient[0]);
  if (KEY_CHUNKS > 1u) { dkStore(kRows + 1u, keyGradient[1]); }
  if (KEY_CHUNKS > 2u) { dkStore(kRows + 2u, keyGradient[2]); }
  if (KEY_CHUNKS > 3u) { dkStore(kRows + 3u, keyGradient[3]); }
  if (KEY_CHUNKS > 4u) { dkStore(kRows + 4u, keyGradient[4]); }
  if (KEY_CHUNKS > 5u) { dkStore(kRows + 5u, keyGradient[5]); }
  if (KEY_CHUNKS > 6u) { dkStore(kRows + 6u, keyGradient[6]); }
  if (KEY_CHUNKS > 7u) { dkStore(kRows + 7u, keyGradient[7]); }
  if (KEY_CHUNKS > 8u) { dkStore(kRows + 8u, keyGradient[8]); }
  if (KEY_CHUNKS > 9u) { dkStore(kRows + 9u, keyGradient[9]); }
  if (KEY_CHUNKS > 10u) { dkStore(kRows + 10u, keyGradient[10]); }
  if (KEY_CHUNKS > 11u) { dkStore(kRows + 11u, keyGradient[11]); }
  if (KEY_CHUNKS > 12u) { dkStore(kRows + 12u, keyGradient[12]); }
  if (KEY_CHUNKS > 13u) { dkStore(kRows + 13u, keyGradient[13]); }
  if (KEY_CHUNKS > 14u) { dkStore(kRows + 14u, keyGradient[14]); }
  if (KEY_CHUNKS > 15u) { dkStore(kRows + 15u, keyGradient[15]); }
  dvStore(vRows + 0u, valueGradient[0]);
  if (VALUE_CHUNKS > 1u) { dvStore(vRows + 1u, valueGradient[1]); }
  if (VALUE_CHUNKS > 2u) { dvStore(vRows + 2u, valueGradient[2]); }
  if (VALUE_CHUNKS > 3u) { dvStore(vRows + 3u, valueGradient[3]); }
  if (VALUE_CHUNKS > 4u) { dvStore(vRows + 4u, valueGradient[4]); }
  if (VALUE_CHUNKS > 5u) { dvStore(vRows + 5u, valueGradient[5]); }
  if (VALUE_CHUNKS > 6u) { dvStore(vRows + 6u, valueGradient[6]); }
  if (VALUE_CHUNKS > 7u) { dvStore(vRows + 7u, valueGradient[7]); }
  if (VALUE_CHUNKS > 8u) { dvStore(vRows + 8u, valueGradient[8]); }
  if (VALUE_CHUNKS > 9u) { dvStore(vRows + 9u, valueGradient[9]); }
  if (VALUE_CHUNKS > 10u) { dvStore(vRows + 10u, valueGradient[10]); }
  if (VALUE_CHUNKS > 11u) { dvStore(vRows + 11u, valueGradient[11]); }
  if (VALUE_CHUNKS > 12u) { dvStore(vRows + 12u, valueGradient[12]); }
  if (VALUE_CHUNKS > 13u) { dvStore(vRows + 13u, valueGradient[13]); }
  if (VALUE_CHUNKS > 14u) { dvStore(vRows + 14u, valueGradient[14]); }
  if (VALUE_CHUNKS > 15u) { dvStore(vRows + 15u, valueGradient[15]); }
}
