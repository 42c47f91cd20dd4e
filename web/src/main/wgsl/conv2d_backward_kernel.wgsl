// Partial sums of dw = d loss / d w of conv2d, given x [n, inH, inW, c] and dy [n, outH, outW, f].
// dw [kh·kw·c, f] = Aᵀ · dy[positions, f], a GEMM whose long reduction runs over positions = n·outH·outW,
// with Aᵀ[(ky, kx, ch), q] gathered from x as in conv2d.wgsl. The reduction is split into chunks of
// param 13 positions; chunk z writes partial[z, depth, f], which conv_partial_sum.wgsl adds up in order.
// Threading as conv2d.wgsl: 64 threads, a BM×BN tile of dw, 4×4 values per thread, 16 positions per step.
// Workgroup x is the row tile (depth), y the filter tile, z the chunk.
// Parameters: as conv2d.wgsl, and [13] positions per chunk (a multiple of 16).
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> partial: array<f32>;

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
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_id) local: vec3u,
        @builtin(local_invocation_index) index: u32) {
  let inH = param(1u);
  let inW = param(2u);
  let channels = param(3u);
  let outH = param(4u);
  let outW = param(5u);
  let filters = param(6u);
  let kw = param(8u);
  let depth = param(7u) * kw * channels;
  let positions = param(0u) * outH * outW;
  let chunk = param(13u);
  let m0 = group.x * BM;
  let n0 = group.y * BN;
  let qStart = group.z * chunk;
  let qEnd = min(positions, qStart + chunk);

  // This thread stages position aQ of the A tile for rows aM .. aM + A_PER − 1 ...
  let aQ = index % BK;
  let aM = (index / BK) * A_PER;
  let firstRow = m0 + aM;
  let firstCh = firstRow % channels;
  let firstKx = (firstRow / channels) % kw;
  let firstKy = firstRow / (channels * kw);
  // ... and position bQ of the dy tile at columns bCol .. bCol + B_PER − 1.
  let bQ = (index * B_PER) / BN;
  let bCol = (index * B_PER) % BN;

  var acc0 = vec4f(0.0);
  var acc1 = vec4f(0.0);
  var acc2 = vec4f(0.0);
  var acc3 = vec4f(0.0);
  for (var q0 = qStart; q0 < qEnd; q0 = q0 + BK) {
    let q = q0 + aQ;
    let ox = q % outW;
    let oy = (q / outW) % outH;
    let imageBase = (q / (outW * outH)) * inH * inW * channels;
    let iy0 = i32(oy * param(9u)) - i32(param(11u));
    let ix0 = i32(ox * param(10u)) - i32(param(12u));
    var ch = firstCh;
    var kx = firstKx;
    var ky = firstKy;
    for (var j = 0u; j < A_PER; j = j + 1u) {
      let iy = iy0 + i32(ky);
      let ix = ix0 + i32(kx);
      var value = 0.0;
      if (q < qEnd && firstRow + j < depth && iy >= 0 && iy < i32(inH) && ix >= 0 && ix < i32(inW)) {
        value = x[imageBase + (u32(iy) * inW + u32(ix)) * channels + ch];
      }
      aTile[aQ * (BM / 4u) + (aM + j) / 4u][(aM + j) % 4u] = value;
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
    let dq = q0 + bQ;
    for (var j = 0u; j < B_PER; j = j + 1u) {
      let col = n0 + bCol + j;
      var value = 0.0;
      if (dq < qEnd && col < filters) {
        value = dy[dq * filters + col];
      }
      bTile[bQ * (BN / 4u) + (bCol + j) / 4u][(bCol + j) % 4u] = value;
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
  let base = group.z * depth * filters;
  var results = array<vec4f, 4>(acc0, acc1, acc2, acc3);
  for (var i = 0u; i < 4u; i = i + 1u) {
    if (outRow + i < depth) {
      for (var j = 0u; j < 4u; j = j + 1u) {
        if (outCol + j < filters) {
          partial[base + (outRow + i) * filters + outCol + j] = results[i][j];
        }
      }
    }
  }
}
