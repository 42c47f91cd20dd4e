// output[rows, cols] = activation(input[rows, inner] x kernel[inner, cols] + bias[cols])
// Each 16x16 workgroup computes one 16x16 output tile, staging both operands through workgroup memory.

struct Dims {
  rows: u32,
  inner: u32,
  cols: u32,
  activation: u32, // 0 = linear, 1 = relu
}

@group(0) @binding(0) var<uniform> dims: Dims;
@group(0) @binding(1) var<storage, read> input: array<f32>;
@group(0) @binding(2) var<storage, read> kernel: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> output: array<f32>;

const TILE: u32 = 16u;
var<workgroup> inputTile: array<array<f32, 16>, 16>;
var<workgroup> kernelTile: array<array<f32, 16>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(global_invocation_id) global: vec3u, @builtin(local_invocation_id) local: vec3u) {
  let row = global.y;
  let col = global.x;
  var sum = 0.0;
  let tiles = (dims.inner + TILE - 1u) / TILE;
  for (var t = 0u; t < tiles; t = t + 1u) {
    let inputCol = t * TILE + local.x;
    let kernelRow = t * TILE + local.y;
    var a = 0.0;
    if (row < dims.rows && inputCol < dims.inner) {
      a = input[row * dims.inner + inputCol];
    }
    var b = 0.0;
    if (kernelRow < dims.inner && col < dims.cols) {
      b = kernel[kernelRow * dims.cols + col];
    }
    inputTile[local.y][local.x] = a;
    kernelTile[local.y][local.x] = b;
    workgroupBarrier();
    for (var k = 0u; k < TILE; k = k + 1u) {
      sum = sum + inputTile[local.y][k] * kernelTile[k][local.x];
    }
    workgroupBarrier();
  }
  if (row < dims.rows && col < dims.cols) {
    var value = bias[col] + sum;
    if (dims.activation == 1u) {
      value = max(value, 0.0);
    }
    output[row * dims.cols + col] = value;
  }
}
