// result[i] = Σ over chunks z of partial[z·count + i], z in order: the last pass of the kernel gradients of
// conv2d_backward_kernel.wgsl and depthwise_conv2d_backward_kernel.wgsl, which split their long reductions.
// One thread per result value. Parameters: [0] count, [1] chunks.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> partial: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  let count = p[0].x;
  if (i >= count) {
    return;
  }
  var sum = 0.0;
  for (var z = 0u; z < p[0].y; z = z + 1u) {
    sum = sum + partial[z * count + i];
  }
  result[i] = sum;
}
