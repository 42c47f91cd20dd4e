// Copies a strided view of x into a strided view of result: for every coordinate c of the copied block
// (dims[0..rank)), result[outBase + sum c[d] * outStrides[d]] = x[inBase + sum c[d] * inStrides[d]].
// One kernel serves transpose (input strides permuted), slice (an input offset) and concatenate (one copy per
// part, each at its output offset). One thread per copied value, rank <= 6.
// Parameters: [0] rank, [1] count, [2] inBase, [3] outBase, [4..9] dims, [10..15] input strides,
// [16..21] output strides.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(1u)) {
    return;
  }
  let rank = param(0u);
  var rest = i;
  var source = param(2u);
  var destination = param(3u);
  for (var d = 0u; d < rank; d = d + 1u) {
    let axis = rank - 1u - d;
    let dim = param(4u + axis);
    let c = rest % dim;
    rest = rest / dim;
    source = source + c * param(10u + axis);
    destination = destination + c * param(16u + axis);
  }
  result[destination] = x[source];
}
