// y = maxPool2d(x) or averagePool2d(x): x [n, inH, inW, c], y [n, outH, outW, c]. Max takes the window's
// largest value; average divides the sum by the number of window positions inside x (TensorFlow's rule:
// padding is not counted). One thread per output value.
// Parameters: [0] n, [1] inH, [2] inW, [3] c, [4] outH, [5] outW, [7] kh, [8] kw, [9] sh, [10] sw,
// [11] padTop, [12] padLeft, [13] mode (0 max, 1 average).
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;

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
  if (param(13u) == 0u) {
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
