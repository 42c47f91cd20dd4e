// unary_backward.wgsl four values a thread, as vec4 (see unary_vec4.wgsl): for sizes that are multiples of 4.
// Parameters: [0] count / 4, [1] the op's parameter as f32 bits.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<vec4f>;
@group(0) @binding(2) var<storage, read> y: array<vec4f>;
@group(0) @binding(3) var<storage, read> dy: array<vec4f>;
@group(0) @binding(4) var<storage, read_write> result: array<vec4f>;

const OP: u32 = 0u;

#include "erf.wgsl"
#include "unary_derivative.wgsl"

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= p[0].x) {
    return;
  }
  let v = x[i];
  let out = y[i];
  let parameter = bitcast<f32>(p[0].y);
  result[i] = dy[i] * vec4f(derivative(v.x, out.x, parameter), derivative(v.y, out.y, parameter),
      derivative(v.z, out.z, parameter), derivative(v.w, out.w, parameter));
}
