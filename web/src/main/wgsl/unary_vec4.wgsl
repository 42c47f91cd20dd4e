// unary.wgsl four values a thread, read and written as vec4: for tensors whose size is a multiple of 4.
// Under SwiftShader the work per invocation, not the arithmetic, is what an element-wise kernel pays for:
// an add over vec4 arrays ran in half the time of one value per thread, four scalar values per thread in
// about the same (docs/benchmarks.md). OP is set per pipeline as in unary.wgsl.
// Parameters: [0] count / 4, [1] the op's parameter as f32 bits.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> result: array<vec4f>;

const OP: u32 = 0u;

#include "erf.wgsl"
#include "unary_apply.wgsl"

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= p[0].x) {
    return;
  }
  let v = x[i];
  let parameter = bitcast<f32>(p[0].y);
  result[i] = vec4f(apply(v.x, parameter), apply(v.y, parameter), apply(v.z, parameter), apply(v.w, parameter));
}
