// d logits of softmax_cross_entropy.wgsl: (Σ_j targets[row, j] · softmax(logits)[row] − targets[row]) ·
// dLoss[row] over rows of length width (for one-hot targets, softmax − one-hot, scaled).
// Threading: one thread per row, as the forward kernel. Parameters: [0] rows, [1] width.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> targets: array<f32>;
@group(0) @binding(3) var<storage, read> dLoss: array<f32>;
@group(0) @binding(4) var<storage, read_write> result: array<f32>;

#include "softmax_row.wgsl"

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let row = gid.x + gid.y * groups.x * 256u;
  if (row >= p[0].x) {
    return;
  }
  let width = p[0].y;
  let base = row * width;
  let statistics = rowStatistics(base, width);
  let rowMax = statistics.x;
  let sum = statistics.y;
  var targetSum = 0.0;
  for (var c = 0u; c < width; c = c + 1u) {
    targetSum = targetSum + targets[base + c];
  }
  let scale = dLoss[row];
  for (var c = 0u; c < width; c = c + 1u) {
    let probability = exp(logits[base + c] - rowMax) / sum;
    result[base + c] = (targetSum * probability - targets[base + c]) * scale;
  }
}
