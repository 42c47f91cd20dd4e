// broadcast_to.wgsl four values a thread, as vec4 (see unary_vec4.wgsl), for x repeated along the output's
// leading axes (a per-channel value) with a size that is a multiple of 4. Parameters: [0] count / 4,
// [1] x's size / 4.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> result: array<vec4f>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= p[0].x) {
    return;
  }
  result[i] = x[i % p[0].y];
}
