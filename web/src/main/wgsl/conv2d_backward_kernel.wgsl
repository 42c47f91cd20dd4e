// Partial sums of dw = d loss / d w of conv2d, given x [n, inH, inW, c] and dy [n, outH, outW, f].
// dw[(ky, kx, ch), fo] = Σ over positions q = (image, oy, ox) of x[image, oy·sh − padTop + ky,
// ox·sw − padLeft + kx, ch] · dy[q, fo] (x is 0 outside the image). The sum over the n·outH·outW positions
// is split into chunks of param 13 positions; chunk z writes partial[z, kh·kw·c, f], which
// conv_partial_sum.wgsl adds up in chunk order.
// Threading: each thread computes 4 channels × 8 filters of one window tap (ky, kx) over its chunk, so the
// four x values it reads per position are neighbours behind one bounds check (4 rather than 8 channels: an
// image's 3 channels would waste more); operands come straight from
// storage (no workgroup memory, no barriers: see conv2d.wgsl). Channels and filters past the edge read
// clamped addresses and are not written.
// Workgroup: WX threads along the filters (set per op by ConvolutionOps) × 64 / WX along the (tap, channel
// block) pairs. Dispatch: x the filter blocks, y the (tap, channel block) pairs, z the chunks.
// Parameters: as conv2d.wgsl, and [13] positions per chunk.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> partial: array<f32>;

const WX: u32 = 8u;
const WY: u32 = 64u / WX;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(WX, WY)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let inH = i32(param(1u));
  let inW = i32(param(2u));
  let channels = param(3u);
  let outH = param(4u);
  let outW = param(5u);
  let filters = param(6u);
  let kw = param(8u);
  let taps = param(7u) * kw;
  let channelBlocks = (channels + 3u) / 4u;
  let col0 = gid.x * 8u;
  if (gid.y >= taps * channelBlocks || col0 >= filters) {
    return;
  }
  let tap = gid.y / channelBlocks;
  let ch0 = (gid.y % channelBlocks) * 4u;
  let ky = i32(tap / kw);
  let kx = i32(tap % kw);
  // Channels and filters past the edge are clamped; the filters come in two groups of four, A and B.
  let channel = min(vec4u(ch0) + vec4u(0u, 1u, 2u, 3u), vec4u(channels - 1u));
  let colA = min(vec4u(col0) + vec4u(0u, 1u, 2u, 3u), vec4u(filters - 1u));
  let colB = min(vec4u(col0) + vec4u(4u, 5u, 6u, 7u), vec4u(filters - 1u));
  let sh = param(9u);
  let sw = param(10u);
  let first = gid.z * param(13u);
  let last = min(param(0u) * outH * outW, first + param(13u));
  var ox = first % outW;
  var oy = (first / outW) % outH;
  var image = first / (outW * outH);
  // acc[i] holds channel i's filters A (i < 4) or channel i − 4's filters B.
  var acc: array<vec4f, 8>;
  for (var q = first; q < last; q = q + 1u) {
    let iy = i32(oy * sh) - i32(param(11u)) + ky;
    let ix = i32(ox * sw) - i32(param(12u)) + kx;
    if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) {
      let at = ((image * u32(inH) + u32(iy)) * u32(inW) + u32(ix)) * channels;
      let xAt = at + channel;
      let a = vec4f(x[xAt.x], x[xAt.y], x[xAt.z], x[xAt.w]);
      let dyA = q * filters + colA;
      let dyB = q * filters + colB;
      let b0 = vec4f(dy[dyA.x], dy[dyA.y], dy[dyA.z], dy[dyA.w]);
      let b1 = vec4f(dy[dyB.x], dy[dyB.y], dy[dyB.z], dy[dyB.w]);
      acc[0] = acc[0] + a.x * b0;
      acc[1] = acc[1] + a.y * b0;
      acc[2] = acc[2] + a.z * b0;
      acc[3] = acc[3] + a.w * b0;
      acc[4] = acc[4] + a.x * b1;
      acc[5] = acc[5] + a.y * b1;
      acc[6] = acc[6] + a.z * b1;
      acc[7] = acc[7] + a.w * b1;
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
  let base = gid.z * taps * channels * filters + tap * channels * filters;
  for (var i = 0u; i < 4u; i = i + 1u) {
    for (var j = 0u; j < 8u; j = j + 1u) {
      if (ch0 + i < channels && col0 + j < filters) {
        partial[base + (ch0 + i) * filters + col0 + j] = acc[i + 4u * (j / 4u)][j % 4u];
      }
    }
  }
}
