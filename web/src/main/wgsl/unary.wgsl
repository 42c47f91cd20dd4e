// out = op(x) element by element. OP (UnaryOp's order) is a constant set per pipeline by ElementwiseOps: a
// run-time switch over every op ran several times slower under SwiftShader (see binary.wgsl).
// Parameters: [0] count, [1] the op's parameter as f32 bits (leaky ReLU's slope).
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;

const OP: u32 = 0u;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

// erf from Numerical Recipes' erfc fit, as the CPU backend computes it.
fn erf(v: f32) -> f32 {
  let t = 1.0 / (1.0 + 0.5 * abs(v));
  let y = t * exp(-v * v - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
      + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
      + t * (-0.82215223 + t * 0.17087277)))))))));
  return select(y - 1.0, 1.0 - y, v >= 0.0);
}

fn apply(v: f32, parameter: f32) -> f32 {
  switch OP {
    case 0u: { return max(v, 0.0); }
    case 1u: { return select(parameter * v, v, v > 0.0); }
    case 2u: { return 1.0 / (1.0 + exp(-v)); }
    // tanh is exactly +-1 in float32 beyond 9; clamping keeps exp-based implementations from overflowing.
    case 3u: { return tanh(clamp(v, -9.0, 9.0)); }
    case 4u: { return 0.5 * v * (1.0 + erf(v * 0.70710678118654752)); }
    case 5u: { return exp(v); }
    case 6u: { return log(v); }
    case 7u: { return sqrt(v); }
    case 8u: { return abs(v); }
    case 9u: { return -v; }
    default: { return v * v; }
  }
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(0u)) {
    return;
  }
  result[i] = apply(x[i], bitcast<f32>(param(1u)));
}
