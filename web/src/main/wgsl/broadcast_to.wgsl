// Repeats x along its size-1 (or missing leading) dimensions up to the output shape (rank <= 6). X_INDEX, how x
// is indexed (a kind of include/broadcast_index.wgsl), is a constant set per pipeline by ElementwiseOps.
// Parameters: [1] rank, [2] count, [4..9] output dims, [10..15] x's strides (0 where repeated), [22] x's period.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;

const X_INDEX: u32 = 4u;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

#include "broadcast_index.wgsl"

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(2u)) {
    return;
  }
  result[i] = x[operandIndex(X_INDEX, i, param(22u), 10u)];
}
