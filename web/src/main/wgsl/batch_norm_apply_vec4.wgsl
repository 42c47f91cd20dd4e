// batch_norm_apply.wgsl four values a thread, read and written as vec4: for channels a multiple of 4, so that
// the four values are four neighbouring channels of one row (see unary_vec4.wgsl for why vec4).
// Parameters: [0] count / 4, [1] channels / 4, [2] epsilon as f32 bits.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<vec4f>;
@group(0) @binding(2) var<storage, read> mean: array<vec4f>;
@group(0) @binding(3) var<storage, read> variance: array<vec4f>;
@group(0) @binding(4) var<storage, read> gamma: array<vec4f>;
@group(0) @binding(5) var<storage, read> beta: array<vec4f>;
@group(0) @binding(6) var<storage, read_write> result: array<vec4f>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= p[0].x) {
    return;
  }
  let c = i % p[0].y;
  result[i] = (x[i] - mean[c]) / sqrt(variance[c] + bitcast<f32>(p[0].z)) * gamma[c] + beta[c];
}
