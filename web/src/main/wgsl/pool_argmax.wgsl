// The first pass of max pooling's gradient where windows overlap (pool_backward.wgsl is the second): for each
// output value, the position iy·inW + ix inside its image of the window's first maximum (row by row, the
// earliest of equal values, as the CPU backend picks it). One thread per output value, so each window is
// scanned once instead of once for every input position it covers.
// Parameters: as pool.wgsl.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> argmax: array<u32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

#include "pool_window.wgsl"

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(0u) * param(4u) * param(5u) * param(3u)) {
    return;
  }
  let inW = param(2u);
  let channels = param(3u);
  let window = poolWindow(i);
  let imageBase = window.imageBase;
  let ch = window.channel;
  let y0 = window.y0;
  let y1 = window.y1;
  let x0 = window.x0;
  let x1 = window.x1;
  var best = x[(imageBase + y0 * inW + x0) * channels + ch];
  var bestAt = y0 * inW + x0;
  for (var iy = y0; iy < y1; iy = iy + 1u) {
    for (var ix = x0; ix < x1; ix = ix + 1u) {
      let value = x[(imageBase + iy * inW + ix) * channels + ch];
      if (value > best) {
        best = value;
        bestAt = iy * inW + ix;
      }
    }
  }
  argmax[i] = bestAt;
}
