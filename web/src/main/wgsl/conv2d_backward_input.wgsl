// dx = d loss / d x of conv2d, given dy [n, outH, outW, f] and w [kh, kw, c, f]; dx is [n, inH, inW, c].
// An implicit GEMM dx[rows, c] = A[rows, depth] · B[depth, c] with rows = n·inH·inW, depth = kh·kw·f:
// A[(image, iy, ix), (ky, kx, fo)] = dy[image, oy, ox, fo] where oy·sh = iy + padTop − ky (0 when no such
// output position exists), and B[(ky, kx, fo), ch] = w[ky, kx, ch, fo]. Gathering instead of scattering
// keeps it free of atomics and makes every dx value one thread's ordered sum.
// Threading as conv2d.wgsl: 64 threads, a BM×BN tile of dx, 4×4 values per thread, depth 16 per step.
// Workgroup (x + z·num_workgroups.x) is the row tile, y the channel tile.
// Parameters: as conv2d.wgsl.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

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

// Returns the offset of dy's position (oy, ox) that window offset (ky, kx) maps input (iy, ix) to, or -1.
fn outputOffset(iy: u32, ix: u32, ky: u32, kx: u32) -> i32 {
  let ty = i32(iy + param(11u)) - i32(ky);
  let tx = i32(ix + param(12u)) - i32(kx);
  let sh = i32(param(9u));
  let sw = i32(param(10u));
  if (ty < 0 || tx < 0 || ty % sh != 0 || tx % sw != 0) {
    return -1;
  }
  let oy = ty / sh;
  let ox = tx / sw;
  if (oy >= i32(param(4u)) || ox >= i32(param(5u))) {
    return -1;
  }
  return (oy * i32(param(5u)) + ox) * i32(param(6u));
}

@compute @workgroup_size(WX, WY)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u,
        @builtin(local_invocation_id) local: vec3u, @builtin(local_invocation_index) index: u32) {
  let inH = param(1u);
  let inW = param(2u);
  let channels = param(3u);
  let filters = param(6u);
  let kw = param(8u);
  let rows = param(0u) * inH * inW;
  let depth = param(7u) * kw * filters;
  let m0 = (group.x + group.z * groups.x) * BM;
  let n0 = group.y * BN;

  // This thread stages row aRow of the A tile at depths aK .. aK + A_PER − 1 ...
  let aRow = index % BM;
  let aK = (index / BM) * A_PER;
  let row = m0 + aRow;
  let ix = row % inW;
  let iy = (row / inW) % inH;
  let imageBase = i32((row / (inW * inH)) * param(4u) * param(5u) * filters);
  // ... and column bCol of the B tile at depths bK .. bK + B_PER − 1.
  let bCol = index % BN;
  let bK = (index / BN) * B_PER;
  let ch = n0 + bCol;

  var acc0 = vec4f(0.0);
  var acc1 = vec4f(0.0);
  var acc2 = vec4f(0.0);
  var acc3 = vec4f(0.0);
  for (var k0 = 0u; k0 < depth; k0 = k0 + BK) {
    var k = k0 + aK;
    var fo = k % filters;
    var kx = (k / filters) % kw;
    var ky = k / (filters * kw);
    var offset = outputOffset(iy, ix, ky, kx);
    for (var j = 0u; j < A_PER; j = j + 1u) {
      var value = 0.0;
      if (k < depth && row < rows && offset >= 0) {
        value = dy[u32(imageBase + offset) + fo];
      }
      aTile[(aK + j) * (BM / 4u) + aRow / 4u][aRow % 4u] = value;
      k = k + 1u;
      fo = fo + 1u;
      if (fo == filters) {
        fo = 0u;
        kx = kx + 1u;
        if (kx == kw) {
          kx = 0u;
          ky = ky + 1u;
        }
        offset = outputOffset(iy, ix, ky, kx);
      }
    }
    k = k0 + bK;
    fo = k % filters;
    kx = (k / filters) % kw;
    ky = k / (filters * kw);
    for (var j = 0u; j < B_PER; j = j + 1u) {
      var value = 0.0;
      if (k < depth && ch < channels) {
        value = w[((ky * kw + kx) * channels + ch) * filters + fo];
      }
      bTile[(bK + j) * (BN / 4u) + bCol / 4u][bCol % 4u] = value;
      k = k + 1u;
      fo = fo + 1u;
      if (fo == filters) {
        fo = 0u;
        kx = kx + 1u;
        if (kx == kw) {
          kx = 0u;
          ky = ky + 1u;
        }
      }
    }
    workgroupBarrier();
    for (var kk = 0u; kk < BK; kk = kk + 1u) {
      let av = aTile[kk * (BM / 4u) + local.y];
      let bv = bTile[kk * (BN / 4u) + local.x];
      acc0 = acc0 + av.x * bv;
      acc1 = acc1 + av.y * bv;
      acc2 = acc2 + av.z * bv;
      acc3 = acc3 + av.w * bv;
    }
    workgroupBarrier();
  }

  let outRow = m0 + local.y * 4u;
  let outCol = n0 + local.x * 4u;
  var results = array<vec4f, 4>(acc0, acc1, acc2, acc3);
  for (var i = 0u; i < 4u; i = i + 1u) {
    if (outRow + i < rows) {
      for (var j = 0u; j < 4u; j = j + 1u) {
        if (outCol + j < channels) {
          dx[(outRow + i) * channels + outCol + j] = results[i][j];
        }
      }
    }
  }
}
