// Repeats x along its size-1 (or missing leading) dimensions up to the output shape (rank <= 6).
// Parameters: [0] rank, [1] count, [4..9] output dims, [10..15] input strides (0 where repeated).
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(1u)) {
    return;
  }
  let rank = param(0u);
  var rest = i;
  var offset = 0u;
  for (var d = 0u; d < rank; d = d + 1u) {
    let axis = rank - 1u - d;
    let dim = param(4u + axis);
    offset = offset + (rest % dim) * param(10u + axis);
    rest = rest / dim;
  }
  result[i] = x[offset];
}
