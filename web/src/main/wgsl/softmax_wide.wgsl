// result = softmax(x) (or log softmax when flagged) over each row of length width, for long rows: the row's
// maximum is subtracted before exponentiating, and log softmax is x - max - log(sum exp(x - max)).
// Threading: 32 lanes per row, 8 rows per 256-thread workgroup (numbered x + y * groups.x when there are
// many); a row's lanes stride over it and combine their maxima and sums by a tree in workgroup memory. Under
// SwiftShader barriers cost in proportion to the lanes that meet at them: rows of 1000 ran 13x faster with 16
// lanes than with a whole workgroup (bench/gpu-kernels.mjs); on a GPU 32 lanes are one warp.
// Parameters: [0] rows, [1] width, [2] log (1) or not (0).
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;

const LANES: u32 = 32u;
var<workgroup> partial: array<f32, 256>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

// Combines the lanes' values in partial (max or sum) and returns the row's result to all its lanes.
fn combine(t: u32, lane: u32, isMax: bool) -> f32 {
  for (var stride = LANES / 2u; stride > 0u; stride = stride / 2u) {
    if (lane < stride) {
      if (isMax) {
        partial[t] = max(partial[t], partial[t + stride]);
      } else {
        partial[t] = partial[t] + partial[t + stride];
      }
    }
    workgroupBarrier();
  }
  let value = partial[t - lane];
  workgroupBarrier();
  return value;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u,
        @builtin(local_invocation_index) t: u32) {
  let rows = param(0u);
  let width = param(1u);
  let lane = t % LANES;
  let row = (group.x + group.y * groups.x) * (256u / LANES) + t / LANES;
  let live = row < rows;
  let base = row * width;
  var rowMax = -3.4028234e38f;
  if (live) {
    for (var c = lane; c < width; c = c + LANES) {
      rowMax = max(rowMax, x[base + c]);
    }
  }
  partial[t] = rowMax;
  workgroupBarrier();
  rowMax = combine(t, lane, true);
  var sum = 0.0;
  if (live) {
    for (var c = lane; c < width; c = c + LANES) {
      sum = sum + exp(x[base + c] - rowMax);
    }
  }
  partial[t] = sum;
  workgroupBarrier();
  sum = combine(t, lane, false);
  if (live) {
    let logSum = log(sum);
    for (var c = lane; c < width; c = c + LANES) {
      let shifted = x[base + c] - rowMax;
      result[base + c] = select(exp(shifted) / sum, shifted - logSum, param(2u) == 1u);
    }
  }
}
