// Partial sums of dw = d loss / d w of depthwiseConv2d, given x [n, inH, inW, c] and dy [n, outH, outW, c·m].
// The sum over the n·outH·outW output positions is split into chunks of param 13 positions: thread
// (z, e) adds chunk z's terms of dw value e (e indexes w [kh, kw, c, m]) in position order into
// partial[z, e]; conv_partial_sum.wgsl adds the chunks up. One thread per (chunk, dw value).
// Parameters: as depthwise_conv2d.wgsl, and [13] positions per chunk, [15] chunks.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> partial: array<f32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  let inH = i32(param(1u));
  let inW = i32(param(2u));
  let channels = param(3u);
  let outH = param(4u);
  let outW = param(5u);
  let outChannels = param(6u);
  let kw = param(8u);
  let values = param(7u) * kw * outChannels;
  if (i >= values * param(15u)) {
    return;
  }
  let e = i % values;
  let chunk = i / values;
  let oc = e % outChannels;
  let ch = oc / param(14u);
  let kx = i32((e / outChannels) % kw);
  let ky = i32(e / (outChannels * kw));
  let sh = param(9u);
  let sw = param(10u);
  let first = chunk * param(13u);
  let last = min(param(0u) * outH * outW, first + param(13u));
  var ox = first % outW;
  var oy = (first / outW) % outH;
  var image = first / (outW * outH);
  var sum = 0.0;
  for (var q = first; q < last; q = q + 1u) {
    let iy = i32(oy * sh) - i32(param(11u)) + ky;
    let ix = i32(ox * sw) - i32(param(12u)) + kx;
    if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) {
      sum = sum + dy[q * outChannels + oc]
          * x[((image * u32(inH) + u32(iy)) * u32(inW) + u32(ix)) * channels + ch];
    }
    ox = ox + 1u;
    if (ox == outW) {
      ox = 0u;
      oy = oy + 1u;
      if (oy == outH) {
        oy = 0u;
        image = image + 1u;
      }
    }
  }
  partial[i] = sum;
}
