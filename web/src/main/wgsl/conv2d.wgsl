// y = conv2d(x, w): NHWC x [n, inH, inW, c], HWIO w [kh, kw, c, f], y [n, outH, outW, f], as an implicit
// GEMM y[rows, f] = A[rows, depth] · w[depth, f] with rows = n·outH·outW and depth = kh·kw·c, where
// A[row, (ky, kx, ch)] = x[image, oy·sh − padTop + ky, ox·sw − padLeft + kx, ch] (0 outside: padding) is
// read from x as it is needed, never materialised.
// Threading: each thread computes a block of 4 rows × 4 filters in vec4 registers, walking the window
// (ky, kx) and the channels with its operands read straight from storage, as matmul.wgsl does: no workgroup
// memory and no barriers, which under SwiftShader cost more than the reuse they buy (docs/benchmarks.md).
// Rows and filters past the edge read clamped addresses and are not written; window taps outside the
// image (padding) read offset 0 and are multiplied by 0.
// Workgroup: WX threads along the filters (set per op by ConvolutionOps to fit the filter count) × 64 / WX
// along the rows. Dispatch: x the filter blocks, (y + z·num_workgroups.y) the row blocks.
// Parameters: [0] n, [1] inH, [2] inW, [3] c, [4] outH, [5] outW, [6] f, [7] kh, [8] kw, [9] sh, [10] sw,
// [11] padTop, [12] padLeft.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

const WX: u32 = 8u;
const WY: u32 = 64u / WX;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

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
  let row0 = ((group.y + group.z * groups.y) * WY + local.y) * 4u;
  let col0 = (group.x * WX + local.x) * 4u;
  if (row0 >= rows || col0 >= filters) {
    return;
  }
  let r = min(vec4u(row0) + vec4u(0u, 1u, 2u, 3u), vec4u(rows - 1u));
  let ox = r % outW;
  let oy = (r / outW) % outH;
  let imageBase = vec4i((r / (outW * outH)) * u32(inH * inW) * channels);
  let iy0 = vec4i(oy * param(9u)) - i32(param(11u));
  let ix0 = vec4i(ox * param(10u)) - i32(param(12u));
  // w[(ky, kx, ch), cols], advanced one depth step (one row of w) per iteration.
  var wAt = min(vec4u(col0) + vec4u(0u, 1u, 2u, 3u), vec4u(filters - 1u));
  var acc: array<vec4f, 4>;
  for (var ky = 0u; ky < param(7u); ky = ky + 1u) {
    let iy = iy0 + i32(ky);
    let rowInside = (iy >= vec4i(0)) & (iy < vec4i(inH));
    for (var kx = 0u; kx < param(8u); kx = kx + 1u) {
      let ix = ix0 + i32(kx);
      let inside = rowInside & (ix >= vec4i(0)) & (ix < vec4i(inW));
      let scale = select(vec4f(0.0), vec4f(1.0), inside);
      var xAt = vec4u(select(vec4i(0), imageBase + (iy * inW + ix) * i32(channels), inside));
      for (var ch = 0u; ch < channels; ch = ch + 1u) {
        let a = vec4f(x[xAt.x], x[xAt.y], x[xAt.z], x[xAt.w]) * scale;
        let b = vec4f(w[wAt.x], w[wAt.y], w[wAt.z], w[wAt.w]);
        acc[0] = acc[0] + a.x * b;
        acc[1] = acc[1] + a.y * b;
        acc[2] = acc[2] + a.z * b;
        acc[3] = acc[3] + a.w * b;
        xAt = xAt + 1u;
        wAt = wAt + filters;
      }
    }
  }
  for (var i = 0u; i < 4u; i = i + 1u) {
    for (var j = 0u; j < 4u; j = j + 1u) {
      if (row0 + i < rows && col0 + j < filters) {
        y[(row0 + i) * filters + col0 + j] = acc[i][j];
      }
    }
  }
}
