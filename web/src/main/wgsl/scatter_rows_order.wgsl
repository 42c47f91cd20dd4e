// The first half of scatterAddRows: a stable counting sort of the positions i of indices by the row they name,
// so that scatter_rows_sum can add each row's updates in the order of i, as the CPU backend does (the result
// is deterministic and equal to the CPU's bit for bit). Positions naming no row in [0, rows) are left out.
// Writes into scratch (u32): [0..rows] start of each row's positions in order (start[rows] = total),
// [rows+1 .. 2rows] per-row cursors, [2rows+1 ..) the positions sorted by row, then by position.
// Threading: one workgroup of 256 threads: count rows with atomics, scan the counts (each thread a contiguous
// range), then place the positions 256 at a time, each thread finding its rank among equal rows in its chunk.
// Parameters: [0] n (positions), [1] rows.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> indices: array<f32>;
@group(0) @binding(2) var<storage, read_write> scratch: array<atomic<u32>>;

const NONE: u32 = 0xffffffffu;
var<workgroup> totals: array<u32, 256>;
var<workgroup> chunk: array<u32, 256>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

fn rowAt(i: u32, rows: u32) -> u32 {
  let index = indices[i];
  if (index >= 0.0 && index < f32(rows)) {
    return u32(index);
  }
  return NONE;
}

@compute @workgroup_size(256)
fn main(@builtin(local_invocation_index) t: u32) {
  let n = param(0u);
  let rows = param(1u);
  let cursors = rows + 1u;
  let order = 2u * rows + 1u;
  for (var r = t; r < rows; r = r + 256u) {
    atomicStore(&scratch[cursors + r], 0u);
  }
  storageBarrier();
  workgroupBarrier();
  for (var i = t; i < n; i = i + 256u) {
    let r = rowAt(i, rows);
    if (r != NONE) {
      atomicAdd(&scratch[cursors + r], 1u);
    }
  }
  storageBarrier();
  workgroupBarrier();
  // Exclusive scan of the counts: each thread sums a contiguous range, thread 0 scans the 256 sums.
  let per = (rows + 255u) / 256u;
  let first = min(t * per, rows);
  let end = min(first + per, rows);
  var sum = 0u;
  for (var r = first; r < end; r = r + 1u) {
    sum = sum + atomicLoad(&scratch[cursors + r]);
  }
  totals[t] = sum;
  workgroupBarrier();
  if (t == 0u) {
    var running = 0u;
    for (var u = 0u; u < 256u; u = u + 1u) {
      let count = totals[u];
      totals[u] = running;
      running = running + count;
    }
    atomicStore(&scratch[rows], running);
  }
  workgroupBarrier();
  var start = totals[t];
  for (var r = first; r < end; r = r + 1u) {
    let count = atomicLoad(&scratch[cursors + r]);
    atomicStore(&scratch[r], start);
    atomicStore(&scratch[cursors + r], start);
    start = start + count;
  }
  storageBarrier();
  workgroupBarrier();
  // Stable placement, 256 positions at a time.
  for (var base = 0u; base < n; base = base + 256u) {
    var r = NONE;
    if (base + t < n) {
      r = rowAt(base + t, rows);
    }
    chunk[t] = r;
    workgroupBarrier();
    var rank = 0u;
    var last = true;
    if (r != NONE) {
      for (var u = 0u; u < 256u; u = u + 1u) {
        if (chunk[u] == r) {
          if (u < t) {
            rank = rank + 1u;
          } else if (u > t) {
            last = false;
          }
        }
      }
      atomicStore(&scratch[order + atomicLoad(&scratch[cursors + r]) + rank], base + t);
    }
    storageBarrier();
    workgroupBarrier();
    if (r != NONE && last) {
      atomicAdd(&scratch[cursors + r], rank + 1u);
    }
    storageBarrier();
    workgroupBarrier();
  }
}
