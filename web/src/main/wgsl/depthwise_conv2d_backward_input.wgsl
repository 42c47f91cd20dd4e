// dx = d loss / d x of depthwiseConv2d, given dy [n, outH, outW, c·m] and w [kh, kw, c, m].
// One thread per dx value: it gathers dy·w over the output positions whose windows cover it, in the CPU
// backend's order (output rows and columns ascending, so window offsets descending; then the m filters).
// Parameters: as depthwise_conv2d.wgsl.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  let inH = param(1u);
  let inW = param(2u);
  let channels = param(3u);
  let outH = i32(param(4u));
  let outW = i32(param(5u));
  let outChannels = param(6u);
  let kh = param(7u);
  let kw = param(8u);
  let sh = i32(param(9u));
  let sw = i32(param(10u));
  let multiplier = param(14u);
  if (i >= param(0u) * inH * inW * channels) {
    return;
  }
  let ch = i % channels;
  let position = i / channels;
  let ix = position % inW;
  let iy = (position / inW) % inH;
  let imageBase = (position / (inW * inH)) * u32(outH * outW);
  var sum = 0.0;
  for (var ky = i32(kh) - 1; ky >= 0; ky = ky - 1) {
    let ty = i32(iy + param(11u)) - ky;
    if (ty < 0 || ty % sh != 0 || ty / sh >= outH) {
      continue;
    }
    for (var kx = i32(kw) - 1; kx >= 0; kx = kx - 1) {
      let tx = i32(ix + param(12u)) - kx;
      if (tx < 0 || tx % sw != 0 || tx / sw >= outW) {
        continue;
      }
      let dyBase = (imageBase + u32((ty / sh) * outW + tx / sw)) * outChannels + ch * multiplier;
      let wBase = (u32(ky) * kw + u32(kx)) * outChannels + ch * multiplier;
      for (var j = 0u; j < multiplier; j = j + 1u) {
        sum = sum + dy[dyBase + j] * w[wBase + j];
      }
    }
  }
  dx[i] = sum;
}
