// Adam and AdamW over every weight of a step at once, as Keras 3 writes them: w -= w * decay (AdamW only,
// decay = weight decay x learning rate), m += (g - m)(1 - beta1), v += (g^2 - v)(1 - beta2),
// w -= alpha m / (sqrt(v) + eps). Each binding is one region of a parameter arena (FusedUpdates): all
// weights' segments side by side, padding between them computing values nobody reads.
// Parameters: [0] count (vec4s per region), [1] beta1, [2] beta2, [3] epsilon, [4] alpha, [5] decay (floats
// as f32 bits). Threading: one thread per four values, read and written as vec4 (regions are multiples of
// 64 values; see unary_vec4.wgsl for why), 256 a workgroup, 2-D dispatch for large regions.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> g: array<vec4f>;
@group(0) @binding(2) var<storage, read> w: array<vec4f>;
@group(0) @binding(3) var<storage, read> m: array<vec4f>;
@group(0) @binding(4) var<storage, read> v: array<vec4f>;
@group(0) @binding(5) var<storage, read_write> wOut: array<vec4f>;
@group(0) @binding(6) var<storage, read_write> mOut: array<vec4f>;
@group(0) @binding(7) var<storage, read_write> vOut: array<vec4f>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(0u)) {
    return;
  }
  let gi = g[i];
  var wi = w[i];
  wi = wi - wi * bitcast<f32>(param(5u));
  let mi = m[i] + (gi - m[i]) * (1.0 - bitcast<f32>(param(1u)));
  let vi = v[i] + (gi * gi - v[i]) * (1.0 - bitcast<f32>(param(2u)));
  mOut[i] = mi;
  vOut[i] = vi;
  wOut[i] = wi - mi * bitcast<f32>(param(4u)) / (sqrt(vi) + bitcast<f32>(param(3u)));
}
