// binary.wgsl four values a thread, as vec4 (see unary_vec4.wgsl), for sizes that are multiples of 4 and
// operands that have the output's shape (A_INDEX or B_INDEX 0) or repeat along its leading axes with a period
// that is a multiple of 4 (2: a per-channel scale or bias). OP, A_INDEX and B_INDEX are set per pipeline as in
// binary.wgsl. Parameters: [0] count / 4, [1] a's period / 4, [2] b's period / 4.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> a: array<vec4f>;
@group(0) @binding(2) var<storage, read> b: array<vec4f>;
@group(0) @binding(3) var<storage, read_write> result: array<vec4f>;

const OP: u32 = 0u;
const A_INDEX: u32 = 0u;
const B_INDEX: u32 = 0u;

#include "binary_apply.wgsl"

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= p[0].x) {
    return;
  }
  let x = a[select(i, i % p[0].y, A_INDEX == 2u)];
  let y = b[select(i, i % p[0].z, B_INDEX == 2u)];
  result[i] = vec4f(apply(x.x, y.x), apply(x.y, y.y), apply(x.z, y.z), apply(x.w, y.w));
}
