// Layer normalisation of x viewed as [rows, channels]: per row, mean = the mean of its values, variance = the
// mean of (x - mean)^2 (a second loop, never E[x^2] - E[x]^2), and result = (x - mean) / sqrt(variance +
// epsilon) * gamma[c] + beta[c] (a third loop), the same operations in the same order as the CPU backend.
// Threading: one thread per row; rows are short (a layer's features) and a thread keeps its row in cache.
// Parameters: [0] rows, [1] channels, [2] epsilon as f32 bits.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> gamma: array<f32>;
@group(0) @binding(3) var<storage, read> beta: array<f32>;
@group(0) @binding(4) var<storage, read_write> result: array<f32>;
@group(0) @binding(5) var<storage, read_write> rowMean: array<f32>;
@group(0) @binding(6) var<storage, read_write> rowVariance: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let row = gid.x + gid.y * groups.x * 256u;
  let channels = p[0].y;
  if (row >= p[0].x) {
    return;
  }
  let base = row * channels;
  var sum = 0.0;
  for (var c = 0u; c < channels; c = c + 1u) {
    sum = sum + x[base + c];
  }
  let mean = sum / f32(channels);
  var squares = 0.0;
  for (var c = 0u; c < channels; c = c + 1u) {
    let d = x[base + c] - mean;
    squares = squares + d * d;
  }
  let variance = squares / f32(channels);
  let deviation = sqrt(variance + bitcast<f32>(p[0].z));
  for (var c = 0u; c < channels; c = c + 1u) {
    result[base + c] = (x[base + c] - mean) / deviation * gamma[c] + beta[c];
  }
  rowMean[row] = mean;
  rowVariance[row] = variance;
}
