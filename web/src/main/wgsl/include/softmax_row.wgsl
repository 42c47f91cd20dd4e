// Shared by the one-thread-per-row softmax kernels (softmax.wgsl, softmax_cross_entropy*.wgsl): returns the
// maximum of the row of `width` values of the kernel's `logits` binding starting at `base`, and Σ exp(x − max)
// over the row. Subtracting the maximum keeps exp from overflowing.
fn rowStatistics(base: u32, width: u32) -> vec2f {
  var rowMax = -3.4028234e38f;
  for (var c = 0u; c < width; c = c + 1u) {
    rowMax = max(rowMax, logits[base + c]);
  }
  var sum = 0.0;
  for (var c = 0u; c < width; c = c + 1u) {
    sum = sum + exp(logits[base + c] - rowMax);
  }
  return vec2f(rowMax, sum);
}
