// Fused attention backward, query side, per head h and query row i (attention.wgsl is the forward): with
// p_j = exp(q[i] · k[j] − logSumExp[i]) recomputed, the row delta D = Σ_c dOutput[i, c] · output[i, c] and
// dq[i] = Σ_j p_j · (dOutput[i] · v[j] − D) · k[j]. Writes dq and statistics[i] = (logSumExp[i], D), which
// attention_backward_key.wgsl reads for every query row.
// Shapes as attention.wgsl; output and dOutput [heads, tq, VALUE_DIM]. KEY_DIM, VALUE_DIM: pipeline constants.
// Registers: SwiftShader keeps a private array in registers only when every index is a literal; indexing it
// with a loop counter made every access a per-lane gather (3.5x slower), so the loops over a row's vec4s are
// written out, 16 of them, those past the row's width under constant conditions that compile away.
// Threading: one thread per query row, 64 a workgroup, no workgroup memory. Parameters: [0] query rows
// (heads · tq), [1] tq, [2] tk.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> q: array<vec4f>;
@group(0) @binding(2) var<storage, read> k: array<vec4f>;
@group(0) @binding(3) var<storage, read> v: array<vec4f>;
@group(0) @binding(4) var<storage, read> output: array<vec4f>;
@group(0) @binding(5) var<storage, read> logSumExp: array<f32>;
@group(0) @binding(6) var<storage, read> dOutput: array<vec4f>;
@group(0) @binding(7) var<storage, read_write> dq: array<vec4f>;
@group(0) @binding(8) var<storage, read_write> statistics: array<vec2f>;

