// Fused attention forward, per head h and query row i: output[i] = Σ_j softmax_j(q[i] · k[j]) · v[j] and
// logSumExp[i] = log Σ_j exp(q[i] · k[j]), without the [tq, tk] score matrix: an online softmax keeps the row's
// running maximum m, Σ exp(s − m) and the weighted sum of v, rescaling both by exp(m_old − m_new) at every key
// (1 unless the maximum grew), so exp never overflows; rescaling only when the maximum grows was slower under
// SwiftShader, which runs a branch for its SIMD lanes together. The backward kernels (attention_backward_*.wgsl)
// recompute the probabilities from logSumExp.
// q is [heads, tq, KEY_DIM], k [heads, tk, KEY_DIM], v [heads, tk, VALUE_DIM], row-major, read as vec4s;
// KEY_DIM and VALUE_DIM are pipeline constants (multiples of 4, at most 64: AttentionOps sets them per shape).
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
@group(0) @binding(4) var<storage, read_write> output: array<vec4f>;
@group(0) @binding(5) var<storage, read_write> logSumExp: array<f32>;

const KEY_DIM: u32 = 64u;
const VALUE_DIM: u32 = 64u;
const KEY_CHUNKS: u32 = KEY_DIM / 4u;
const VALUE_CHUNKS: u32 = VALUE_DIM / 4u;

#include "attention_rows.wgsl"

// Returns chunk `at` (a vec4 index) of the four rows of q, as rows.
fn qChunk(at: vec4u) -> mat4x4f {
  return transpose(mat4x4f(q[at.x], q[at.y], q[at.z], q[at.w]));
}

// Writes the four rows of `chunk` to chunk `at` (a vec4 index) of the rows of output.
fn outputStore(at: vec4u, chunk: mat4x4f) {
  let rows = transpose(chunk);
  output[at.x] = rows[0];
  output[at.y] = rows[1];
  output[at.z] = rows[2];
  output[at.w] = rows[3];
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
  // The four rows' running Σ exp(s − m) · v[j], maximum m and Σ exp(s − m).
  var weighted: array<mat4x4f, 16>;
  var rowMax = vec4f(-3.4028234e38f);
  var sum = vec4f(0.0);
  for (var j = 0u; j < tk; j = j + 1u) {
    let kRow = (first + j) * KEY_CHUNKS;
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
    let newMax = max(rowMax, score);
    let rescale = exp(rowMax - newMax);
    let weight = exp(score - newMax);
    rowMax = newMax;
    sum = sum * rescale + weight;
    let vRow = (first + j) * VALUE_CHUNKS;
    weighted[0] = scaleRows(weighted[0], rescale) + outer(weight, v[vRow + 0u]);
    if (VALUE_CHUNKS > 1u) { weighted[1] = scaleRows(weighted[1], rescale) + outer(weight, v[vRow + 1u]); }
    if (VALUE_CHUNKS > 2u) { weighted[2] = scaleRows(weighted[2], rescale) + outer(weight, v[vRow + 2u]); }
    if (VALUE_CHUNKS > 3u) { weighted[3] = scaleRows(weighted[3], rescale) + outer(weight, v[vRow + 3u]); }
    if (VALUE_CHUNKS > 4u) { weighted[4] = scaleRows(weighted[4], rescale) + outer(weight, v[vRow + 4u]); }
    if (VALUE_CHUNKS > 5u) { weighted[5] = scaleRows(weighted[5], rescale) + outer(weight, v[vRow + 5u]); }
    if (VALUE_CHUNKS > 6u) { weighted[6] = scaleRows(weighted[6], rescale) + outer(weight, v[vRow + 6u]); }
    if (VALUE_CHUNKS > 7u) { weighted[7] = scaleRows(weighted[7], rescale) + outer(weight, v[vRow + 7u]); }
    if (VALUE_CHUNKS > 8u) { weighted[8] = scaleRows(weighted[8], rescale) + outer(weight, v[vRow + 8u]); }
    if (VALUE_CHUNKS > 9u) { weighted[9] = scaleRows(weighted[9], rescale) + outer(weight, v[vRow + 9u]); }
    if (VALUE_CHUNKS > 10u) { weighted[10] = scaleRows(weighted[10], rescale) + outer(weight, v[vRow + 10u]); }
    if (VALUE_CHUNKS > 11u) { weighted[11] = scaleRows(weighted[11], rescale) + outer(weight, v[vRow + 11u]); }
    if (VALUE_CHUNKS > 12u) { weighted[12] = scaleRows(weighted[12], rescale) + outer(weight, v[vRow + 12u]); }
    if (VALUE_CHUNKS > 13u) { weighted[13] = scaleRows(weighted[13], rescale) + outer(weight, v[vRow + 13u]); }
    if (VALUE_CHUNKS > 14u) { weighted[14] = scaleRows(weighted[14], rescale) + outer(weight, v[vRow + 14u]); }
    if (VALUE_CHUNKS > 15u) { weighted[15] = scaleRows(weighted[15], rescale) + outer(weight, v[vRow + 15u]); }
  }
  let inverse = 1.0 / sum;
  let oRows = vec4u(row0, row1, row2, row3) * VALUE_CHUNKS;
  outputStore(oRows + 0u, scaleRows(weighted[0], inverse));
  if (VALUE_CHUNKS > 1u) { outputStore(oRows + 1u, scaleRows(weighted[1], inverse)); }
  if (VALUE_CHUNKS > 2u) { outputStore(oRows + 2u, scaleRows(weighted[2], inverse)); }
  if (VALUE_CHUNKS > 3u) { outputStore(oRows + 3u, scaleRows(weighted[3], inverse)); }
  if (VALUE_CHUNKS > 4u) { outputStore(oRows + 4u, scaleRows(weighted[4], inverse)); }
  if (VALUE_CHUNKS > 5u) { outputStore(oRows + 5u, scaleRows(weighted[5], inverse)); }
  if (VALUE_CHUNKS > 6u) { outputStore(oRows + 6u, scaleRows(weighted[6], inverse)); }
  if (VALUE_CHUNKS > 7u) { outputStore(oRows + 7u, scaleRows(weighted[7], inverse)); }
  if (VALUE_CHUNKS > 8u) { outputStore(oRows + 8u, scaleRows(weighted[8], inverse)); }
  if (VALUE_CHUNKS > 9u) { outputStore(oRows + 9u, scaleRows(weighted[9], inverse)); }
  if (VALUE_CHUNKS > 10u) { outputStore(oRows + 10u, scaleRows(weighted[10], inverse)); }
  if (VALUE_CHUNKS > 11u) { outputStore(oRows + 11u, scaleRows(weighted[11], inverse)); }
  if (VALUE_CHUNKS > 12u) { outputStore(oRows + 12u, scaleRows(weighted[12], inverse)); }
  if (VALUE_CHUNKS > 13u) { outputStore(oRows + 13u, scaleRows(weighted[13], inverse)); }
  if (VALUE_CHUNKS > 14u) { outputStore(oRows + 14u, scaleRows(weighted[14], inverse)); }
  if (VALUE_CHUNKS > 15u) { outputStore(oRows + 15u, scaleRows(weighted[15], inverse)); }
  let rowLogSumExp = rowMax + log(sum);
  logSumExp[row0] = rowLogSumExp.x;
  logSumExp[row1] = rowLogSumExp.y;
  logSumExp[row2] = rowLogSumExp.z;
  logSumExp[row3] = rowLogSumExp.w;
}
