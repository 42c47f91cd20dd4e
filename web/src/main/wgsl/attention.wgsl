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
// chunks are written out by #unroll (web/build/wgsl-source.mjs): copies past the row's width compile away.
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
  let rows = threadRows(thread, tq);
  let firstKey = rows.x / tq * tk;
  let qRows = rows * KEY_CHUNKS;
  var query: array<mat4x4f, 16>;
  #unroll 16 KEY_CHUNKS query[$] = qChunk(qRows + $u);
  // The four rows' running Σ exp(s − m) · v[j], maximum m and Σ exp(s − m).
  var weighted: array<mat4x4f, 16>;
  var rowMax = vec4f(-3.4028234e38f);
  var sum = vec4f(0.0);
  for (var j = 0u; j < tk; j = j + 1u) {
    let kRow = (firstKey + j) * KEY_CHUNKS;
    var score = vec4f(0.0);
    #unroll 16 KEY_CHUNKS score = score + query[$] * k[kRow + $u];
    let newMax = max(rowMax, score);
    let rescale = exp(rowMax - newMax);
    let weight = exp(score - newMax);
    rowMax = newMax;
    sum = sum * rescale + weight;
    let vRow = (firstKey + j) * VALUE_CHUNKS;
    #unroll 16 VALUE_CHUNKS weighted[$] = scaleRows(weighted[$], rescale) + outer(weight, v[vRow + $u]);
  }
  let inverse = 1.0 / sum;
  let oRows = rows * VALUE_CHUNKS;
  #unroll 16 VALUE_CHUNKS outputStore(oRows + $u, scaleRows(weighted[$], inverse));
  let rowLogSumExp = rowMax + log(sum);
  logSumExp[rows.x] = rowLogSumExp.x;
  logSumExp[rows.y] = rowLogSumExp.y;
  logSumExp[rows.z] = rowLogSumExp.z;
  logSumExp[rows.w] = rowLogSumExp.w;
}
