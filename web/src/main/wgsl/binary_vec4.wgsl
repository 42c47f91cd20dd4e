// binary.wgsl for same-shaped operands whose size is a multiple of 4: four values a thread, as vec4 (see
// unary_vec4.wgsl). OP is set per pipeline as in binary.wgsl. Parameters: [0] count / 4.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> a: array<vec4f>;
@group(0) @binding(2) var<storage, read> b: array<vec4f>;
@group(0) @binding(3) var<storage, read_write> result: array<vec4f>;

const OP: u32 = 0u;

#include "binary_apply.wgsl"

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= p[0].x) {
    return;
  }
  let x = a[i];
  let y = b[i];
  result[i] = vec4f(apply(x.x, y.x), apply(x.y, y.y), apply(x.z, y.z), apply(x.w, y.w));
}
