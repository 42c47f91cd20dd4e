// y = conv2d(x, w): NHWC x [n, inH, inW, c], HWIO w [kh, kw, c, f], y [n, outH, outW, f], as an implicit
// GEMM y[rows, f] = A[rows, depth] · w[depth, f] with rows = n·outH·outW and depth = kh·kw·c, where
// A[row, (ky, kx, ch)] = x[image, oy·sh − padTop + ky, ox·sw − padLeft + kx, ch] (0 outside: padding) is
// gathered from x while a tile is staged, never materialised.
// Threading: 64 threads per workgroup compute a BM×BN tile of y (4×4 values per thread, kept in vec4
// registers), stepping through depth 16 at a time with both operand tiles in workgroup memory.
// Workgroup (x + z·num_workgroups.x) is the row tile, y the filter tile.
// Parameters: [0] n, [1] inH, [2] inW, [3] c, [4] outH, [5] outW, [6] f, [7] kh, [8] kw, [9] sh, [10] sw,
// [11] padTop, [12] padLeft.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;

// The column tile BN (16 or 32) is set per op by ConvolutionOps to fit the column count; the
// 64 threads of a workgroup then cover BM = 256 / BN rows.
const BN: u32 = 32u;
const WX: u32 = BN / 4u;
const WY: u32 = 64u / WX;
const BM: u32 = 4u * WY;
const BK: u32 = 16u;
// Values of the A and B tiles each thread stages per step.
const A_PER: u32 = BM * BK / 64u;
const B_PER: u32 = BN * BK / 64u;
// [BK][BM] and [BK][BN], four consecutive rows (columns) per vec4.
var<workgroup> aTile: array<vec4f, BK * BM / 4u>;
var<workgroup> bTile: array<vec4f, BK * BN / 4u>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(WX, WY)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u,
        @builtin(local_invocation_id) local: vec3u, @builtin(local_invocation_index) index: u32) {
  let inH = param(1u);
  let inW = param(2u);
  let channels = param(3u);
  let outH = param(4u);
  let outW = param(5u);
  let filters = param(6u);
  let kw = param(8u);
  let rows = param(0u) * outH * outW;
  let depth = param(7u) * kw * channels;
  let m0 = (group.x + group.z * groups.x) * BM;
  let n0 = group.y * BN;

  // This thread stages row aRow of the A tile at depths aK .. aK + A_PER − 1 ...
  let aRow = index % BM;
  let aK = (index / BM) * A_PER;
  let row = m0 + aRow;
  let ox = row % outW;
  let oy = (row / outW) % outH;
  let image = row / (outW * outH);
  let iy0 = i32(oy * param(9u)) - i32(param(11u));
  let ix0 = i32(ox * param(10u)) - i32(param(12u));
  let imageBase = image * inH * inW * channels;
  // ... and row bK of the w tile at columns bCol .. bCol + B_PER − 1.
  let bK = (index * B_PER) / BN;
  let bCol = (index * B_PER) % BN;

  var acc0 = vec4f(0.0);
  var acc1 = vec4f(0.0);
  var acc2 = vec4f(0.0);
  var acc3 = vec4f(0.0);
  for (var k0 = 0u; k0 < depth; k0 = k0 + BK) {
    var k = k0 + aK;
    var ch = k % channels;
    var kx = (k / channels) % kw;
    var ky = k / (channels * kw);
    for (var j = 0u; j < A_PER; j = j + 1u) {
      let iy = iy0 + i32(ky);
      let ix = ix0 + i32(kx);
      var value = 0.0;
      if (row < rows && k < depth && iy >= 0 && iy < i32(inH) && ix >= 0 && ix < i32(inW)) {
        value = x[imageBase + (u32(iy) * inW + u32(ix)) * channels + ch];
      }
      aTile[(aK + j) * (BM / 4u) + aRow / 4u][aRow % 4u] = value;
      k = k + 1u;
      ch = ch + 1u;
      if (ch == channels) {
        ch = 0u;
        kx = kx + 1u;
        if (kx == kw) {
          kx = 0u;
          ky = ky + 1u;
        }
      }
    }
    let wk = k0 + bK;
    for (var j = 0u; j < B_PER; j = j + 1u) {
      let col = n0 + bCol + j;
      var value = 0.0;
      if (wk < depth && col < filters) {
        value = w[wk * filters + col];
      }
      bTile[bK * (BN / 4u) + (bCol + j) / 4u][(bCol + j) % 4u] = value;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < BK; kk = kk + 1u) {
      let a = aTile[kk * (BM / 4u) + local.y];
      let bv = bTile[kk * (BN / 4u) + local.x];
      acc0 = acc0 + a.x * bv;
      acc1 = acc1 + a.y * bv;
      acc2 = acc2 + a.z * bv;
      acc3 = acc3 + a.w * bv;
    }
    workgroupBarrier();
  }

  let outRow = m0 + local.y * 4u;
  let outCol = n0 + local.x * 4u;
  var results = array<vec4f, 4>(acc0, acc1, acc2, acc3);
  for (var i = 0u; i < 4u; i = i + 1u) {
    if (outRow + i < rows) {
      for (var j = 0u; j < 4u; j = j + 1u) {
        if (outCol + j < filters) {
          y[(outRow + i) * filters + outCol + j] = results[i][j];
        }
      }
    }
  }
}
