// out = op(a, b) element by element, broadcasting NumPy style (rank <= 6).
// The op and how each operand is indexed are constants set per pipeline (ElementwiseOps writes OP, A_INDEX
// and B_INDEX into the source): under SwiftShader a kernel that branches on them at run time ran 4× slower for
// same-shaped operands and, with the general index arithmetic (a division per axis), 10× slower for a bias
// added along the last axis (docs/benchmarks.md).
// OP: 0 add, 1 subtract, 2 multiply, 3 divide. A_INDEX, B_INDEX: how each operand is indexed, the kinds of
// include/broadcast_index.wgsl.
// Parameters: [1] rank, [2] count, [4..9] out dims, [10..15] a strides, [16..21] b strides (0 along broadcast
// dimensions), [22] a's period, [23] b's period.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> result: array<f32>;

const OP: u32 = 0u;
const A_INDEX: u32 = 0u;
const B_INDEX: u32 = 0u;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

#include "broadcast_index.wgsl"
#include "binary_apply.wgsl"

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(2u)) {
    return;
  }
  let x = a[operandIndex(A_INDEX, i, param(22u), 10u)];
  let y = b[operandIndex(B_INDEX, i, param(23u), 16u)];
  result[i] = apply(x, y);
}
