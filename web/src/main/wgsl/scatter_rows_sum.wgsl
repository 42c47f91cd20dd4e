// The second half of scatterAddRows: result[r, j] = sum of updates[i, j] over the positions i whose index is
// r, added in increasing i (the order scatter_rows_order sorted them into). One thread per result value.
// Parameters: [0] count (rows x width), [1] width, [2] rows.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> updates: array<f32>;
@group(0) @binding(2) var<storage, read> scratch: array<u32>;
@group(0) @binding(3) var<storage, read_write> result: array<f32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(0u)) {
    return;
  }
  let width = param(1u);
  let row = i / width;
  let column = i % width;
  let order = 2u * param(2u) + 1u;
  var sum = 0.0;
  for (var s = scratch[row]; s < scratch[row + 1u]; s = s + 1u) {
    sum = sum + updates[scratch[order + s] * width + column];
  }
  result[i] = sum;
}