const KEY_DIM: u32 = 64u;
const VALUE_DIM: u32 = 64u;
// A row's vec4s.
const KEY_CHUNKS: u32 = KEY_DIM / 4u;
const VALUE_CHUNKS: u32 = VALUE_DIM / 4u;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let row = gid.x + gid.y * groups.x * 64u;
  if (row >= p[0].x) {
    return;
  }
  let tk = p[0].z;
  let first = row / p[0].y * tk;
  let qRow = row * KEY_CHUNKS;
  var query: array<vec4f, 16>;
  query[0] = q[qRow + 0u];
  if (KEY_CHUNKS > 1u) { query[1] = q[qRow + 1u]; }
  if (KEY_CHUNKS > 2u) { query[2] = q[qRow + 2u]; }
  if (KEY_CHUNKS > 3u) { query[3] = q[qRow + 3u]; }
  if (KEY_CHUNKS > 4u) { query[4] = q[qRow + 4u]; }
  if (KEY_CHUNKS > 5u) { query[5] = q[qRow + 5u]; }
  if (KEY_CHUNKS > 6u) { query[6] = q[qRow + 6u]; }
  if (KEY_CHUNKS > 7u) { query[7] = q[qRow + 7u]; }
  if (KEY_CHUNKS > 8u) { query[8] = q[qRow + 8u]; }
  if (KEY_CHUNKS > 9u) { query[9] = q[qRow + 9u]; }
  if (KEY_CHUNKS > 10u) { query[10] = q[qRow + 10u]; }
  if (KEY_CHUNKS > 11u) { query[11] = q[qRow + 11u]; }
  if (KEY_CHUNKS > 12u) { query[12] = q[qRow + 12u]; }
  if (KEY_CHUNKS > 13u) { query[13] = q[qRow + 13u]; }
  if (KEY_CHUNKS > 14u) { query[14] = q[qRow + 14u]; }
  if (KEY_CHUNKS > 15u) { query[15] = q[qRow + 15u]; }
  let oRow = row * VALUE_CHUNKS;
  var upstream: array<vec4f, 16>;
  upstream[0] = dOutput[oRow + 0u];
  if (VALUE_CHUNKS > 1u) { upstream[1] = dOutput[oRow + 1u]; }
  if (VALUE_CHUNKS > 2u) { upstream[2] = dOutput[oRow + 2u]; }
  if (VALUE_CHUNKS > 3u) { upstream[3] = dOutput[oRow + 3u]; }
  if (VALUE_CHUNKS > 4u) { upstream[4] = dOutput[oRow + 4u]; }
  if (VALUE_CHUNKS > 5u) { upstream[5] = dOutput[oRow + 5u]; }
  if (VALUE_CHUNKS > 6u) { upstream[6] = dOutput[oRow + 6u]; }
  if (VALUE_CHUNKS > 7u) { upstream[7] = dOutput[oRow + 7u]; }
  if (VALUE_CHUNKS > 8u) { upstream[8] = dOutput[oRow + 8u]; }
  if (VALUE_CHUNKS > 9u) { upstream[9] = dOutput[oRow + 9u]; }
  if (VALUE_CHUNKS > 10u) { upstream[10] = dOutput[oRow + 10u]; }
  if (VALUE_CHUNKS > 11u) { upstream[11] = dOutput[oRow + 11u]; }
  if (VALUE_CHUNKS > 12u) { upstream[12] = dOutput[oRow + 12u]; }
  if (VALUE_CHUNKS > 13u) { upstream[13] = dOutput[oRow + 13u]; }
  if (VALUE_CHUNKS > 14u) { upstream[14] = dOutput[oRow + 14u]; }
  if (VALUE_CHUNKS > 15u) { upstream[15] = dOutput[oRow + 15u]; }
  var delta = 0.0;
  delta = delta + dot(upstream[0], output[oRow + 0u]);
  if (VALUE_CHUNKS > 1u) { delta = delta + dot(upstream[1], output[oRow + 1u]); }
  if (VALUE_CHUNKS > 2u) { delta = delta + dot(upstream[2], output[oRow + 2u]); }
  if (VALUE_CHUNKS > 3u) { delta = delta + dot(upstream[3], output[oRow + 3u]); }
  if (VALUE_CHUNKS > 4u) { delta = delta + dot(upstream[4], output[oRow + 4u]); }
  if (VALUE_CHUNKS > 5u) { delta = delta + dot(upstream[5], output[oRow + 5u]); }
  if (VALUE_CHUNKS > 6u) { delta = delta + dot(upstream[6], output[oRow + 6u]); }
  if (VALUE_CHUNKS > 7u) { delta = delta + dot(upstream[7], output[oRow + 7u]); }
  if (VALUE_CHUNKS > 8u) { delta = delta + dot(upstream[8], output[oRow + 8u]); }
  if (VALUE_CHUNKS > 9u) { delta = delta + dot(upstream[9], output[oRow + 9u]); }
  if (VALUE_CHUNKS > 10u) { delta = delta + dot(upstream[10], output[oRow + 10u]); }
  if (VALUE_CHUNKS > 11u) { delta = delta + dot(upstream[11], output[oRow + 11u]); }
  if (VALUE_CHUNKS > 12u) { delta = delta + dot(upstream[12], output[oRow + 12u]); }
  if (VALUE_CHUNKS > 13u) { delta = delta + dot(upstream[13], output[oRow + 13u]); }
  if (VALUE_CHUNKS > 14u) { delta = delta + dot(upstream[14], output[oRow + 14u]); }
  if (VALUE_CHUNKS > 15u) { delta = delta + dot(upstream[15], output[oRow + 15u]); }
  let rowLogSumExp = logSumExp[row];
  var gradient: array<vec4f, 16>;
  for (var j = 0u; j < tk; j = j + 1u) {
    let kRow = (first + j) * KEY_CHUNKS;
    let vRow = (first + j) * VALUE_CHUNKS;
    var score = 0.0;
    score = score + dot(query[0], k[kRow + 0u]);
    if (KEY_CHUNKS > 1u) { score = score + dot(query[1], k[kRow + 1u]); }
    if (KEY_CHUNKS > 2u) { score = score + dot(query[2], k[kRow + 2u]); }
    if (KEY_CHUNKS > 3u) { score = score + dot(query[3], k[kRow + 3u]); }
    if (KEY_CHUNKS > 4u) { score = score + dot(query[4], k[kRow + 4u]); }
    if (KEY_CHUNKS > 5u) { score = score + dot(query[5], k[kRow + 5u]); }
    if (KEY_CHUNKS > 6u) { score = score + dot(query[6], k[kRow + 6u]); }
    if (KEY_CHUNKS > 7u) { score = score + dot(query[7], k[kRow + 7u]); }
    if (KEY_CHUNKS > 8u) { score = score + dot(query[8], k[kRow + 8u]); }
    if (KEY_CHUNKS > 9u) { score = score + dot(query[9], k[kRow + 9u]); }
    if (KEY_CHUNKS > 10u) { score = score + dot(query[10], k[kRow + 10u]); }
    if (KEY_CHUNKS > 11u) { score = score + dot(query[11], k[kRow + 11u]); }
    if (KEY_CHUNKS > 12u) { score = score + dot(query[12], k[kRow + 12u]); }
    if (KEY_CHUNKS > 13u) { score = score + dot(query[13], k[kRow + 13u]); }
    if (KEY_CHUNKS > 14u) { score = score + dot(query[14], k[kRow + 14u]); }
    if (KEY_CHUNKS > 15u) { score = score + dot(query[15], k[kRow + 15u]); }
    var dProbability = 0.0;
    dProbability = dProbability + dot(upstream[0], v[vRow + 0u]);
    if (VALUE_CHUNKS > 1u) { dProbability = dProbability + dot(upstream[1], v[vRow + 1u]); }
    if (VALUE_CHUNKS > 2u) { dProbability = dProbability + dot(upstream[2], v[vRow + 2u]); }
    if (VALUE_CHUNKS > 3u) { dProbability = dProbability + dot(upstream[3], v[vRow + 3u]); }
    if (VALUE_CHUNKS > 4u) { dProbability = dProbability + dot(upstream[4], v[vRow + 4u]); }
    if (VALUE_CHUNKS > 5u) { dProbability = dProbability + dot(upstream[5], v[vRow + 5u]); }
    if (VALUE_CHUNKS > 6u) { dProbability = dProbability + dot(upstream[6], v[vRow + 6u]); }
    if (VALUE_CHUNKS > 7u) { dProbability = dProbability + dot(upstream[7], v[vRow + 7u]); }
    if (VALUE_CHUNKS > 8u) { dProbability = dProbability + dot(upstream[8], v[vRow + 8u]); }
    if (VALUE_CHUNKS > 9u) { dProbability = dProbability + dot(upstream[9], v[vRow + 9u]); }
    if (VALUE_CHUNKS > 10u) { dProbability = dProbability + dot(upstream[10], v[vRow + 10u]); }
    if (VALUE_CHUNKS > 11u) { dProbability = dProbability + dot(upstream[11], v[vRow + 11u]); }
    if (VALUE_CHUNKS > 12u) { dProbability = dProbability + dot(upstream[12], v[vRow + 12u]); }
    if (VALUE_CHUNKS > 13u) { dProbability = dProbability + dot(upstream[13], v[vRow + 13u]); }
    if (VALUE_CHUNKS > 14u) { dProbability = dProbability + dot(upstream[14], v[vRow + 14u]); }
    if (VALUE_CHUNKS > 15u) { dProbability = dProbability + dot(upstream[15], v[vRow + 15u]); }
    let dScore = exp(score - rowLogSumExp) * (dProbability - delta);
    gradient[0] = gradient[0] + dScore * k[kRow + 0u];
    if (KEY_CHUNKS > 1u) { gradient[1] = gradient[1] + dScore * k[kRow + 1u]; }
    if (KEY_CHUNKS > 2u) { gradient[2] = gradient[2] + dScore * k[kRow + 2u]; }
    if (KEY_CHUNKS > 3u) { gradient[3] = gradient[3] + dScore * k[kRow + 3u]; }
    if (KEY_CHUNKS > 4u) { gradient[4] = gradient[4] + dScore * k[kRow + 4u]; }
    if (KEY_CHUNKS > 5u) { gradient[5] = gradient[5] + dScore * k[kRow + 5u]; }
    if (KEY_CHUNKS > 6u) { gradient[6] = gradient[6] + dScore * k[kRow + 6u]; }
    if (KEY_CHUNKS > 7u) { gradient[7] = gradient[7] + dScore * k[kRow + 7u]; }
    if (KEY_CHUNKS > 8u) { gradient[8] = gradient[8] + dScore * k[kRow + 8u]; }
    if (KEY_CHUNKS > 9u) { gradient[9] = gradient[9] + dScore * k[kRow + 9u]; }
    if (KEY_CHUNKS > 10u) { gradient[10] = gradient[10] + dScore * k[kRow + 10u]; }
    if (KEY_CHUNKS > 11u) { gradient[11] = gradient[11] + dScore * k[kRow + 11u]; }
    if (KEY_CHUNKS > 12u) { gradient[12] = gradient[12] + dScore * k[kRow + 12u]; }
    if (KEY_CHUNKS > 13u) { gradient[13] = gradient[13] + dScore * k[kRow + 13u]; }
    if (KEY_CHUNKS > 14u) { gradient[14] = gradient[14] + dScore * k[kRow + 14u]; }
    if (KEY_CHUNKS > 15u) { gradient[15] = gradient[15] + dScore * k[kRow + 15u]; }
  }
  dq[qRow + 0u] = gradient[0];
  if (KEY_CHUNKS > 1u) { dq[qRow + 1u] = gradient[1]; }
  if (KEY_CHUNKS > 2u) { dq[qRow + 2u] = gradient[2]; }
  if (KEY_CHUNKS > 3u) { dq[qRow + 3u] = gradient[3]; }
  if (KEY_CHUNKS > 4u) { dq[qRow + 4u] = gradient[4]; }
  if (KEY_CHUNKS > 5u) { dq[qRow + 5u] = gradient[5]; }
  if (KEY_CHUNKS > 6u) { dq[qRow + 6u] = gradient[6]; }
  if (KEY_CHUNKS > 7u) { dq[qRow + 7u] = gradient[7]; }
  if (KEY_CHUNKS > 8u) { dq[qRow + 8u] = gradient[8]; }
  if (KEY_CHUNKS > 9u) { dq[qRow + 9u] = gradient[9]; }
  if (KEY_CHUNKS > 10u) { dq[qRow + 10u] = gradient[10]; }
  if (KEY_CHUNKS > 11u) { dq[qRow + 11u] = gradient[11]; }
  if (KEY_CHUNKS > 12u) { dq[qRow + 12u] = gradient[12]; }
  if (KEY_CHUNKS > 13u) { dq[qRow + 13u] = gradient[13]; }
  if (KEY_CHUNKS > 14u) { dq[qRow + 14u] = gradient[14]; }
  if (KEY_CHUNKS > 15u) { dq[qRow + 15u] = gradient[15]; }
  statistics[row] = vec2f(rowLogSumExp, delta);
}
