// y = depthwiseConv2d(x, w): x [n, inH, inW, c], w [kh, kw, c, m], y [n, outH, outW, c·m] where output
// channel ch·m + j is channel ch convolved with its own filter j (Keras's channel-major order).
// Threading: each thread computes a block of 4 output positions (consecutive in n·outH·outW order) × 4
// output channels, one vec4 register per position, so that the index arithmetic of a window tap and its 4
// weights are shared by 16 multiply-adds (per-invocation work is what SwiftShader pays for). The window is
// summed row by row, as the CPU backend does. Taps outside the image (padding) read offset 0 and count as 0
// (selected rather than multiplied by 0, so that an infinite value there cannot turn them into NaN) instead of
// branching; positions and channels past the edge read clamped addresses and are not written.
// Thread i takes channel block i % ⌈c·m / 4⌉ of position block i / ⌈c·m / 4⌉ (neighbours share positions).
// MULTIPLIER: 0 reads m from the parameters; ConvolutionOps writes 1 for the common case (SeparableConv2D),
// which lets the compiler drop the per-lane channel division.
// Parameters: [0] n, [1] inH, [2] inW, [3] c, [4] outH, [5] outW, [6] c·m, [7] kh, [8] kw, [9] sh, [10] sw,
// [11] padTop, [12] padLeft, [14] m.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

const MULTIPLIER: u32 = 0u;

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
  let positions = param(0u) * outH * outW;
  let channelBlocks = (outChannels + 3u) / 4u;
  let position0 = (i / channelBlocks) * 4u;
  let oc0 = (i % channelBlocks) * 4u;
  if (position0 >= positions) {
    return;
  }
  let multiplier = select(param(14u), MULTIPLIER, MULTIPLIER != 0u);
  let oc = min(vec4u(oc0) + vec4u(0u, 1u, 2u, 3u), vec4u(outChannels - 1u));
  let ch = oc / multiplier;
  let position = min(vec4u(position0) + vec4u(0u, 1u, 2u, 3u), vec4u(positions - 1u));
  let image = vec4i((position / (outW * outH)) * u32(inH * inW));
  let iy0 = vec4i(((position / outW) % outH) * param(9u)) - i32(param(11u));
  let ix0 = vec4i((position % outW) * param(10u)) - i32(param(12u));
  var acc0 = vec4f(0.0);
  var acc1 = vec4f(0.0);
  var acc2 = vec4f(0.0);
  var acc3 = vec4f(0.0);
  var wOffset = oc;
  for (var ky = 0u; ky < param(7u); ky = ky + 1u) {
    let iy = iy0 + i32(ky);
    let insideY = (iy >= vec4i(0)) & (iy < vec4i(inH));
    for (var kx = 0u; kx < param(8u); kx = kx + 1u) {
      let ix = ix0 + i32(kx);
      let hit = insideY & (ix >= vec4i(0)) & (ix < vec4i(inW));
      let pixel = vec4u(select(vec4i(0), (image + iy * inW + ix) * i32(channels), hit));
      let wv = vec4f(w[wOffset.x], w[wOffset.y], w[wOffset.z], w[wOffset.w]);
      let a0 = pixel.x + ch;
      let a1 = pixel.y + ch;
      let a2 = pixel.z + ch;
      let a3 = pixel.w + ch;
      acc0 = acc0 + select(vec4f(0.0), vec4f(x[a0.x], x[a0.y], x[a0.z], x[a0.w]), hit.x) * wv;
      acc1 = acc1 + select(vec4f(0.0), vec4f(x[a1.x], x[a1.y], x[a1.z], x[a1.w]), hit.y) * wv;
      acc2 = acc2 + select(vec4f(0.0), vec4f(x[a2.x], x[a2.y], x[a2.z], x[a2.w]), hit.z) * wv;
      acc3 = acc3 + select(vec4f(0.0), vec4f(x[a3.x], x[a3.y], x[a3.z], x[a3.w]), hit.w) * wv;
      wOffset = wOffset + outChannels;
    }
  }
  let acc = array<vec4f, 4>(acc0, acc1, acc2, acc3);
  for (var r = 0u; r < 4u; r = r + 1u) {
    for (var j = 0u; j < 4u; j = j + 1u) {
      if (position0 + r < positions && oc0 + j < outChannels) {
        y[(position0 + r) * outChannels + oc0 + j] = acc[r][j];
      }
    }
  }
}
