// Fused attention backward, key side, per head h and key row j (see attention.wgsl for the forward): with
// p_i = exp(q[i] · k[j] − logSumExp[i]) recomputed for every query row i,
// dv[j] = Σ_i p_i · dOutput[i] and dk[j] = Σ_i p_i · (dOutput[i] · v[j] − D[i]) · q[i], reading
// statistics[i] = (logSumExp[i], D[i]) from attention_backward_query.wgsl.
// Shapes as attention.wgsl; dOutput [heads, tq, VALUE_DIM]. KEY_DIM, VALUE_DIM: pipeline constants.
// Threading: one thread per key row, 64 a workgroup, no workgroup memory. Parameters: [0] key rows
// (heads · tk), [1] tq, [2] tk.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read> dOutput: array<f32>;
@group(0) @binding(5) var<storage, read> statistics: array<vec2f>;
@group(0) @binding(6) var<storage, read_write> dk: array<f32>;
@group(0) @binding(7) var<storage, read_write> dv: array<f32>;

const KEY_DIM: u32 = 64u;
const VALUE_DIM: u32 = 64u;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let row = gid.x + gid.y * groups.x * 64u;
  if (row >= p[0].x) {
    return;
  }
  let tq = p[0].y;
  let head = row / p[0].z;
  var key: array<f32, KEY_DIM>;
  for (var c = 0u; c < KEY_DIM; c = c + 1u) {
    key[c] = k[row * KEY_DIM + c];
  }
  var value: array<f32, VALUE_DIM>;
  for (var c = 0u; c < VALUE_DIM; c = c + 1u) {
    value[c] = v[row * VALUE_DIM + c];
  }
  var keyGradient: array<f32, KEY_DIM>;
  var valueGradient: array<f32, VALUE_DIM>;
  for (var i = 0u; i < tq; i = i + 1u) {
    let queryRow = head * tq + i;
    let query = queryRow * KEY_DIM;
    let upstream = queryRow * VALUE_DIM;
    var score = 0.0;
    for (var c = 0u; c < KEY_DIM; c = c + 1u) {
      score = score + q[query + c] * key[c];
    }
    let rowStatistics = statistics[queryRow];
    let probability = exp(score - rowStatistics.x);
    var dProbability = 0.0;
    for (var c = 0u; c < VALUE_DIM; c = c + 1u) {
      let d = dOutput[upstream + c];
      dProbability = dProbability + d * value[c];
      valueGradient[c] = valueGradient[c] + probability * d;
    }
    let dScore = probability * (dProbability - rowStatistics.y);
    for (var c = 0u; c < KEY_DIM; c = c + 1u) {
      keyGradient[c] = keyGradient[c] + dScore * q[query + c];
    }
  }
  for (var c = 0u; c < KEY_DIM; c = c + 1u) {
    dk[row * KEY_DIM + c] = keyGradient[c];
  }
  for (var c = 0u; c < VALUE_DIM; c = c + 1u) {
    dv[row * VALUE_DIM + c] = valueGradient[c];
  }
}
