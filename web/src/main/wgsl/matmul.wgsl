// result[z] = op(a[z]) x op(b[z]) for each matrix z of a batch; op transposes when its flag is set.
// op(a) is [m, k], op(b) is [k, n], result [m, n].
// Threading: an 8x8 workgroup computes a 64x64 output tile, each thread an 8x8 block (rows 8*gid.y..+7,
// columns 8*gid.x..+7) held in sixteen vec4 registers: per step along k it loads 8 values of op(a) and 8 of
// op(b) and does 64 multiply-adds (1.5x the speed of 4x4 blocks under SwiftShader: bench/gpu-kernels.mjs).
// The block's operands are read straight from storage, which neighbouring threads share through the cache;
// staging them in workgroup memory needs two barriers per step, and under SwiftShader (the CPU) those cost more
// than they save (2x slower with staging, docs/benchmarks.md).
// Rows and columns past the edge load clamped (valid) addresses and are not written, so any m, k, n work.
// Epilogue (a Dense layer's forward, Backend.dense): optionally bias[column] is added and an element-wise
// activation applied before the block is written, saving two passes over the result.
// Parameters: [0] m, [1] k, [2] n, [3] flags (1 transpose a, 2 transpose b, 4 add bias), [4] activation
// (include/activation.wgsl's codes), [5] leaky relu's slope as f32 bits.
// Bindings: a, b, bias (any buffer when flag 4 is off: it is not read), result.
// Dispatch: (ceil(n / 64), ceil(m / 64), batch).
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> result: array<f32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

#include "accumulate_8x8.wgsl"

#include "activation.wgsl"

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let m = param(0u);
  let k = param(1u);
  let n = param(2u);
  let transposeA = (param(3u) & 1u) != 0u;
  let transposeB = (param(3u) & 2u) != 0u;
  let row0 = gid.y * 8u;
  let col0 = gid.x * 8u;
  if (row0 >= m || col0 >= n) {
    return;
  }
  // Rows and columns past the edge are clamped; each comes in two groups of four, A and B. acc[i] holds
  // row i's columns A (i < 8) or row i - 8's columns B.
  let rowsA = min(vec4u(row0) + vec4u(0u, 1u, 2u, 3u), vec4u(m - 1u));
  let rowsB = min(vec4u(row0) + vec4u(4u, 5u, 6u, 7u), vec4u(m - 1u));
  let colsA = min(vec4u(col0) + vec4u(0u, 1u, 2u, 3u), vec4u(n - 1u));
  let colsB = min(vec4u(col0) + vec4u(4u, 5u, 6u, 7u), vec4u(n - 1u));
  // Offsets of op(a)[rows, kk] and op(b)[kk, cols], advanced by one step of kk per iteration.
  var aA = gid.z * m * k + rowsA * select(k, 1u, transposeA);
  var aB = gid.z * m * k + rowsB * select(k, 1u, transposeA);
  var bA = gid.z * k * n + colsA * select(1u, k, transposeB);
  var bB = gid.z * k * n + colsB * select(1u, k, transposeB);
  let aStep = vec4u(select(1u, m, transposeA));
  let bStep = vec4u(select(n, 1u, transposeB));
  var acc: array<vec4f, 16>;
  for (var kk = 0u; kk < k; kk = kk + 1u) {
    let a0 = vec4f(a[aA.x], a[aA.y], a[aA.z], a[aA.w]);
    let a1 = vec4f(a[aB.x], a[aB.y], a[aB.z], a[aB.w]);
    let b0 = vec4f(b[bA.x], b[bA.y], b[bA.z], b[bA.w]);
    let b1 = vec4f(b[bB.x], b[bB.y], b[bB.z], b[bB.w]);
    accumulate8x8(&acc, a0, a1, b0, b1);
    aA = aA + aStep;
    aB = aB + aStep;
    bA = bA + bStep;
    bB = bB + bStep;
  }
  let hasBias = (param(3u) & 4u) != 0u;
  let biasA = select(vec4f(0.0), vec4f(bias[colsA.x], bias[colsA.y], bias[colsA.z], bias[colsA.w]), hasBias);
  let biasB = select(vec4f(0.0), vec4f(bias[colsB.x], bias[colsB.y], bias[colsB.z], bias[colsB.w]), hasBias);
  let activation = param(4u);
  let slope = bitcast<f32>(param(5u));
  let out = gid.z * m * n;
  for (var i = 0u; i < 8u; i = i + 1u) {
    for (var j = 0u; j < 4u; j = j + 1u) {
      if (row0 + i < m && col0 + j < n) {
        result[out + (row0 + i) * n + col0 + j] = activate(acc[i][j] + biasA[j], activation, slope);
      }
      if (row0 + i < m && col0 + 4u + j < n) {
        result[out + (row0 + i) * n + col0 + 4u + j] = activate(acc[8u + i][j] + biasB[j], activation, slope);
      }
    }
  }
}
