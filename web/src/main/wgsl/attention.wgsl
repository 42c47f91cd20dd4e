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
@group(0) @binding(4) var<storage, read_write> output: array<vec4f>;
@group(0) @binding(5) var<storage, read_write> logSumExp: array<f32>;

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
  let oRow0 = row0 * VALUE_CHUNKS;
  let oRow1 = row1 * VALUE_CHUNKS;
  let oRow2 = row2 * VALUE_CHUNKS;
  let oRow3 = row3 * VALUE_CHUNKS;
  let outputRows = transpose(scaleRows(weighted[0], inverse)); output[oRow0 + 0u] = outputRows[0]; output[oRow1 + 0u] = outputRows[1]; output[oRow2 + 0u] = outputRows[2]; output[oRow3 + 0u] = outputRows[3];
  if (VALUE_CHUNKS > 1u) { let outputRows = transpose(scaleRows(weighted[1], inverse)); output[oRow0 + 1u] = outputRows[0]; output[oRow1 + 1u] = outputRows[1]; output[oRow2 + 1u] = outputRows[2]; output[oRow3 + 1u] = outputRows[3]; }
  if (VALUE_CHUNKS > 2u) { let outputRows = transpose(scaleRows(weighted[2], inverse)); output[oRow0 + 2u] = outputRows[0]; output[oRow1 + 2u] = outputRows[1]; output[oRow2 + 2u] = outputRows[2]; output[oRow3 + 2u] = outputRows[3]; }
  if (VALUE_CHUNKS > 3u) { let outputRows = transpose(scaleRows(weighted[3], inverse)); output[oRow0 + 3u] = outputRows[0]; output[oRow1 + 3u] = outputRows[1]; output[oRow2 + 3u] = outputRows[2]; output[oRow3 + 3u] = outputRows[3]; }
  if (VALUE_CHUNKS > 4u) { let outputRows = transpose(scaleRows(weighted[4], inverse)); output[oRow0 + 4u] = outputRows[0]; output[oRow1 + 4u] = outputRows[1]; output[oRow2 + 4u] = outputRows[2]; output[oRow3 + 4u] = outputRows[3]; }
  if (VALUE_CHUNKS > 5u) { let outputRows = transpose(scaleRows(weighted[5], inverse)); output[oRow0 + 5u] = outputRows[0]; output[oRow1 + 5u] = outputRows[1]; output[oRow2 + 5u] = outputRows[2]; output[oRow3 + 5u] = outputRows[3]; }
  if (VALUE_CHUNKS > 6u) { let outputRows = transpose(scaleRows(weighted[6], inverse)); output[oRow0 + 6u] = outputRows[0]; output[oRow1 + 6u] = outputRows[1]; output[oRow2 + 6u] = outputRows[2]; output[oRow3 + 6u] = outputRows[3]; }
  if (VALUE_CHUNKS > 7u) { let outputRows = transpose(scaleRows(weighted[7], inverse)); output[oRow0 + 7u] = outputRows[0]; output[oRow1 + 7u] = outputRows[1]; output[oRow2 + 7u] = outputRows[2]; output[oRow3 + 7u] = outputRows[3]; }
  if (VALUE_CHUNKS > 8u) { let outputRows = transpose(scaleRows(weighted[8], inverse)); output[oRow0 + 8u] = outputRows[0]; output[oRow1 + 8u] = outputRows[1]; output[oRow2 + 8u] = outputRows[2]; output[oRow3 + 8u] = outputRows[3]; }
  if (VALUE_CHUNKS > 9u) { let outputRows = transpose(scaleRows(weighted[9], inverse)); output[oRow0 + 9u] = outputRows[0]; output[oRow1 + 9u] = outputRows[1]; output[oRow2 + 9u] = outputRows[2]; output[oRow3 + 9u] = outputRows[3]; }
  if (VALUE_CHUNKS > 10u) { let outputRows = transpose(scaleRows(weighted[10], inverse)); output[oRow0 + 10u] = outputRows[0]; output[oRow1 + 10u] = outputRows[1]; output[oRow2 + 10u] = outputRows[2]; output[oRow3 + 10u] = outputRows[3]; }
  if (VALUE_CHUNKS > 11u) { let outputRows = transpose(scaleRows(weighted[11], inverse)); output[oRow0 + 11u] = outputRows[0]; output[oRow1 + 11u] = outputRows[1]; output[oRow2 + 11u] = outputRows[2]; output[oRow3 + 11u] = outputRows[3]; }
  if (VALUE_CHUNKS > 12u) { let outputRows = transpose(scaleRows(weighted[12], inverse)); output[oRow0 + 12u] = outputRows[0]; output[oRow1 + 12u] = outputRows[1]; output[oRow2 + 12u] = outputRows[2]; output[oRow3 + 12u] = outputRows[3]; }
  if (VALUE_CHUNKS > 13u) { let outputRows = transpose(scaleRows(weighted[13], inverse)); output[oRow0 + 13u] = outputRows[0]; output[oRow1 + 13u] = outputRows[1]; output[oRow2 + 13u] = outputRows[2]; output[oRow3 + 13u] = outputRows[3]; }
  if (VALUE_CHUNKS > 14u) { let outputRows = transpose(scaleRows(weighted[14], inverse)); output[oRow0 + 14u] = outputRows[0]; output[oRow1 + 14u] = outputRows[1]; output[oRow2 + 14u] = outputRows[2]; output[oRow3 + 14u] = outputRows[3]; }
  if (VALUE_CHUNKS > 15u) { let outputRows = transpose(scaleRows(weighted[15], inverse)); output[oRow0 + 15u] = outputRows[0]; output[oRow1 + 15u] = outputRows[1]; output[oRow2 + 15u] = outputRows[2]; output[oRow3 + 15u] = outputRows[3]; }
  let rowLogSumExp = rowMax + log(sum);
  logSumExp[row0] = rowLogSumExp.x;
  logSumExp[row1] = rowLogSumExp.y;
  logSumExp[row2] = rowLogSumExp.z;
  logSumExp[row3] = rowLogSumExp.w;
}
