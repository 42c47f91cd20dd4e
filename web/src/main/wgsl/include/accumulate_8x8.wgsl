// Shared by the kernels whose threads compute 8 × 8 blocks (matmul.wgsl, conv2d.wgsl,
// conv2d_backward_input.wgsl): adds the outer product of rows (a0, a1) and columns (b0, b1) to the block,
// acc[i] holding row i's columns b0 (i < 8) and acc[8 + i] row i's columns b1; 64 multiply-adds.
fn accumulate8x8(acc: ptr<function, array<vec4f, 16>>, a0: vec4f, a1: vec4f, b0: vec4f, b1: vec4f) {
  (*acc)[0] = (*acc)[0] + a0.x * b0;
  (*acc)[1] = (*acc)[1] + a0.y * b0;
  (*acc)[2] = (*acc)[2] + a0.z * b0;
  (*acc)[3] = (*acc)[3] + a0.w * b0;
  (*acc)[4] = (*acc)[4] + a1.x * b0;
  (*acc)[5] = (*acc)[5] + a1.y * b0;
  (*acc)[6] = (*acc)[6] + a1.z * b0;
  (*acc)[7] = (*acc)[7] + a1.w * b0;
  (*acc)[8] = (*acc)[8] + a0.x * b1;
  (*acc)[9] = (*acc)[9] + a0.y * b1;
  (*acc)[10] = (*acc)[10] + a0.z * b1;
  (*acc)[11] = (*acc)[11] + a0.w * b1;
  (*acc)[12] = (*acc)[12] + a1.x * b1;
  (*acc)[13] = (*acc)[13] + a1.y * b1;
  (*acc)[14] = (*acc)[14] + a1.z * b1;
  (*acc)[15] = (*acc)[15] + a1.w * b1;
}
