// The optimizers that keep one velocity per value, over every weight of a step at once, as Keras 3 writes
// them. Each binding is one region of a parameter arena (FusedUpdates): all weights' segments side by side,
// padding between them computing values nobody reads.
// Parameters: [0] count (vec4s per region), [1] kind (0 momentum SGD, 1 Nesterov SGD, 2 RMSprop),
// [2] learning rate, [3] momentum, [4] rho, [5] epsilon (floats as f32 bits).
// Threading: one thread per four values, read and written as vec4 (regions are multiples of 64 values; see
// unary_vec4.wgsl for why), 256 a workgroup, 2-D dispatch for large regions.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> g: array<vec4f>;
@group(0) @binding(2) var<storage, read> w: array<vec4f>;
@group(0) @binding(3) var<storage, read> velocity: array<vec4f>;
@group(0) @binding(4) var<storage, read_write> wOut: array<vec4f>;
@group(0) @binding(5) var<storage, read_write> velocityOut: array<vec4f>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(0u)) {
    return;
  }
  let kind = param(1u);
  let lr = bitcast<f32>(param(2u));
  let gi = g[i];
  if (kind == 2u) {
    let rho = bitcast<f32>(param(4u));
    let v = rho * velocity[i] + (1.0 - rho) * gi * gi;
    velocityOut[i] = v;
    // Keras 3 adds epsilon inside the square root.
    wOut[i] = w[i] - lr * gi / sqrt(v + bitcast<f32>(param(5u)));
    return;
  }
  let momentum = bitcast<f32>(param(3u));
  let v = momentum * velocity[i] - lr * gi;
  velocityOut[i] = v;
  wOut[i] = w[i] + select(v, momentum * v - lr * gi, kind == 1u);
}
