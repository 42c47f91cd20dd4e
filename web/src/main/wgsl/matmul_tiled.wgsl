// matmul.wgsl's products (same parameters, bindings, epilogue and dispatch) for hardware GPUs: a 16x16
// workgroup computes a 64x64 output tile, stepping through k 16 at a time with both operand tiles staged in
// workgroup memory, each thread computing a 4x4 block from vec4 reads of the staged tiles. Neighbouring
// threads stage neighbouring values, so global reads coalesce; the barriers that make staging slow under
// SwiftShader are cheap on a GPU. ProductOps picks this kernel for hardware adapters and matmul.wgsl for
// software ones: on an H100 through Dawn it multiplies 4096x4096 matrices at 17.3 TFLOP/s, 20x matmul.wgsl
// (docs/benchmarks.md); the parity tests run every product case through it too.
// Parameters: [0] m, [1] k, [2] n, [3] flags (1 transpose a, 2 transpose b, 4 add bias), [4] activation
// (include/activation.wgsl's codes), [5] leaky relu's slope as f32 bits.
// Dispatch: (ceil(n / 64), ceil(m / 64), batch).
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> result: array<f32>;

const TILE: u32 = 64u;
const BK: u32 = 16u;
// [BK][TILE / 4]: four consecutive rows of op(a), or columns of op(b), per vec4.
var<workgroup> aTile: array<vec4f, 256>;
var<workgroup> bTile: array<vec4f, 256>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

#include "activation.wgsl"

// Returns op(a)[row, kk] of matrix z, or 0 outside it.
fn aValue(z: u32, row: u32, kk: u32, m: u32, k: u32, transposed: bool) -> f32 {
  if (row >= m || kk >= k) {
    return 0.0;
  }
  return a[z * m * k + select(row * k + kk, kk * m + row, transposed)];
}

// Returns op(b)[kk, col] of matrix z, or 0 outside it.
fn bValue(z: u32, kk: u32, col: u32, k: u32, n: u32, transposed: bool) -> f32 {
  if (kk >= k || col >= n) {
    return 0.0;
  }
  return b[z * k * n + select(kk * n + col, col * k + kk, transposed)];
}

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_id) local: vec3u,
        @builtin(local_invocation_index) index: u32) {
  let m = param(0u);
  let k = param(1u);
  let n = param(2u);
  let transposeA = (param(3u) & 1u) != 0u;
  let transposeB = (param(3u) & 2u) != 0u;
  let z = group.z;
  let tileRow = group.y * TILE;
  let tileCol = group.x * TILE;
  var acc: array<vec4f, 4>;
  for (var k0 = 0u; k0 < k; k0 = k0 + BK) {
    // 1,024 values of each tile, 4 per thread: thread `index` stages element e = index + 256·j, which is
    // (kk = e / 64, row or column e % 64): consecutive threads, consecutive rows (columns).
    for (var j = 0u; j < 4u; j = j + 1u) {
      let e = index + 256u * j;
      let kk = e / TILE;
      let along = e % TILE;
      aTile[kk * 16u + along / 4u][along % 4u] = aValue(z, tileRow + along, k0 + kk, m, k, transposeA);
      bTile[kk * 16u + along / 4u][along % 4u] = bValue(z, k0 + kk, tileCol + along, k, n, transposeB);
    }
    workgroupBarrier();
    for (var kk = 0u; kk < BK; kk = kk + 1u) {
      let rows = aTile[kk * 16u + local.y];
      let cols = bTile[kk * 16u + local.x];
      acc[0] = acc[0] + rows.x * cols;
      acc[1] = acc[1] + rows.y * cols;
      acc[2] = acc[2] + rows.z * cols;
      acc[3] = acc[3] + rows.w * cols;
    }
    workgroupBarrier();
  }
  let row0 = tileRow + local.y * 4u;
  let col0 = tileCol + local.x * 4u;
  let cols = min(vec4u(col0) + vec4u(0u, 1u, 2u, 3u), vec4u(n - 1u));
  let biasValues = select(vec4f(0.0), vec4f(bias[cols.x], bias[cols.y], bias[cols.z], bias[cols.w]),
      (param(3u) & 4u) != 0u);
  let activation = param(4u);
  let slope = bitcast<f32>(param(5u));
  let out = z * m * n;
  for (var i = 0u; i < 4u; i = i + 1u) {
    for (var j = 0u; j < 4u; j = j + 1u) {
      if (row0 + i < m && col0 + j < n) {
        result[out + (row0 + i) * n + col0 + j] = activate(acc[i][j] + biasValues[j], activation, slope);
      }
    }
  }
}
