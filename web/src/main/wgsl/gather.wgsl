// result[i, j] = table[indices[i], j]: the rows of table [rows, width] that indices names (floats holding
// whole numbers; an index outside [0, rows) gives a row of zeros). One thread per result value.
// Parameters: [0] count (indices x width), [1] width, [2] rows.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> table: array<f32>;
@group(0) @binding(2) var<storage, read> indices: array<f32>;
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
  let index = indices[i / width];
  var value = 0.0;
  if (index >= 0.0 && index < f32(param(2u))) {
    value = table[u32(index) * width + i % width];
  }
  result[i] = value;
}
