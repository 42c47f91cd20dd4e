// Shared by binary.wgsl and binary_vec4.wgsl: op(x, y) for the kernel's constant OP (0 add, 1 subtract,
// 2 multiply, 3 divide).
fn apply(x: f32, y: f32) -> f32 {
  switch OP {
    case 0u: { return x + y; }
    case 1u: { return x - y; }
    case 2u: { return x * y; }
    default: { return x / y; }
  }
}
