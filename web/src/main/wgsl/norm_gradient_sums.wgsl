// The per-channel sums of a normalisation's backward pass, over x and dy viewed as [rows, channels], in chunks
// of rows: dGamma[k, c] = sum of dy * xHat and dBeta[k, c] = sum of dy over chunk k's rows, with
// xHat = (x - mean) / sqrt(variance + epsilon). They are d gamma and d beta (with one chunk; otherwise
// norm_merge.wgsl adds the chunks) and, for batch normalisation, also the two sums its dx needs
// (batch_norm_backward.wgsl). PER_ROW: the statistics are per row (layer normalisation), else per channel.
// Threading: one thread per (chunk, channel) as in norm_statistics.wgsl.
// Parameters: [0] rows, [1] channels, [2] chunk length, [3] chunks, [4] epsilon as f32 bits.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read> mean: array<f32>;
@group(0) @binding(4) var<storage, read> variance: array<f32>;
@group(0) @binding(5) var<storage, read_write> dGamma: array<f32>;
@group(0) @binding(6) var<storage, read_write> dBeta: array<f32>;

const PER_ROW: bool = false;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  let rows = p[0].x;
  let channels = p[0].y;
  let chunkLength = p[0].z;
  let epsilon = bitcast<f32>(p[1].x);
  if (i >= p[0].w * channels) {
    return;
  }
  let channel = i % channels;
  let first = (i / channels) * chunkLength;
  let end = min(first + chunkLength, rows);
  var channelMean = 0.0;
  var channelInvStd = 0.0;
  if (!PER_ROW) {
    channelMean = mean[channel];
    channelInvStd = 1.0 / sqrt(variance[channel] + epsilon);
  }
  var sumDyXHat = 0.0;
  var sumDy = 0.0;
  for (var r = first; r < end; r = r + 1u) {
    let at = r * channels + channel;
    var xHat: f32;
    if (PER_ROW) {
      xHat = (x[at] - mean[r]) / sqrt(variance[r] + epsilon);
    } else {
      xHat = (x[at] - channelMean) * channelInvStd;
    }
    sumDyXHat = sumDyXHat + dy[at] * xHat;
    sumDy = sumDy + dy[at];
  }
  dGamma[i] = sumDyXHat;
  dBeta[i] = sumDy;
}
