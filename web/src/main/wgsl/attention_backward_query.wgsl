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
// chunks are written out by #unroll (web/build/wgsl-source.mjs): copies past the row's width compile away.
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
  let rows = threadRows(thread, tq);
  let firstKey = rows.x / tq * tk;
  let qRows = rows * KEY_CHUNKS;
  var query: array<mat4x4f, 16>;
  #unroll 16 KEY_CHUNKS query[$] = qChunk(qRows + $u);
  let oRows = rows * VALUE_CHUNKS;
  var upstream: array<mat4x4f, 16>;
  #unroll 16 VALUE_CHUNKS upstream[$] = dOutputChunk(oRows + $u);
  var delta = vec4f(0.0);
  #unroll 16 VALUE_CHUNKS delta = delta + rowDots(upstream[$], outputChunk(oRows + $u));
  let rowLogSumExp = vec4f(logSumExp[rows.x], logSumExp[rows.y], logSumExp[rows.z], logSumExp[rows.w]);
  var gradient: array<mat4x4f, 16>;
  for (var j = 0u; j < tk; j = j + 1u) {
    let kRow = (firstKey + j) * KEY_CHUNKS;
    let vRow = (firstKey + j) * VALUE_CHUNKS;
    var score = vec4f(0.0);
    #unroll 16 KEY_CHUNKS score = score + query[$] * k[kRow + $u];
    var dProbability = vec4f(0.0);
    #unroll 16 VALUE_CHUNKS dProbability = dProbability + upstream[$] * v[vRow + $u];
    let dScore = exp(score - rowLogSumExp) * (dProbability - delta);
    #unroll 16 KEY_CHUNKS gradient[$] = gradient[$] + outer(dScore, k[kRow + $u]);
  }
  #unroll 16 KEY_CHUNKS dqStore(qRows + $u, gradient[$]);
  statistics[rows.x] = vec2f(rowLogSumExp.x, delta.x);
  statistics[rows.y] = vec2f(rowLogSumExp.y, delta.y);
  statistics[rows.z] = vec2f(rowLogSumExp.z, delta.z);
  statistics[rows.w] = vec2f(rowLogSumExp.w, delta.w);
}
