// y = maxPool2d(x) or averagePool2d(x): x [n, inH, inW, c], y [n, outH, outW, c]. Max takes the window's
// largest value; average divides the sum by the number of window positions inside x (TensorFlow's rule:
// padding is not counted). One thread per output value. MODE (0 max, 1 average) is a constant set per pipeline.
// Parameters: [0] n, [1] inH, [2] inW, [3] c, [4] outH, [5] outW, [7] kh, [8] kw, [9] sh, [10] sw,
// [11] padTop, [12] padLeft.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

const MODE: u32 = 0u;

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
  if (MODE == 0u) {
    var found = false;
    var best = 0.0;
    for (var iy = y0; iy < y1; iy = iy + 1u) {
      for (var ix = x0; ix < x1; ix = ix + 1u) {
        let value = x[(imageBase + iy * inW + ix) * channels + ch];
        if (!found || value > best) {
          found = true;
          best = value;
        }
      }
    }
    y[i] = best;
    return;
  }
  var sum = 0.0;
  for (var iy = y0; iy < y1; iy = iy + 1u) {
    for (var ix = x0; ix < x1; ix = ix + 1u) {
      sum = sum + x[(imageBase + iy * inW + ix) * channels + ch];
    }
  }
  y[i] = sum / f32((y1 - y0) * (x1 - x0));
}
