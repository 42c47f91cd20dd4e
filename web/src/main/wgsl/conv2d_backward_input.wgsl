// dx = d loss / d x of conv2d, given dy [n, outH, outW, f] and w [kh, kw, c, f]; dx is [n, inH, inW, c].
// An implicit GEMM dx[rows, c] = A[rows, depth] · B[depth, c] with rows = n·inH·inW, depth = kh·kw·f:
// A[(image, iy, ix), (ky, kx, fo)] = dy[image, oy, ox, fo] where oy·sh = iy + padTop − ky (0 when no such
// output position exists), and B[(ky, kx, fo), ch] = w[ky, kx, ch, fo]. Gathering instead of scattering
// keeps it free of atomics and makes every dx value one thread's ordered sum.
// Threading: each thread computes 8 rows × 8 channels (two groups of four each), walking the window taps and
// the filters with its operands read straight from storage (no workgroup memory, no barriers: see
// conv2d.wgsl). Rows and channels past the edge read clamped addresses and are not written; taps with no
// output position read offset 0 and count as 0 (selected rather than multiplied by 0, so that an infinite
// value there cannot turn them into NaN).
// Workgroup: WX threads along the channels (set per op by ConvolutionOps) × 64 / WX along the rows.
// Dispatch: x the channel blocks, (y + z·num_workgroups.y) the row blocks.
// Parameters: as conv2d.wgsl.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

const WX: u32 = 8u;
const WY: u32 = 64u / WX;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

#include "accumulate_8x8.wgsl"

@compute @workgroup_size(WX, WY)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u,
        @builtin(local_invocation_id) local: vec3u) {
  let inH = param(1u);
  let inW = param(2u);
  let channels = param(3u);
  let outH = vec4i(i32(param(4u)));
  let outW = vec4i(i32(param(5u)));
  let filters = param(6u);
  let kw = param(8u);
  let sh = vec4i(i32(param(9u)));
  let sw = vec4i(i32(param(10u)));
  let rows = param(0u) * inH * inW;
  let row0 = ((group.y + group.z * groups.y) * WY + local.y) * 8u;
  let col0 = (group.x * WX + local.x) * 8u;
  if (row0 >= rows || col0 >= channels) {
    return;
  }
  // Rows and channels past the edge are clamped; the two groups of four are A and B.
  let rowA = min(vec4u(row0) + vec4u(0u, 1u, 2u, 3u), vec4u(rows - 1u));
  let rowB = min(vec4u(row0) + vec4u(4u, 5u, 6u, 7u), vec4u(rows - 1u));
  let ixA = vec4i(rowA % inW);
  let ixB = vec4i(rowB % inW);
  let iyA = vec4i((rowA / inW) % inH);
  let iyB = vec4i((rowB / inW) % inH);
  let imageA = vec4i((rowA / (inW * inH)) * param(4u) * param(5u) * filters);
  let imageB = vec4i((rowB / (inW * inH)) * param(4u) * param(5u) * filters);
  let chA = min(vec4u(col0) + vec4u(0u, 1u, 2u, 3u), vec4u(channels - 1u));
  let chB = min(vec4u(col0) + vec4u(4u, 5u, 6u, 7u), vec4u(channels - 1u));
  // acc[i] holds row i's channels A (i < 8) or row i − 8's channels B.
  var acc: array<vec4f, 16>;
  for (var ky = 0u; ky < param(7u); ky = ky + 1u) {
    let ty0 = iyA + i32(param(11u)) - i32(ky);
    let ty1 = iyB + i32(param(11u)) - i32(ky);
    let oy0 = ty0 / sh;
    let oy1 = ty1 / sh;
    let rowHitA = (ty0 >= vec4i(0)) & (ty0 % sh == vec4i(0)) & (oy0 < outH);
    let rowHitB = (ty1 >= vec4i(0)) & (ty1 % sh == vec4i(0)) & (oy1 < outH);
    for (var kx = 0u; kx < kw; kx = kx + 1u) {
      let tx0 = ixA + i32(param(12u)) - i32(kx);
      let tx1 = ixB + i32(param(12u)) - i32(kx);
      let ox0 = tx0 / sw;
      let ox1 = tx1 / sw;
      let hitA = rowHitA & (tx0 >= vec4i(0)) & (tx0 % sw == vec4i(0)) & (ox0 < outW);
      let hitB = rowHitB & (tx1 >= vec4i(0)) & (tx1 % sw == vec4i(0)) & (ox1 < outW);
      var dyA = vec4u(select(vec4i(0), imageA + (oy0 * outW + ox0) * i32(filters), hitA));
      var dyB = vec4u(select(vec4i(0), imageB + (oy1 * outW + ox1) * i32(filters), hitB));
      // w[ky, kx, channels, fo], advanced one filter per iteration.
      var wA = ((ky * kw + kx) * channels + chA) * filters;
      var wB = ((ky * kw + kx) * channels + chB) * filters;
      for (var fo = 0u; fo < filters; fo = fo + 1u) {
        let a0 = select(vec4f(0.0), vec4f(dy[dyA.x], dy[dyA.y], dy[dyA.z], dy[dyA.w]), hitA);
        let a1 = select(vec4f(0.0), vec4f(dy[dyB.x], dy[dyB.y], dy[dyB.z], dy[dyB.w]), hitB);
        let b0 = vec4f(w[wA.x], w[wA.y], w[wA.z], w[wA.w]);
        let b1 = vec4f(w[wB.x], w[wB.y], w[wB.z], w[wB.w]);
        accumulate8x8(&acc, a0, a1, b0, b1);
        dyA = dyA + 1u;
        dyB = dyB + 1u;
        wA = wA + 1u;
        wB = wB + 1u;
      }
    }
  }
  for (var i = 0u; i < 8u; i = i + 1u) {
    for (var j = 0u; j < 8u; j = j + 1u) {
      if (row0 + i < rows && col0 + j < channels) {
        dx[(row0 + i) * channels + col0 + j] = acc[i + 8u * (j / 4u)][j % 4u];
      }
    }
  }
}
