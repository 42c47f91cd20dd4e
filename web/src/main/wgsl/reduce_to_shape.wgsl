// Sums x over the dimensions where the output has size 1 (rank <= 6, output padded with leading 1s).
// One thread per output value. Parameters: [0] rank, [1] output count, [2] values summed per output,
// [4..9] input dims, [10..15] output dims, [16..21] input strides.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let o = gid.x + gid.y * groups.x * 256u;
  if (o >= param(1u)) {
    return;
  }
  let rank = param(0u);
  // The input offset of the output value's first summand: its coordinates along the kept dimensions.
  var rest = o;
  var base = 0u;
  for (var d = 0u; d < rank; d = d + 1u) {
    let axis = rank - 1u - d;
    let dim = param(10u + axis);
    base = base + (rest % dim) * param(16u + axis);
    rest = rest / dim;
  }
  var sum = 0.0;
  let summands = param(2u);
  for (var r = 0u; r < summands; r = r + 1u) {
    var left = r;
    var offset = base;
    for (var d = 0u; d < rank; d = d + 1u) {
      let axis = rank - 1u - d;
      let inDim = param(4u + axis);
      if (param(10u + axis) == 1u && inDim != 1u) {
        offset = offset + (left % inDim) * param(16u + axis);
        left = left / inDim;
      }
    }
    sum = sum + x[offset];
  }
  result[o] = sum;
}
