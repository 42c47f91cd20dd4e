// y = conv2d(x, w): NHWC x [n, inH, inW, c], HWIO w [kh, kw, c, f], y [n, outH, outW, f], as an implicit
// GEMM y[rows, f] = A[rows, depth] · w[depth, f] with rows = n·outH·outW and depth = kh·kw·c, where
// A[row, (ky, kx, ch)] = x[image, oy·sh − padTop + ky, ox·sw − padLeft + kx, ch] (0 outside: padding) is
// read from x as it is needed, never materialised.
// Threading: each thread computes a block of 8 rows × 8 filters (two groups of 4 rows, two of 4 filters, in
// vec4 registers), walking the window (ky, kx) and the channels with its operands read straight from storage,
// as matmul.wgsl does: no workgroup memory and no barriers, which under SwiftShader cost more than the reuse
// they buy; 8 × 8 does 64 multiply-adds per 16 values read (docs/benchmarks.md).
// Rows and filters past the edge read clamped addresses and are not written; window taps outside the
// image (padding) read offset 0 and count as 0 (selected rather than multiplied by 0, so that an infinite
// value there cannot turn them into NaN).
// Workgroup: WX threads along the filters (set per op by ConvolutionOps to fit the filter count) × 64 / WX
// along the rows. Dispatch: x the filter blocks, (y + z·num_workgroups.y) the row blocks.
// Epilogue (a Conv2D layer's forward, Backend.conv2dBiasActivation): optionally bias[filter] is added and an
// element-wise activation applied before a value is written, as matmul.wgsl does.
// Parameters: [0] n, [1] inH, [2] inW, [3] c, [4] outH, [5] outW, [6] f, [7] kh, [8] kw, [9] sh, [10] sw,
// [11] padTop, [12] padLeft, [13] flags (4 add bias), [14] activation (include/activation.wgsl's codes),
// [15] leaky relu's slope as f32 bits.
// Bindings: x, w, bias (any buffer when flag 4 is off: it is not read), y.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> y: array<f32>;

const WX: u32 = 8u;
const WY: u32 = 64u / WX;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

#include "accumulate_8x8.wgsl"

#include "activation.wgsl"

@compute @workgroup_size(WX, WY)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u,
        @builtin(local_invocation_id) local: vec3u) {
  let inH = i32(param(1u));
  let inW = i32(param(2u));
  let channels = param(3u);
  let outH = param(4u);
  let outW = param(5u);
  let filters = param(6u);
  let rows = param(0u) * outH * outW;
  let row0 = ((group.y + group.z * groups.y) * WY + local.y) * 8u;
  let col0 = (group.x * WX + local.x) * 8u;
  if (row0 >= rows || col0 >= filters) {
    return;
  }
  // Rows and filters past the edge are clamped; the two groups of four are A and B.
  let rowA = min(vec4u(row0) + vec4u(0u, 1u, 2u, 3u), vec4u(rows - 1u));
  let rowB = min(vec4u(row0) + vec4u(4u, 5u, 6u, 7u), vec4u(rows - 1u));
  let imageA = vec4i((rowA / (outW * outH)) * u32(inH * inW) * channels);
  let imageB = vec4i((rowB / (outW * outH)) * u32(inH * inW) * channels);
  let iyA = vec4i(((rowA / outW) % outH) * param(9u)) - i32(param(11u));
  let iyB = vec4i(((rowB / outW) % outH) * param(9u)) - i32(param(11u));
  let ixA = vec4i((rowA % outW) * param(10u)) - i32(param(12u));
  let ixB = vec4i((rowB % outW) * param(10u)) - i32(param(12u));
  let filtersA = min(vec4u(col0) + vec4u(0u, 1u, 2u, 3u), vec4u(filters - 1u));
  let filtersB = min(vec4u(col0) + vec4u(4u, 5u, 6u, 7u), vec4u(filters - 1u));
  // w[(ky, kx, ch), filters], advanced one depth step (one row of w) per iteration.
  var wA = filtersA;
  var wB = filtersB;
  // acc[i] holds row i's filters A (i < 8) or row i − 8's filters B.
  var acc: array<vec4f, 16>;
  for (var ky = 0u; ky < param(7u); ky = ky + 1u) {
    let iy0 = iyA + i32(ky);
    let iy1 = iyB + i32(ky);
    let insideA = (iy0 >= vec4i(0)) & (iy0 < vec4i(inH));
    let insideB = (iy1 >= vec4i(0)) & (iy1 < vec4i(inH));
    for (var kx = 0u; kx < param(8u); kx = kx + 1u) {
      let ix0 = ixA + i32(kx);
      let ix1 = ixB + i32(kx);
      let hitA = insideA & (ix0 >= vec4i(0)) & (ix0 < vec4i(inW));
      let hitB = insideB & (ix1 >= vec4i(0)) & (ix1 < vec4i(inW));
      var xA = vec4u(select(vec4i(0), imageA + (iy0 * inW + ix0) * i32(channels), hitA));
      var xB = vec4u(select(vec4i(0), imageB + (iy1 * inW + ix1) * i32(channels), hitB));
      for (var ch = 0u; ch < channels; ch = ch + 1u) {
        let a0 = select(vec4f(0.0), vec4f(x[xA.x], x[xA.y], x[xA.z], x[xA.w]), hitA);
        let a1 = select(vec4f(0.0), vec4f(x[xB.x], x[xB.y], x[xB.z], x[xB.w]), hitB);
        let b0 = vec4f(w[wA.x], w[wA.y], w[wA.z], w[wA.w]);
        let b1 = vec4f(w[wB.x], w[wB.y], w[wB.z], w[wB.w]);
        accumulate8x8(&acc, a0, a1, b0, b1);
        xA = xA + 1u;
        xB = xB + 1u;
        wA = wA + filters;
        wB = wB + filters;
      }
    }
  }
  let hasBias = (param(13u) & 4u) != 0u;
  let biasA = select(vec4f(0.0), vec4f(bias[filtersA.x], bias[filtersA.y], bias[filtersA.z], bias[filtersA.w]), hasBias);
  let biasB = select(vec4f(0.0), vec4f(bias[filtersB.x], bias[filtersB.y], bias[filtersB.z], bias[filtersB.w]), hasBias);
  let activation = param(14u);
  let slope = bitcast<f32>(param(15u));
  for (var i = 0u; i < 8u; i = i + 1u) {
    for (var j = 0u; j < 4u; j = j + 1u) {
      if (row0 + i < rows && col0 + j < filters) {
        y[(row0 + i) * filters + col0 + j] = activate(acc[i][j] + biasA[j], activation, slope);
      }
      if (row0 + i < rows && col0 + 4u + j < filters) {
        y[(row0 + i) * filters + col0 + 4u + j] = activate(acc[8u + i][j] + biasB[j], activation, slope);
      }
    }
  }
}
