// Backend.dropoutMask: value i is 0 where the i-th SplitMix64 nextFloat drawn from the state is below the
// rate, and the kept scale 1 / (1 - rate) elsewhere, bit for bit as RandomGenerator draws it on the host.
// SplitMix64's i-th draw (from 0) is mix(state + (i + 1) * GAMMA), so every thread draws its value alone.
// WGSL has no 64-bit integers: a u64 here is a vec2u, x the low word and y the high one.
// Parameters: [0] count, [1] rate as f32 bits, [2] the kept scale as f32 bits (divided on the host, as the
// CPU backend divides, so both round it alike). Binding 1: the state as two u32 words, low first.
// One thread per value, 256-thread groups, 2-D split.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> state: array<u32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;

const GAMMA = vec2u(0x7F4A7C15u, 0x9E3779B9u);
const MIX1 = vec2u(0x1CE4E5B9u, 0xBF58476Du);
const MIX2 = vec2u(0x133111EBu, 0x94D049BBu);

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

fn add64(a: vec2u, b: vec2u) -> vec2u {
  let low = a.x + b.x;
  return vec2u(low, a.y + b.y + select(0u, 1u, low < a.x));
}

// The whole 64-bit product of two u32, from four 16 x 16-bit products, none of which overflows a u32.
fn wideMul(a: u32, b: u32) -> vec2u {
  let a0 = a & 0xffffu;
  let a1 = a >> 16u;
  let b0 = b & 0xffffu;
  let b1 = b >> 16u;
  let p00 = a0 * b0;
  let p01 = a0 * b1;
  let p10 = a1 * b0;
  let middle = (p00 >> 16u) + (p01 & 0xffffu) + (p10 & 0xffffu);
  return vec2u((middle << 16u) | (p00 & 0xffffu), a1 * b1 + (p01 >> 16u) + (p10 >> 16u) + (middle >> 16u));
}

// The low 64 bits of a 64 x 64-bit product (Java's long multiply): the products with a high word reach only
// the high word, and there only their low halves, which u32 multiplication keeps.
fn mul64(a: vec2u, b: vec2u) -> vec2u {
  let low = wideMul(a.x, b.x);
  return vec2u(low.x, low.y + a.x * b.y + a.y * b.x);
}

// v ^ (v >>> k) for 0 < k < 32.
fn xorShift(v: vec2u, k: u32) -> vec2u {
  return vec2u(v.x ^ ((v.x >> k) | (v.y << (32u - k))), v.y ^ (v.y >> k));
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(0u)) {
    return;
  }
  var z = add64(vec2u(state[0], state[1]), mul64(vec2u(i + 1u, 0u), GAMMA));
  z = mul64(xorShift(z, 30u), MIX1);
  z = mul64(xorShift(z, 27u), MIX2);
  z = xorShift(z, 31u);
  // nextFloat: the top 24 bits times 2^-24, exact in f32.
  let u = f32(z.y >> 8u) * (1.0 / 16777216.0);
  result[i] = select(bitcast<f32>(param(2u)), 0.0, u < bitcast<f32>(param(1u)));
}
