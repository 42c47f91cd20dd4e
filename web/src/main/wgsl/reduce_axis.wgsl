// Sums x viewed as [outer, summed, inner] over its middle axis, in chunks: partial[o, chunk, i] is the sum of
// x[o, s, i] for s in [chunk * chunkLength, (chunk + 1) * chunkLength). With one chunk that is the result;
// otherwise the partials are summed again the same way (a two-level tree, see Reductions.java).
// Threading: one thread per partial sum, consecutive threads on consecutive inner positions (so neighbours
// read neighbouring values); no workgroup memory or barriers, which under SwiftShader cost more than the sums.
// Parameters: [0] outer, [1] summed, [2] inner, [3] chunk length, [4] chunks.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> partial: array<f32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  let summed = param(1u);
  let inner = param(2u);
  let chunkLength = param(3u);
  let chunks = param(4u);
  if (i >= param(0u) * chunks * inner) {
    return;
  }
  let column = i % inner;
  let chunk = (i / inner) % chunks;
  let o = i / (inner * chunks);
  let first = chunk * chunkLength;
  let end = min(first + chunkLength, summed);
  var at = (o * summed + first) * inner + column;
  var sum = 0.0;
  for (var s = first; s < end; s = s + 1u) {
    sum = sum + x[at];
    at = at + inner;
  }
  partial[i] = sum;
}
