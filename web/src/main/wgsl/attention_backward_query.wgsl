// Fused attention backward, query side, per head h and query row i (see attention.wgsl for the forward): with
// p_j = exp(q[i] · k[j] − logSumExp[i]) recomputed, the row delta D = Σ_c dOutput[i, c] · output[i, c],
// dq[i] = Σ_j p_j · (dOutput[i] · v[j] − D) · k[j]. Writes dq and statistics[i] = (logSumExp[i], D), which
// attention_backward_key.wgsl reads for every query row.
// Shapes as attention.wgsl; output and dOutput [heads, tq, VALUE_DIM]. KEY_DIM, VALUE_DIM: pipeline constants.
// Threading: one thread per query row, 64 a workgroup, no workgroup memory. Parameters: [0] query rows
// (heads · tq), [1] tq, [2] tk.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read> output: array<f32>;
@group(0) @binding(5) var<storage, read> logSumExp: array<f32>;
@group(0) @binding(6) var<storage, read> dOutput: array<f32>;
@group(0) @binding(7) var<storage, read_write> dq: array<f32>;
@group(0) @binding(8) var<storage, read_write> statistics: array<vec2f>;

const KEY_DIM: u32 = 64u;
const VALUE_DIM: u32 = 64u;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let row = gid.x + gid.y * groups.x * 64u;
  if (row >= p[0].x) {
    return;
  }
  let tk = p[0].z;
  let head = row / p[0].y;
  var query: array<f32, KEY_DIM>;
  for (var c = 0u; c < KEY_DIM; c = c + 1u) {
    query[c] = q[row * KEY_DIM + c];
  }
  var upstream: array<f32, VALUE_DIM>;
  var delta = 0.0;
  for (var c = 0u; c < VALUE_DIM; c = c + 1u) {
    upstream[c] = dOutput[row * VALUE_DIM + c];
    delta = delta + upstream[c] * output[row * VALUE_DIM + c];
  }
  let rowLogSumExp = logSumExp[row];
  var gradient: array<f32, KEY_DIM>;
  for (var j = 0u; j < tk; j = j + 1u) {
    let key = (head * tk + j) * KEY_DIM;
    let value = (head * tk + j) * VALUE_DIM;
    var score = 0.0;
    for (var c = 0u; c < KEY_DIM; c = c + 1u) {
      score = score + query[c] * k[key + c];
    }
    var dProbability = 0.0;
    for (var c = 0u; c < VALUE_DIM; c = c + 1u) {
      dProbability = dProbability + upstream[c] * v[value + c];
    }
    let dScore = exp(score - rowLogSumExp) * (dProbability - delta);
    for (var c = 0u; c < KEY_DIM; c = c + 1u) {
      gradient[c] = gradient[c] + dScore * k[key + c];
    }
  }
  for (var c = 0u; c < KEY_DIM; c = c + 1u) {
    dq[row * KEY_DIM + c] = gradient[c];
  }
  statistics[row] = vec2f(rowLogSumExp, delta);
}
