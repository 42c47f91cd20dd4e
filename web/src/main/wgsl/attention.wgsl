// Fused attention forward, per head h and query row i: output[i] = Σ_j softmax_j(q[i] · k[j]) · v[j] and
// logSumExp[i] = log Σ_j exp(q[i] · k[j]), without the [tq, tk] score matrix: an online softmax keeps the row's
// running maximum m, Σ exp(s − m) and the weighted sum of v, rescaling both by exp(m_old − m_new) when a
// larger score arrives (a handful of times a row), so exp never overflows. Backward (attention_backward_*.wgsl)
// recomputes the probabilities from logSumExp.
// q is [heads, tq, KEY_DIM], k [heads, tk, KEY_DIM], v [heads, tk, VALUE_DIM], all row-major; KEY_DIM and
// VALUE_DIM are pipeline constants (AttentionOps sets them per shape), so the query and the accumulator live in
// registers and the loops over them have fixed lengths.
// Threading: one thread per query row, 64 a workgroup, no workgroup memory. Parameters: [0] query rows
// (heads · tq), [1] tq, [2] tk.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read_write> output: array<f32>;
@group(0) @binding(5) var<storage, read_write> logSumExp: array<f32>;

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
  var weighted: array<f32, VALUE_DIM>;
  var rowMax = -3.4028234e38f;
  var sum = 0.0;
  for (var j = 0u; j < tk; j = j + 1u) {
    let key = (head * tk + j) * KEY_DIM;
    var score = 0.0;
    for (var c = 0u; c < KEY_DIM; c = c + 1u) {
      score = score + query[c] * k[key + c];
    }
    if (score > rowMax) {
      let rescale = exp(rowMax - score);
      sum = sum * rescale;
      for (var c = 0u; c < VALUE_DIM; c = c + 1u) {
        weighted[c] = weighted[c] * rescale;
      }
      rowMax = score;
    }
    let weight = exp(score - rowMax);
    sum = sum + weight;
    let value = (head * tk + j) * VALUE_DIM;
    for (var c = 0u; c < VALUE_DIM; c = c + 1u) {
      weighted[c] = weighted[c] + weight * v[value + c];
    }
  }
  for (var c = 0u; c < VALUE_DIM; c = c + 1u) {
    output[row * VALUE_DIM + c] = weighted[c] / sum;
  }
  logSumExp[row] = rowMax + log(sum);
}
