// dx = d loss / d x of depthwiseConv2d, given dy [n, outH, outW, c·m] and w [kh, kw, c, m].
// dx[image, iy, ix, ch] gathers dy·w over the output positions whose windows cover it, in the CPU backend's
// order (output rows and columns ascending, so window offsets descending; then the m filters).
// Threading: each thread computes a block of 4 input positions (consecutive in n·inH·inW order) × 4
// channels, one vec4 register per position, sharing a tap's index arithmetic and weights among 16
// multiply-adds. Taps that fall between strides or outside the output read offset 0 and count as 0 (selected
// rather than multiplied by 0, so that an infinite value there cannot turn them into NaN) instead of
// branching; positions and channels past the edge read clamped addresses and are not written.
// Thread i takes channel block i % ⌈c / 4⌉ of position block i / ⌈c / 4⌉.
// MULTIPLIER: 0 reads m from the parameters; ConvolutionOps writes 1 for the common case (SeparableConv2D),
// which turns the loop over the filters into straight-line code. UNIT_STRIDE: true (written by ConvolutionOps
// for strides 1 × 1, the common case) drops the divisions that find a tap's output position.
// Parameters: as depthwise_conv2d.wgsl.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

const MULTIPLIER: u32 = 0u;
const UNIT_STRIDE: bool = false;

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
  let sh = select(i32(param(9u)), 1, UNIT_STRIDE);
  let sw = select(i32(param(10u)), 1, UNIT_STRIDE);
  let positions = param(0u) * inH * inW;
  let channelBlocks = (channels + 3u) / 4u;
  let position0 = (i / channelBlocks) * 4u;
  let ch0 = (i % channelBlocks) * 4u;
  if (position0 >= positions) {
    return;
  }
  let multiplier = select(param(14u), MULTIPLIER, MULTIPLIER != 0u);
  let firstFilter = min(vec4u(ch0) + vec4u(0u, 1u, 2u, 3u), vec4u(channels - 1u)) * multiplier;
  let position = min(vec4u(position0) + vec4u(0u, 1u, 2u, 3u), vec4u(positions - 1u));
  let image = vec4i((position / (inW * inH)) * u32(outH * outW));
  // Offsets of the input pixel in padded coordinates: tap (ky, kx) is output (ty / sh, tx / sw) where ty, tx
  // are these minus the tap and divide evenly.
  let py = vec4i((position / inW) % inH + param(11u));
  let px = vec4i(position % inW + param(12u));
  var acc0 = vec4f(0.0);
  var acc1 = vec4f(0.0);
  var acc2 = vec4f(0.0);
  var acc3 = vec4f(0.0);
  for (var ky = i32(kh) - 1; ky >= 0; ky = ky - 1) {
    let ty = py - ky;
    let oy = ty / sh;
    let hitY = (ty >= vec4i(0)) & (oy * sh == ty) & (oy < vec4i(outH));
    for (var kx = i32(kw) - 1; kx >= 0; kx = kx - 1) {
      let tx = px - kx;
      let ox = tx / sw;
      let hit = hitY & (tx >= vec4i(0)) & (ox * sw == tx) & (ox < vec4i(outW));
      let pixel = vec4u(select(vec4i(0), (image + oy * outW + ox) * i32(outChannels), hit));
      var wOffset = (u32(ky) * kw + u32(kx)) * outChannels + firstFilter;
      var a0 = pixel.x + firstFilter;
      var a1 = pixel.y + firstFilter;
      var a2 = pixel.z + firstFilter;
      var a3 = pixel.w + firstFilter;
      for (var j = 0u; j < multiplier; j = j + 1u) {
        let wv = vec4f(w[wOffset.x], w[wOffset.y], w[wOffset.z], w[wOffset.w]);
        acc0 = acc0 + select(vec4f(0.0), vec4f(dy[a0.x], dy[a0.y], dy[a0.z], dy[a0.w]), hit.x) * wv;
        acc1 = acc1 + select(vec4f(0.0), vec4f(dy[a1.x], dy[a1.y], dy[a1.z], dy[a1.w]), hit.y) * wv;
        acc2 = acc2 + select(vec4f(0.0), vec4f(dy[a2.x], dy[a2.y], dy[a2.z], dy[a2.w]), hit.z) * wv;
        acc3 = acc3 + select(vec4f(0.0), vec4f(dy[a3.x], dy[a3.y], dy[a3.z], dy[a3.w]), hit.w) * wv;
        wOffset = wOffset + 1u;
        a0 = a0 + 1u;
        a1 = a1 + 1u;
        a2 = a2 + 1u;
        a3 = a3 + 1u;
      }
    }
  }
  let acc = array<vec4f, 4>(acc0, acc1, acc2, acc3);
  for (var r = 0u; r < 4u; r = r + 1u) {
    for (var j = 0u; j < 4u; j = j + 1u) {
      if (position0 + r < positions && ch0 + j < channels) {
        dx[(position0 + r) * channels + ch0 + j] = acc[r][j];
      }
    }
  }
}
