// dx = dy * op'(x), using whichever of x and y = op(x) gives the cheaper formula, as the CPU backend.
// OP (UnaryOp's order) is a constant set per pipeline by ElementwiseOps (see unary.wgsl).
// Parameters: [0] count, [1] the op's parameter as f32 bits.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> y: array<f32>;
@group(0) @binding(3) var<storage, read> dy: array<f32>;
@group(0) @binding(4) var<storage, read_write> result: array<f32>;

const OP: u32 = 0u;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

fn erf(v: f32) -> f32 {
  let t = 1.0 / (1.0 + 0.5 * abs(v));
  let e = t * exp(-v * v - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
      + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
      + t * (-0.82215223 + t * 0.17087277)))))))));
  return select(e - 1.0, 1.0 - e, v >= 0.0);
}

fn derivative(v: f32, out: f32, parameter: f32) -> f32 {
  switch OP {
    case 0u: { return select(0.0, 1.0, v > 0.0); }
    case 1u: { return select(parameter, 1.0, v > 0.0); }
    case 2u: { return out * (1.0 - out); }
    case 3u: { return 1.0 - out * out; }
    case 4u: { return 0.5 * (1.0 + erf(v * 0.70710678118654752)) + v * 0.3989422804014327 * exp(-0.5 * v * v); }
    case 5u: { return out; }
    case 6u: { return 1.0 / v; }
    case 7u: { return 0.5 / out; }
    case 8u: { return select(select(0.0, -1.0, v < 0.0), 1.0, v > 0.0); }
    case 9u: { return -1.0; }
    default: { return 2.0 * v; }
  }
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(0u)) {
    return;
  }
  result[i] = dy[i] * derivative(x[i], y[i], bitcast<f32>(param(1u)));
}
