// Shared by unary_backward.wgsl and unary_backward_vec4.wgsl: op'(v) for the kernel's constant OP, from v or
// out = op(v), whichever the CPU backend uses; needs include/erf.wgsl.
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
