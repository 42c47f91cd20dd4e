// out = op(x) element by element. OP (UnaryOp's order) is a constant set per pipeline by ElementwiseOps: a
// run-time switch over every op ran several times slower under SwiftShader (see binary.wgsl).
// Parameters: [0] count, [1] the op's parameter as f32 bits (leaky ReLU's slope).
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;

const OP: u32 = 0u;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

#include "erf.wgsl"
#include "unary_apply.wgsl"

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(0u)) {
    return;
  }
  result[i] = apply(x[i], bitcast<f32>(param(1u)));
}
