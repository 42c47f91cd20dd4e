// Batch-normalisation statistics of x viewed as [rows, channels], in chunks of rows: for chunk k and channel
// c, chunkMean[k, c] is the mean of x[r, c] over the chunk's rows and chunkVariance[k, c] the mean of
// (x[r, c] - chunkMean[k, c])^2, a second loop over the same (cache-hot) rows, so a large mean next to a small
// spread loses no digits (E[x^2] - E[x]^2 would). With one chunk these are the statistics themselves;
// otherwise norm_merge.wgsl combines the chunks (Chan et al.'s pairwise formula).
// Threading: one thread per (chunk, channel), consecutive threads on consecutive channels, so neighbours
// read neighbouring values; chunks of about sqrt(rows) rows give as many threads per channel as rows per
// thread (see NormalizationOps.java). No workgroup memory or barriers: under SwiftShader those cost more than
// the sums (reduce_axis.wgsl).
// Parameters: [0] rows, [1] channels, [2] chunk length, [3] chunks.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> chunkMean: array<f32>;
@group(0) @binding(3) var<storage, read_write> chunkVariance: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  let rows = p[0].x;
  let channels = p[0].y;
  let chunkLength = p[0].z;
  if (i >= p[0].w * channels) {
    return;
  }
  let channel = i % channels;
  let first = (i / channels) * chunkLength;
  let end = min(first + chunkLength, rows);
  let count = f32(end - first);
  var sum = 0.0;
  for (var r = first; r < end; r = r + 1u) {
    sum = sum + x[r * channels + channel];
  }
  let mean = sum / count;
  var squares = 0.0;
  for (var r = first; r < end; r = r + 1u) {
    let d = x[r * channels + channel] - mean;
    squares = squares + d * d;
  }
  chunkMean[i] = mean;
  chunkVariance[i] = squares / count;
}
