// result[z] = op(a[z]) x op(b[z]) for each matrix z of a batch; op transposes when its flag is set.
// op(a) is [m, k], op(b) is [k, n], result [m, n].
// Threading: a 16x16 workgroup computes a 64x64 output tile, each thread a 4x4 block (rows 4*gid.y..+3,
// columns 4*gid.x..+3) held in four vec4 registers: per step along k it loads 4 values of op(a) and 4 of
// op(b) and does 16 multiply-adds. The block's operands are read straight from storage, which neighbouring
// threads share through the cache; staging them in workgroup memory needs two barriers per step, and under
// SwiftShader (the CPU) those cost more than they save (bench/gpu-matmul.mjs: 2x slower with staging).
// Rows and columns past the edge load clamped (valid) addresses and are not written, so any m, k, n work.
// Epilogue (a Dense layer's forward, Backend.dense): optionally bias[column] is added and an element-wise
// activation applied before the block is written, saving two passes over the result.
// Parameters: [0] m, [1] k, [2] n, [3] flags (1 transpose a, 2 transpose b, 4 add bias), [4] activation
// (0 none, 1 relu, 2 leaky relu, 3 sigmoid, 4 tanh), [5] leaky relu's slope as f32 bits.
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

// The activations of the epilogue, as unary.wgsl computes them.
fn activate(v: f32) -> f32 {
  switch param(4u) {
    case 1u: { return max(v, 0.0); }
    case 2u: { return select(bitcast<f32>(param(5u)) * v, v, v > 0.0); }
    case 3u: { return 1.0 / (1.0 + exp(-v)); }
    case 4u: { return tanh(clamp(v, -9.0, 9.0)); }
    default: { return v; }
  }
}

@compute @workgroup_size(16, 16)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let m = param(0u);
  let k = param(1u);
  let n = param(2u);
  let transposeA = (param(3u) & 1u) != 0u;
  let transposeB = (param(3u) & 2u) != 0u;
  let row0 = gid.y * 4u;
  let col0 = gid.x * 4u;
  if (row0 >= m || col0 >= n) {
    return;
  }
  let rows = min(vec4u(row0) + vec4u(0u, 1u, 2u, 3u), vec4u(m - 1u));
  let cols = min(vec4u(col0) + vec4u(0u, 1u, 2u, 3u), vec4u(n - 1u));
  // Offsets of op(a)[rows, kk] and op(b)[kk, cols], advanced by one step of kk per iteration.
  var aAt = gid.z * m * k + rows * select(k, 1u, transposeA);
  var bAt = gid.z * k * n + cols * select(1u, k, transposeB);
  let aStep = vec4u(select(1u, m, transposeA));
  let bStep = vec4u(select(n, 1u, transposeB));
  var acc: array<vec4f, 4>;
  for (var kk = 0u; kk < k; kk = kk + 1u) {
    let bv = vec4f(b[bAt.x], b[bAt.y], b[bAt.z], b[bAt.w]);
    acc[0] = acc[0] + a[aAt.x] * bv;
    acc[1] = acc[1] + a[aAt.y] * bv;
    acc[2] = acc[2] + a[aAt.z] * bv;
    acc[3] = acc[3] + a[aAt.w] * bv;
    aAt = aAt + aStep;
    bAt = bAt + bStep;
  }
  let biasValues = select(vec4f(0.0), vec4f(bias[cols.x], bias[cols.y], bias[cols.z], bias[cols.w]),
      (param(3u) & 4u) != 0u);
  let out = gid.z * m * n;
  for (var i = 0u; i < 4u; i = i + 1u) {
    for (var j = 0u; j < 4u; j = j + 1u) {
      if (row0 + i < m && col0 + j < n) {
        result[out + (row0 + i) * n + col0 + j] = activate(acc[i][j] + biasValues[j]);
      }
    }
  }
}
