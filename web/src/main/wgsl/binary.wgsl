// out = op(a, b) element by element, broadcasting NumPy style (rank <= 6).
// Parameters: [0] op (0 add, 1 subtract, 2 multiply, 3 divide), [1] rank, [2] count,
// [3] mode (0 same shapes, 1 b is one value, 2 broadcast), [4..9] out dims, [10..15] a strides,
// [16..21] b strides (0 along broadcast dimensions).
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> result: array<f32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

fn apply(op: u32, x: f32, y: f32) -> f32 {
  switch op {
    case 0u: { return x + y; }
    case 1u: { return x - y; }
    case 2u: { return x * y; }
    default: { return x / y; }
  }
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(2u)) {
    return;
  }
  let op = param(0u);
  let mode = param(3u);
  if (mode == 0u) {
    result[i] = apply(op, a[i], b[i]);
    return;
  }
  if (mode == 1u) {
    result[i] = apply(op, a[i], b[0]);
    return;
  }
  let rank = param(1u);
  var rest = i;
  var ai = 0u;
  var bi = 0u;
  for (var d = 0u; d < rank; d = d + 1u) {
    let axis = rank - 1u - d;
    let dim = param(4u + axis);
    let c = rest % dim;
    rest = rest / dim;
    ai = ai + c * param(10u + axis);
    bi = bi + c * param(16u + axis);
  }
  result[i] = apply(op, a[ai], b[bi]);
}
