// Fused attention forward, per head h and query row i: output[i] = Σ_j softmax_j(q[i] · k[j]) · v[j] and
// logSumExp[i] = log Σ_j exp(q[i] · k[j]), without the [tq, tk] score matrix: an online softmax keeps the row's
// running maximum m, Σ exp(s − m) and the weighted sum of v, rescaling both by exp(m_old − m_new) at every key
// (1 unless the maximum grew), so exp never overflows. Rescaling only when the maximum grows was slower under
// SwiftShader, which runs a branch for its SIMD lanes together. The backward kernels (attention_backward_*.wgsl)
// recompute the probabilities from logSumExp.
// q is [heads, tq, KEY_DIM], k [heads, tk, KEY_DIM], v [heads, tk, VALUE_DIM], row-major, read as vec4s;
// KEY_DIM and VALUE_DIM are pipeline constants (multiples of 4, at most 64: AttentionOps sets them per shape).
// Registers: SwiftShader keeps a private array in registers only when every index is a literal; indexing it
// with a loop counter made every access a per-lane gather (3.5x slower), so the loops over a row's vec4s are
// written out, 16 of them, those past the row's width under constant conditions that compile away.
// Threading: one thread per query row, 64 a workgroup, no workgroup memory. Parameters: [0] query rows
// (heads · tq), [1] tq, [2] tk.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> q: array<vec4f>;
@group(0) @binding(2) var<storage, read> k: array<vec4f>;
@group(0) @binding(3) var<storage, read> v: array<vec4f>;
@group(0) @binding(4) var<storage, read_write> output: array<vec4f>;
@group(0) @binding(5) var<storage, read_write> logSumExp: array<f32>;

