// Partial sums of dw = d loss / d w of depthwiseConv2d, given x [n, inH, inW, c] and dy [n, outH, outW, c·m]:
// dw[ky, kx, oc] = Σ over output positions of dy[position, oc] · x[the position's window tap (ky, kx), oc / m].
// The sum over the n·outH output rows is split into chunks of param 13 rows: a thread adds its chunk's terms
// in position order into partial[chunk, ky, kx, oc] ([chunks, kh, kw, c·m]); conv_partial_sum.wgsl adds the
// chunks up.
// Threading: each thread computes one window row ky × a block of 4 taps kx × 4 output channels, one vec4
// register per tap: a position's 4 dy values are read once for 16 multiply-adds, and the walk over the
// positions is two plain loops (rows, then columns) with the row's inside test hoisted. Taps outside the
// image read offset 0 and count as 0 (selected rather than multiplied by 0, so that an infinite value there
// cannot turn them into NaN); taps and channels past the edge read clamped addresses and are not written. Thread i takes channel block i % ⌈c·m / 4⌉, then tap block, then ky, then chunk (slowest).
// Workgroups of 64 threads: a layer has few kernel values, and small groups spread them over more cores.
// Parameters: as depthwise_conv2d.wgsl, and [13] output rows per chunk, [15] chunks.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> partial: array<f32>;

const MULTIPLIER: u32 = 0u;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 64u;
  let inH = i32(param(1u));
  let inW = i32(param(2u));
  let channels = param(3u);
  let outH = param(4u);
  let outW = param(5u);
  let outChannels = param(6u);
  let kh = param(7u);
  let kw = param(8u);
  let channelBlocks = (outChannels + 3u) / 4u;
  let tapBlocks = (kw + 3u) / 4u;
  let oc0 = (i % channelBlocks) * 4u;
  let kx0 = ((i / channelBlocks) % tapBlocks) * 4u;
  let ky = (i / (channelBlocks * tapBlocks)) % kh;
  let chunk = i / (channelBlocks * tapBlocks * kh);
  if (chunk >= param(15u)) {
    return;
  }
  let multiplier = select(param(14u), MULTIPLIER, MULTIPLIER != 0u);
  let oc = min(vec4u(oc0) + vec4u(0u, 1u, 2u, 3u), vec4u(outChannels - 1u));
  let ch = oc / multiplier;
  let sh = i32(param(9u));
  let sw = i32(param(10u));
  // The window columns of taps kx0…kx0 + 3 relative to an output column's ox·sw.
  let kx = vec4i(vec4u(kx0) + vec4u(0u, 1u, 2u, 3u)) - i32(param(12u));
  let firstRow = chunk * param(13u);
  let lastRow = min(param(0u) * outH, firstRow + param(13u));
  var acc0 = vec4f(0.0);
  var acc1 = vec4f(0.0);
  var acc2 = vec4f(0.0);
  var acc3 = vec4f(0.0);
  for (var row = firstRow; row < lastRow; row = row + 1u) {
    let image = row / outH;
    let iy = i32((row % outH) * u32(sh)) - i32(param(11u)) + i32(ky);
    let insideY = iy >= 0 && iy < inH;
    // A row outside the image still runs, its values replaced by 0, so that every thread takes the same path.
    let rowBase = i32(image) * inH * inW + select(0, iy, insideY) * inW;
    var dyOffset = row * outW * outChannels + oc;
    for (var ox = 0; ox < i32(outW); ox = ox + 1) {
      let ix = kx + ox * sw;
      let hit = (ix >= vec4i(0)) & (ix < vec4i(inW)) & vec4<bool>(insideY);
      let pixel = vec4u(select(vec4i(0), (rowBase + ix) * i32(channels), hit));
      let g = vec4f(dy[dyOffset.x], dy[dyOffset.y], dy[dyOffset.z], dy[dyOffset.w]);
      let a0 = pixel.x + ch;
      let a1 = pixel.y + ch;
      let a2 = pixel.z + ch;
      let a3 = pixel.w + ch;
      acc0 = acc0 + select(vec4f(0.0), vec4f(x[a0.x], x[a0.y], x[a0.z], x[a0.w]), hit.x) * g;
      acc1 = acc1 + select(vec4f(0.0), vec4f(x[a1.x], x[a1.y], x[a1.z], x[a1.w]), hit.y) * g;
      acc2 = acc2 + select(vec4f(0.0), vec4f(x[a2.x], x[a2.y], x[a2.z], x[a2.w]), hit.z) * g;
      acc3 = acc3 + select(vec4f(0.0), vec4f(x[a3.x], x[a3.y], x[a3.z], x[a3.w]), hit.w) * g;
      dyOffset = dyOffset + outChannels;
    }
  }
  let acc = array<vec4f, 4>(acc0, acc1, acc2, acc3);
  let values = kh * kw * outChannels;
  for (var t = 0u; t < 4u; t = t + 1u) {
    for (var j = 0u; j < 4u; j = j + 1u) {
      if (kx0 + t < kw && oc0 + j < outChannels) {
        partial[chunk * values + (ky * kw + kx0 + t) * outChannels + oc0 + j] = acc[t][j];
      }
    }
  }
}
