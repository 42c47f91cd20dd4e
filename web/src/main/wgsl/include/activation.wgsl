// Shared by the kernels with a fused epilogue (matmul.wgsl, conv2d.wgsl): the element-wise activations of
// Backend.dense and Backend.conv2dBiasActivation, computed as unary.wgsl computes them. `code`: 0 none,
// 1 relu, 2 leaky relu (slope `slope`), 3 sigmoid, 4 tanh.
fn activate(v: f32, code: u32, slope: f32) -> f32 {
  switch code {
    case 1u: { return max(v, 0.0); }
    case 2u: { return select(slope * v, v, v > 0.0); }
    case 3u: { return 1.0 / (1.0 + exp(-v)); }
    case 4u: { return tanh(clamp(v, -9.0, 9.0)); }
    default: { return v; }
  }
}