const KEY_DIM: u32 = 64u;
const VALUE_DIM: u32 = 64u;
// A row's vec4s.
const KEY_CHUNKS: u32 = KEY_DIM / 4u;
const VALUE_CHUNKS: u32 = VALUE_DIM / 4u;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let row = gid.x + gid.y * groups.x * 64u;
  if (row >= p[0].x) {
    return;
  }
  let tk = p[0].z;
  let first = row / p[0].y * tk;
  let qRow = row * KEY_CHUNKS;
  var query: array<vec4f, 16>;
  query[0] = q[qRow + 0u];
  if (KEY_CHUNKS > 1u) { query[1] = q[qRow + 1u]; }
  if (KEY_CHUNKS > 2u) { query[2] = q[qRow + 2u]; }
  if (KEY_CHUNKS > 3u) { query[3] = q[qRow + 3u]; }
  if (KEY_CHUNKS > 4u) { query[4] = q[qRow + 4u]; }
  if (KEY_CHUNKS > 5u) { query[5] = q[qRow + 5u]; }
  if (KEY_CHUNKS > 6u) { query[6] = q[qRow + 6u]; }
  if (KEY_CHUNKS > 7u) { query[7] = q[qRow + 7u]; }
  if (KEY_CHUNKS > 8u) { query[8] = q[qRow + 8u]; }
  if (KEY_CHUNKS > 9u) { query[9] = q[qRow + 9u]; }
  if (KEY_CHUNKS > 10u) { query[10] = q[qRow + 10u]; }
  if (KEY_CHUNKS > 11u) { query[11] = q[qRow + 11u]; }
  if (KEY_CHUNKS > 12u) { query[12] = q[qRow + 12u]; }
  if (KEY_CHUNKS > 13u) { query[13] = q[qRow + 13u]; }
  if (KEY_CHUNKS > 14u) { query[14] = q[qRow + 14u]; }
  if (KEY_CHUNKS > 15u) { query[15] = q[qRow + 15u]; }
  var weighted: array<vec4f, 16>;
  var rowMax = -3.4028234e38f;
  var sum = 0.0;
  for (var j = 0u; j < tk; j = j + 1u) {
    let kRow = (first + j) * KEY_CHUNKS;
    var score = 0.0;
    score = score + dot(query[0], k[kRow + 0u]);
    if (KEY_CHUNKS > 1u) { score = score + dot(query[1], k[kRow + 1u]); }
    if (KEY_CHUNKS > 2u) { score = score + dot(query[2], k[kRow + 2u]); }
    if (KEY_CHUNKS > 3u) { score = score + dot(query[3], k[kRow + 3u]); }
    if (KEY_CHUNKS > 4u) { score = score + dot(query[4], k[kRow + 4u]); }
    if (KEY_CHUNKS > 5u) { score = score + dot(query[5], k[kRow + 5u]); }
    if (KEY_CHUNKS > 6u) { score = score + dot(query[6], k[kRow + 6u]); }
    if (KEY_CHUNKS > 7u) { score = score + dot(query[7], k[kRow + 7u]); }
    if (KEY_CHUNKS > 8u) { score = score + dot(query[8], k[kRow + 8u]); }
    if (KEY_CHUNKS > 9u) { score = score + dot(query[9], k[kRow + 9u]); }
    if (KEY_CHUNKS > 10u) { score = score + dot(query[10], k[kRow + 10u]); }
    if (KEY_CHUNKS > 11u) { score = score + dot(query[11], k[kRow + 11u]); }
    if (KEY_CHUNKS > 12u) { score = score + dot(query[12], k[kRow + 12u]); }
    if (KEY_CHUNKS > 13u) { score = score + dot(query[13], k[kRow + 13u]); }
    if (KEY_CHUNKS > 14u) { score = score + dot(query[14], k[kRow + 14u]); }
    if (KEY_CHUNKS > 15u) { score = score + dot(query[15], k[kRow + 15u]); }
    let newMax = max(rowMax, score);
    let rescale = exp(rowMax - newMax);
    let weight = exp(score - newMax);
    rowMax = newMax;
    sum = sum * rescale + weight;
    let vRow = (first + j) * VALUE_CHUNKS;
    weighted[0] = weighted[0] * rescale + weight * v[vRow + 0u];
    if (VALUE_CHUNKS > 1u) { weighted[1] = weighted[1] * rescale + weight * v[vRow + 1u]; }
    if (VALUE_CHUNKS > 2u) { weighted[2] = weighted[2] * rescale + weight * v[vRow + 2u]; }
    if (VALUE_CHUNKS > 3u) { weighted[3] = weighted[3] * rescale + weight * v[vRow + 3u]; }
    if (VALUE_CHUNKS > 4u) { weighted[4] = weighted[4] * rescale + weight * v[vRow + 4u]; }
    if (VALUE_CHUNKS > 5u) { weighted[5] = weighted[5] * rescale + weight * v[vRow + 5u]; }
    if (VALUE_CHUNKS > 6u) { weighted[6] = weighted[6] * rescale + weight * v[vRow + 6u]; }
    if (VALUE_CHUNKS > 7u) { weighted[7] = weighted[7] * rescale + weight * v[vRow + 7u]; }
    if (VALUE_CHUNKS > 8u) { weighted[8] = weighted[8] * rescale + weight * v[vRow + 8u]; }
    if (VALUE_CHUNKS > 9u) { weighted[9] = weighted[9] * rescale + weight * v[vRow + 9u]; }
    if (VALUE_CHUNKS > 10u) { weighted[10] = weighted[10] * rescale + weight * v[vRow + 10u]; }
    if (VALUE_CHUNKS > 11u) { weighted[11] = weighted[11] * rescale + weight * v[vRow + 11u]; }
    if (VALUE_CHUNKS > 12u) { weighted[12] = weighted[12] * rescale + weight * v[vRow + 12u]; }
    if (VALUE_CHUNKS > 13u) { weighted[13] = weighted[13] * rescale + weight * v[vRow + 13u]; }
    if (VALUE_CHUNKS > 14u) { weighted[14] = weighted[14] * rescale + weight * v[vRow + 14u]; }
    if (VALUE_CHUNKS > 15u) { weighted[15] = weighted[15] * rescale + weight * v[vRow + 15u]; }
  }
  let oRow = row * VALUE_CHUNKS;
  let inverse = 1.0 / sum;
  output[oRow + 0u] = weighted[0] * inverse;
  if (VALUE_CHUNKS > 1u) { output[oRow + 1u] = weighted[1] * inverse; }
  if (VALUE_CHUNKS > 2u) { output[oRow + 2u] = weighted[2] * inverse; }
  if (VALUE_CHUNKS > 3u) { output[oRow + 3u] = weighted[3] * inverse; }
  if (VALUE_CHUNKS > 4u) { output[oRow + 4u] = weighted[4] * inverse; }
  if (VALUE_CHUNKS > 5u) { output[oRow + 5u] = weighted[5] * inverse; }
  if (VALUE_CHUNKS > 6u) { output[oRow + 6u] = weighted[6] * inverse; }
  if (VALUE_CHUNKS > 7u) { output[oRow + 7u] = weighted[7] * inverse; }
  if (VALUE_CHUNKS > 8u) { output[oRow + 8u] = weighted[8] * inverse; }
  if (VALUE_CHUNKS > 9u) { output[oRow + 9u] = weighted[9] * inverse; }
  if (VALUE_CHUNKS > 10u) { output[oRow + 10u] = weighted[10] * inverse; }
  if (VALUE_CHUNKS > 11u) { output[oRow + 11u] = weighted[11] * inverse; }
  if (VALUE_CHUNKS > 12u) { output[oRow + 12u] = weighted[12] * inverse; }
  if (VALUE_CHUNKS > 13u) { output[oRow + 13u] = weighted[13] * inverse; }
  if (VALUE_CHUNKS > 14u) { output[oRow + 14u] = weighted[14] * inverse; }
  if (VALUE_CHUNKS > 15u) { output[oRow + 15u] = weighted[15] * inverse; }
  logSumExp[row] = rowMax + log(sum);
}
