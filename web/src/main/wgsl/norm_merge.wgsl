// Combines per-chunk results of norm_statistics.wgsl or norm_gradient_sums.wgsl, each [chunks, channels],
// into [channels]. STATISTICS: chunk means m_k and variances v_k of n_k rows each (every chunk has chunk length
// rows but the last) give mean = sum n_k m_k / N and variance = sum n_k (v_k + (m_k - mean)^2) / N, exact in
// exact arithmetic and without E[x^2] - E[x]^2's cancellation. Otherwise the partial sums are added.
// Threading: one thread per channel, looping over the chunks (about sqrt(rows) of them).
// Parameters: [0] channels, [1] chunks, [2] rows, [3] chunk length.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> firstPartial: array<f32>;
@group(0) @binding(2) var<storage, read> secondPartial: array<f32>;
@group(0) @binding(3) var<storage, read_write> first: array<f32>;
@group(0) @binding(4) var<storage, read_write> second: array<f32>;

const STATISTICS: bool = true;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let channel = gid.x + gid.y * groups.x * 256u;
  let channels = p[0].x;
  let chunks = p[0].y;
  let rows = p[0].z;
  let chunkLength = p[0].w;
  if (channel >= channels) {
    return;
  }
  var a = 0.0;
  var b = 0.0;
  if (STATISTICS) {
    for (var k = 0u; k < chunks; k = k + 1u) {
      a = a + f32(min(chunkLength, rows - k * chunkLength)) * firstPartial[k * channels + channel];
    }
    let mean = a / f32(rows);
    for (var k = 0u; k < chunks; k = k + 1u) {
      let d = firstPartial[k * channels + channel] - mean;
      b = b + f32(min(chunkLength, rows - k * chunkLength)) * (secondPartial[k * channels + channel] + d * d);
    }
    first[channel] = mean;
    second[channel] = b / f32(rows);
  } else {
    for (var k = 0u; k < chunks; k = k + 1u) {
      a = a + firstPartial[k * channels + channel];
      b = b + secondPartial[k * channels + channel];
    }
    first[channel] = a;
    second[channel] = b;
  }
}
