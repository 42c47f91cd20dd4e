// y = depthwiseConv2d(x, w): x [n, inH, inW, c], w [kh, kw, c, m], y [n, outH, outW, c·m] where output
// channel ch·m + j is channel ch convolved with its own filter j (Keras's channel-major order).
// One thread per output value, summing its window row by row as the CPU backend does.
// Parameters: [0] n, [1] inH, [2] inW, [3] c, [4] outH, [5] outW, [6] c·m, [7] kh, [8] kw, [9] sh, [10] sw,
// [11] padTop, [12] padLeft, [14] m.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

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
  let outChannels = param(6u);
  let kh = param(7u);
  let kw = param(8u);
  if (i >= param(0u) * outH * outW * outChannels) {
    return;
  }
  let oc = i % outChannels;
  let ch = oc / param(14u);
  let position = i / outChannels;
  let ox = position % outW;
  let oy = (position / outW) % outH;
  let imageBase = (position / (outW * outH)) * inH * inW;
  let iy0 = i32(oy * param(9u)) - i32(param(11u));
  let ix0 = i32(ox * param(10u)) - i32(param(12u));
  var sum = 0.0;
  for (var ky = 0u; ky < kh; ky = ky + 1u) {
    let iy = iy0 + i32(ky);
    if (iy < 0 || iy >= i32(inH)) {
      continue;
    }
    for (var kx = 0u; kx < kw; kx = kx + 1u) {
      let ix = ix0 + i32(kx);
      if (ix < 0 || ix >= i32(inW)) {
        continue;
      }
      sum = sum + x[(imageBase + u32(iy) * inW + u32(ix)) * channels + ch]
          * w[(ky * kw + kx) * outChannels + oc];
    }
  }
  y[i] = sum;
}
