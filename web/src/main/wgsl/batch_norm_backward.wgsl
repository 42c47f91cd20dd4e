// d x of batch normalisation for x and dy viewed as [rows, channels]: with N = rows, invStd = 1 / sqrt(variance
// + epsilon) and xHat = (x - mean) * invStd per channel, dx = gamma * invStd / N * (N * dy - dBeta - xHat *
// dGamma), where dGamma = sum dy * xHat and dBeta = sum dy per channel (norm_gradient_sums.wgsl) are the
// two sums the formula needs.
// Threading: one thread per value. Parameters: [0] count, [1] channels, [2] rows, [3] epsilon as f32 bits.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read> mean: array<f32>;
@group(0) @binding(4) var<storage, read> variance: array<f32>;
@group(0) @binding(5) var<storage, read> gamma: array<f32>;
@group(0) @binding(6) var<storage, read> dGamma: array<f32>;
@group(0) @binding(7) var<storage, read> dBeta: array<f32>;
@group(0) @binding(8) var<storage, read_write> dx: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= p[0].x) {
    return;
  }
  let c = i % p[0].y;
  let n = f32(p[0].z);
  let invStd = 1.0 / sqrt(variance[c] + bitcast<f32>(p[0].w));
  let xHat = (x[i] - mean[c]) * invStd;
  dx[i] = gamma[c] * invStd / n * (n * dy[i] - dBeta[c] - xHat * dGamma[c]);
}
