// Plain SGD over every weight of a step at once: w' = w - lr * g. Each binding is one region of a parameter
// arena (FusedUpdates): all weights' segments side by side, padding between them computing values nobody reads.
// Parameters: [0] count (vec4s per region), [1] learning rate (f32 bits).
// Threading: one thread per four values, read and written as vec4 (regions are multiples of 64 values; see
// unary_vec4.wgsl for why), 256 a workgroup, 2-D dispatch for large regions.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> g: array<vec4f>;
@group(0) @binding(2) var<storage, read> w: array<vec4f>;
@group(0) @binding(3) var<storage, read_write> wOut: array<vec4f>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(0u)) {
    return;
  }
  wOut[i] = w[i] - bitcast<f32>(param(1u)) * g[i];
}
