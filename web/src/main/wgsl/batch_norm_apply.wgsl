// result = (x - mean[c]) / sqrt(variance[c] + epsilon) * gamma[c] + beta[c] for x viewed as [rows, channels],
// c the channel (last axis) of each value: batch normalisation's forward with the batch's statistics
// (norm_statistics.wgsl) or the moving averages (inference). The same operations in the same order as the CPU
// backend's composed ops.
// Threading: one thread per value. Parameters: [0] count, [1] channels, [2] epsilon as f32 bits.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> mean: array<f32>;
@group(0) @binding(3) var<storage, read> variance: array<f32>;
@group(0) @binding(4) var<storage, read> gamma: array<f32>;
@group(0) @binding(5) var<storage, read> beta: array<f32>;
@group(0) @binding(6) var<storage, read_write> result: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= p[0].x) {
    return;
  }
  let c = i % p[0].y;
  result[i] = (x[i] - mean[c]) / sqrt(variance[c] + bitcast<f32>(p[0].z)) * gamma[c] + beta[c];
}
