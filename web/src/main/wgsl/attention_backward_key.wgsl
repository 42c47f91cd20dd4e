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
// chunks are written out by #unroll (web/build/wgsl-source.mjs): copies past the row's width compile away.
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
  let rows = threadRows(thread, tk);
  let firstQuery = rows.x / tk * tq;
  let kRows = rows * KEY_CHUNKS;
  var key: array<mat4x4f, 16>;
  #unroll 16 KEY_CHUNKS key[$] = kChunk(kRows + $u);
  let vRows = rows * VALUE_CHUNKS;
  var value: array<mat4x4f, 16>;
  #unroll 16 VALUE_CHUNKS value[$] = vChunk(vRows + $u);
  var keyGradient: array<mat4x4f, 16>;
  var valueGradient: array<mat4x4f, 16>;
  for (var i = 0u; i < tq; i = i + 1u) {
    let qRow = (firstQuery + i) * KEY_CHUNKS;
    let oRow = (firstQuery + i) * VALUE_CHUNKS;
    var score = vec4f(0.0);
    #unroll 16 KEY_CHUNKS score = score + key[$] * q[qRow + $u];
    let rowStatistics = statistics[firstQuery + i];
    let probability = exp(score - rowStatistics.x);
    var dProbability = vec4f(0.0);
    #unroll 16 VALUE_CHUNKS dProbability = dProbability + value[$] * dOutput[oRow + $u];
    #unroll 16 VALUE_CHUNKS valueGradient[$] = valueGradient[$] + outer(probability, dOutput[oRow + $u]);
    let dScore = probability * (dProbability - rowStatistics.y);
    #unroll 16 KEY_CHUNKS keyGradient[$] = keyGradient[$] + outer(dScore, q[qRow + $u]);
  }
  #unroll 16 KEY_CHUNKS dkStore(kRows + $u, keyGradient[$]);
  #unroll 16 VALUE_CHUNKS dvStore(vRows + $u, valueGradient[$]);
}
