// result = softmax(x) (or log softmax when flagged) over each row of length width: the row's maximum is
// subtracted before exponentiating, and log softmax is x - max - log(sum exp(x - max)), never log(softmax).
// Threading: each 256-thread workgroup holds 256 / lanes rows; the `lanes` threads of a row (a power of two,
// about the row length, at most 256) stride over it and combine their maxima and sums by a tree in workgroup
// memory. Workgroups are numbered x + y * groups.x (a second dimension when there are many rows).
// Parameters: [0] rows, [1] width, [2] log (1) or not (0), [3] lanes.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;

var<workgroup> partial: array<f32, 256>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

// Combines the lanes' values in partial (max or sum) and returns the row's result to all its lanes.
fn combine(t: u32, lane: u32, lanes: u32, isMax: bool) -> f32 {
  for (var stride = lanes / 2u; stride > 0u; stride = stride / 2u) {
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
  let lanes = param(3u);
  let lane = t % lanes;
  let row = (group.x + group.y * groups.x) * (256u / lanes) + t / lanes;
  let live = row < rows;
  let base = row * width;
  var rowMax = -3.4028234e38f;
  if (live) {
    for (var c = lane; c < width; c = c + lanes) {
      rowMax = max(rowMax, x[base + c]);
    }
  }
  partial[t] = rowMax;
  workgroupBarrier();
  rowMax = combine(t, lane, lanes, true);
  var sum = 0.0;
  if (live) {
    for (var c = lane; c < width; c = c + lanes) {
      sum = sum + exp(x[base + c] - rowMax);
    }
  }
  partial[t] = sum;
  workgroupBarrier();
  sum = combine(t, lane, lanes, false);
  if (live) {
    let logSum = log(sum);
    for (var c = lane; c < width; c = c + lanes) {
      let shifted = x[base + c] - rowMax;
      result[base + c] = select(exp(shifted) / sum, shifted - logSum, param(2u) == 1u);
    }
  }
}
