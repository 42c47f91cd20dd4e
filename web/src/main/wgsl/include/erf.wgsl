// Shared by the unary kernels: erf from Numerical Recipes' erfc fit, as the CPU backend computes it.
fn erf(v: f32) -> f32 {
  let t = 1.0 / (1.0 + 0.5 * abs(v));
  let y = t * exp(-v * v - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
      + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
      + t * (-0.82215223 + t * 0.17087277)))))))));
  return select(y - 1.0, 1.0 - y, v >= 0.0);
}
