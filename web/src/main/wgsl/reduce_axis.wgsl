// Sums x viewed as [outer, summed, inner] over its middle axis, in chunks: partial[o, chunk, i] is the sum of
// x[o, s, i] for s in [chunk * chunkLength, (chunk + 1) * chunkLength). With one chunk that is the result;
// otherwise the partials are summed again the same way (a two-level tree, see Reductions.java).
// Threading: a 256-thread workgroup is `columns` lanes along inner (a power of two, consecutive lanes read
// consecutive values) times 256 / columns lanes along summed; each thread adds every (256 / columns)-th value
// of its chunk, then the lanes along summed combine by a tree in workgroup memory.
// Dispatch: (ceil(inner / columns), chunks, outer). Parameters: [0] outer, [1] summed, [2] inner,
// [3] columns, [4] chunk length, [5] chunks.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> partial: array<f32>;

var<workgroup> sums: array<f32, 256>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_index) t: u32) {
  let summed = param(1u);
  let inner = param(2u);
  let columns = param(3u);
  let chunkLength = param(4u);
  let lanes = 256u / columns;
  let column = group.x * columns + t % columns;
  let lane = t / columns;
  let first = group.y * chunkLength;
  let end = min(first + chunkLength, summed);
  var sum = 0.0;
  if (column < inner) {
    let base = group.z * summed * inner + column;
    for (var s = first + lane; s < end; s = s + lanes) {
      sum = sum + x[base + s * inner];
    }
  }
  sums[t] = sum;
  workgroupBarrier();
  for (var stride = lanes / 2u; stride > 0u; stride = stride / 2u) {
    if (lane < stride) {
      sums[t] = sums[t] + sums[t + stride * columns];
    }
    workgroupBarrier();
  }
  if (lane == 0u && column < inner) {
    partial[(group.z * param(5u) + group.y) * inner + column] = sums[t];
  }
}
