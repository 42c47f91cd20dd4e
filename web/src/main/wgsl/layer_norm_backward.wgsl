// d x of layer normalisation for x and dy viewed as [rows, channels]: per row, with N = channels, invStd =
// 1 / sqrt(variance + epsilon), xHat = (x - mean) * invStd and g = dy * gamma[c],
// dx = invStd / N * (N * g - sum g - xHat * sum g * xHat), the sums over the row (a first loop). d gamma and
// d beta sum over rows instead: norm_gradient_sums.wgsl.
// Threading: one thread per row. Parameters: [0] rows, [1] channels, [2] epsilon as f32 bits.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read> rowMean: array<f32>;
@group(0) @binding(4) var<storage, read> rowVariance: array<f32>;
@group(0) @binding(5) var<storage, read> gamma: array<f32>;
@group(0) @binding(6) var<storage, read_write> dx: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let row = gid.x + gid.y * groups.x * 256u;
  let channels = p[0].y;
  if (row >= p[0].x) {
    return;
  }
  let base = row * channels;
  let mean = rowMean[row];
  let invStd = 1.0 / sqrt(rowVariance[row] + bitcast<f32>(p[0].z));
  var sumG = 0.0;
  var sumGXHat = 0.0;
  for (var c = 0u; c < channels; c = c + 1u) {
    let g = dy[base + c] * gamma[c];
    sumG = sumG + g;
    sumGXHat = sumGXHat + g * (x[base + c] - mean) * invStd;
  }
  let n = f32(channels);
  for (var c = 0u; c < channels; c = c + 1u) {
    let xHat = (x[base + c] - mean) * invStd;
    dx[base + c] = invStd / n * (n * dy[base + c] * gamma[c] - sumG - xHat * sumGXHat);
  }
}
