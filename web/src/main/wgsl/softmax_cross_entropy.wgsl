// loss[row] = −Σ_j targets[row, j] · logSoftmax(logits)[row, j] over rows of length width, fused: the row
// maximum is subtracted before exponentiating and log softmax is x − max − log(Σ exp(x − max)), as softmax.wgsl
// computes it, so neither the probabilities nor their logarithm are ever stored.
// Threading: one thread per row (no workgroup memory; see softmax.wgsl). Parameters: [0] rows, [1] width.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> targets: array<f32>;
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;

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
  let logSum = log(sum);
  var total = 0.0;
  for (var c = 0u; c < width; c = c + 1u) {
    total = total + targets[base + c] * (logits[base + c] - rowMax - logSum);
  }
  loss[row] = -total;
}
