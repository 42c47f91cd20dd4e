// result[z] = op(a[z]) x op(b[z]) for each matrix z of a batch; op transposes when its flag is set.
// op(a) is [m, k], op(b) is [k, n], result [m, n]. Each 16x16 workgroup computes one 16x16 output tile,
// staging both operands through workgroup memory.
// Parameters: [0] m, [1] k, [2] n, [3] flags (1 transpose a, 2 transpose b).
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> result: array<f32>;

const TILE: u32 = 16u;
var<workgroup> aTile: array<array<f32, 16>, 16>;
var<workgroup> bTile: array<array<f32, 16>, 16>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(16, 16)
fn main(@builtin(global_invocation_id) global: vec3u, @builtin(local_invocation_id) local: vec3u) {
  let m = param(0u);
  let k = param(1u);
  let n = param(2u);
  let transposeA = (param(3u) & 1u) != 0u;
  let transposeB = (param(3u) & 2u) != 0u;
  let z = global.z;
  let aBase = z * m * k;
  let bBase = z * k * n;
  let row = global.y;
  let col = global.x;
  var sum = 0.0;
  let tiles = (k + TILE - 1u) / TILE;
  for (var t = 0u; t < tiles; t = t + 1u) {
    let aCol = t * TILE + local.x;
    let bRow = t * TILE + local.y;
    var av = 0.0;
    if (row < m && aCol < k) {
      av = a[aBase + select(row * k + aCol, aCol * m + row, transposeA)];
    }
    var bv = 0.0;
    if (bRow < k && col < n) {
      bv = b[bBase + select(bRow * n + col, col * k + bRow, transposeB)];
    }
    aTile[local.y][local.x] = av;
    bTile[local.y][local.x] = bv;
    workgroupBarrier();
    for (var i = 0u; i < TILE; i = i + 1u) {
      sum = sum + aTile[local.y][i] * bTile[i][local.x];
    }
    workgroupBarrier();
  }
  if (row < m && col < n) {
    result[z * m * n + row * n + col] = sum;
  }
}
