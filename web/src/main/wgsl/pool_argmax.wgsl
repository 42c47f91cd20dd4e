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

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  let inH = param(1u);
  let inW = param(2u);
  let channels = param(3u);
  let outH = param(4u);
  let outW = param(5u);
  if (i >= param(0u) * outH * outW * channels) {
    return;
  }
  let ch = i % channels;
  let position = i / channels;
  let ox = position % outW;
  let oy = (position / outW) % outH;
  let imageBase = (position / (outW * outH)) * inH * inW;
  let ty = i32(oy * param(9u)) - i32(param(11u));
  let tx = i32(ox * param(10u)) - i32(param(12u));
  let y0 = u32(max(ty, 0));
  let y1 = u32(min(ty + i32(param(7u)), i32(inH)));
  let x0 = u32(max(tx, 0));
  let x1 = u32(min(tx + i32(param(8u)), i32(inW)));
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
