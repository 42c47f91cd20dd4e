// Shared by unary.wgsl and unary_vec4.wgsl: op(v) for the kernel's constant OP (UnaryOp's order), as the CPU
// backend computes it; needs include/erf.wgsl.
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
