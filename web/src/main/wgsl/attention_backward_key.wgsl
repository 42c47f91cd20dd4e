// Fused attention backward, key side, per head h and key row j (attention.wgsl is the forward): with
// p_i = exp(q[i] · k[j] − logSumExp[i]) recomputed for every query row i, dv[j] = Σ_i p_i · dOutput[i] and
// dk[j] = Σ_i p_i · (dOutput[i] · v[j] − D[i]) · q[i], reading statistics[i] = (logSumExp[i], D[i]) from
// attention_backward_query.wgsl.
// Shapes as attention.wgsl; dOutput [heads, tq, VALUE_DIM]. KEY_DIM, VALUE_DIM: pipeline constants.
// Registers: SwiftShader keeps a private array in registers only when every index is a literal; indexing it
// with a loop counter made every access a per-lane gather (3.5x slower), so the loops over a row's vec4s are
// written out, 16 of them, those past the row's width under constant conditions that compile away.
// Threading: one thread per key row, 64 a workgroup, no workgroup memory. Parameters: [0] key rows
// (heads · tk), [1] tq, [2] tk.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> q: array<vec4f>;
@group(0) @binding(2) var<storage, read> k: array<vec4f>;
@group(0) @binding(3) var<storage, read> v: array<vec4f>;
@group(0) @binding(4) var<storage, read> dOutput: array<vec4f>;
@group(0) @binding(5) var<storage, read> statistics: array<vec2f>;
@group(0) @binding(6) var<storage, read_write> dk: array<vec4f>;
@group(0) @binding(7) var<storage, read_write> dv: array<vec4f>;

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
  let tq = p[0].y;
  let first = row / p[0].z * tq;
  let kRow = row * KEY_CHUNKS;
  var key: array<vec4f, 16>;
  key[0] = k[kRow + 0u];
  if (KEY_CHUNKS > 1u) { key[1] = k[kRow + 1u]; }
  if (KEY_CHUNKS > 2u) { key[2] = k[kRow + 2u]; }
  if (KEY_CHUNKS > 3u) { key[3] = k[kRow + 3u]; }
  if (KEY_CHUNKS > 4u) { key[4] = k[kRow + 4u]; }
  if (KEY_CHUNKS > 5u) { key[5] = k[kRow + 5u]; }
  if (KEY_CHUNKS > 6u) { key[6] = k[kRow + 6u]; }
  if (KEY_CHUNKS > 7u) { key[7] = k[kRow + 7u]; }
  if (KEY_CHUNKS > 8u) { key[8] = k[kRow + 8u]; }
  if (KEY_CHUNKS > 9u) { key[9] = k[kRow + 9u]; }
  if (KEY_CHUNKS > 10u) { key[10] = k[kRow + 10u]; }
  if (KEY_CHUNKS > 11u) { key[11] = k[kRow + 11u]; }
  if (KEY_CHUNKS > 12u) { key[12] = k[kRow + 12u]; }
  if (KEY_CHUNKS > 13u) { key[13] = k[kRow + 13u]; }
  if (KEY_CHUNKS > 14u) { key[14] = k[kRow + 14u]; }
  if (KEY_CHUNKS > 15u) { key[15] = k[kRow + 15u]; }
  let vRow = row * VALUE_CHUNKS;
  var value: array<vec4f, 16>;
  value[0] = v[vRow + 0u];
  if (VALUE_CHUNKS > 1u) { value[1] = v[vRow + 1u]; }
  if (VALUE_CHUNKS > 2u) { value[2] = v[vRow + 2u]; }
  if (VALUE_CHUNKS > 3u) { value[3] = v[vRow + 3u]; }
  if (VALUE_CHUNKS > 4u) { value[4] = v[vRow + 4u]; }
  if (VALUE_CHUNKS > 5u) { value[5] = v[vRow + 5u]; }
  if (VALUE_CHUNKS > 6u) { value[6] = v[vRow + 6u]; }
  if (VALUE_CHUNKS > 7u) { value[7] = v[vRow + 7u]; }
  if (VALUE_CHUNKS > 8u) { value[8] = v[vRow + 8u]; }
  if (VALUE_CHUNKS > 9u) { value[9] = v[vRow + 9u]; }
  if (VALUE_CHUNKS > 10u) { value[10] = v[vRow + 10u]; }
  if (VALUE_CHUNKS > 11u) { value[11] = v[vRow + 11u]; }
  if (VALUE_CHUNKS > 12u) { value[12] = v[vRow + 12u]; }
  if (VALUE_CHUNKS > 13u) { value[13] = v[vRow + 13u]; }
  if (VALUE_CHUNKS > 14u) { value[14] = v[vRow + 14u]; }
  if (VALUE_CHUNKS > 15u) { value[15] = v[vRow + 15u]; }
  var keyGradient: array<vec4f, 16>;
  var valueGradient: array<vec4f, 16>;
  for (var i = 0u; i < tq; i = i + 1u) {
    let qRow = (first + i) * KEY_CHUNKS;
    let oRow = (first + i) * VALUE_CHUNKS;
    var score = 0.0;
    score = score + dot(key[0], q[qRow + 0u]);
    if (KEY_CHUNKS > 1u) { score = score + dot(key[1], q[qRow + 1u]); }
    if (KEY_CHUNKS > 2u) { score = score + dot(key[2], q[qRow + 2u]); }
    if (KEY_CHUNKS > 3u) { score = score + dot(key[3], q[qRow + 3u]); }
    if (KEY_CHUNKS > 4u) { score = score + dot(key[4], q[qRow + 4u]); }
    if (KEY_CHUNKS > 5u) { score = score + dot(key[5], q[qRow + 5u]); }
    if (KEY_CHUNKS > 6u) { score = score + dot(key[6], q[qRow + 6u]); }
    if (KEY_CHUNKS > 7u) { score = score + dot(key[7], q[qRow + 7u]); }
    if (KEY_CHUNKS > 8u) { score = score + dot(key[8], q[qRow + 8u]); }
    if (KEY_CHUNKS > 9u) { score = score + dot(key[9], q[qRow + 9u]); }
    if (KEY_CHUNKS > 10u) { score = score + dot(key[10], q[qRow + 10u]); }
    if (KEY_CHUNKS > 11u) { score = score + dot(key[11], q[qRow + 11u]); }
    if (KEY_CHUNKS > 12u) { score = score + dot(key[12], q[qRow + 12u]); }
    if (KEY_CHUNKS > 13u) { score = score + dot(key[13], q[qRow + 13u]); }
    if (KEY_CHUNKS > 14u) { score = score + dot(key[14], q[qRow + 14u]); }
    if (KEY_CHUNKS > 15u) { score = score + dot(key[15], q[qRow + 15u]); }
    let rowStatistics = statistics[first + i];
    let probability = exp(score - rowStatistics.x);
    var dProbability = 0.0;
    dProbability = dProbability + dot(value[0], dOutput[oRow + 0u]);
    if (VALUE_CHUNKS > 1u) { dProbability = dProbability + dot(value[1], dOutput[oRow + 1u]); }
    if (VALUE_CHUNKS > 2u) { dProbability = dProbability + dot(value[2], dOutput[oRow + 2u]); }
    if (VALUE_CHUNKS > 3u) { dProbability = dProbability + dot(value[3], dOutput[oRow + 3u]); }
    if (VALUE_CHUNKS > 4u) { dProbability = dProbability + dot(value[4], dOutput[oRow + 4u]); }
    if (VALUE_CHUNKS > 5u) { dProbability = dProbability + dot(value[5], dOutput[oRow + 5u]); }
    if (VALUE_CHUNKS > 6u) { dProbability = dProbability + dot(value[6], dOutput[oRow + 6u]); }
    if (VALUE_CHUNKS > 7u) { dProbability = dProbability + dot(value[7], dOutput[oRow + 7u]); }
    if (VALUE_CHUNKS > 8u) { dProbability = dProbability + dot(value[8], dOutput[oRow + 8u]); }
    if (VALUE_CHUNKS > 9u) { dProbability = dProbability + dot(value[9], dOutput[oRow + 9u]); }
    if (VALUE_CHUNKS > 10u) { dProbability = dProbability + dot(value[10], dOutput[oRow + 10u]); }
    if (VALUE_CHUNKS > 11u) { dProbability = dProbability + dot(value[11], dOutput[oRow + 11u]); }
    if (VALUE_CHUNKS > 12u) { dProbability = dProbability + dot(value[12], dOutput[oRow + 12u]); }
    if (VALUE_CHUNKS > 13u) { dProbability = dProbability + dot(value[13], dOutput[oRow + 13u]); }
    if (VALUE_CHUNKS > 14u) { dProbability = dProbability + dot(value[14], dOutput[oRow + 14u]); }
    if (VALUE_CHUNKS > 15u) { dProbability = dProbability + dot(value[15], dOutput[oRow + 15u]); }
    valueGradient[0] = valueGradient[0] + probability * dOutput[oRow + 0u];
    if (VALUE_CHUNKS > 1u) { valueGradient[1] = valueGradient[1] + probability * dOutput[oRow + 1u]; }
    if (VALUE_CHUNKS > 2u) { valueGradient[2] = valueGradient[2] + probability * dOutput[oRow + 2u]; }
    if (VALUE_CHUNKS > 3u) { valueGradient[3] = valueGradient[3] + probability * dOutput[oRow + 3u]; }
    if (VALUE_CHUNKS > 4u) { valueGradient[4] = valueGradient[4] + probability * dOutput[oRow + 4u]; }
    if (VALUE_CHUNKS > 5u) { valueGradient[5] = valueGradient[5] + probability * dOutput[oRow + 5u]; }
    if (VALUE_CHUNKS > 6u) { valueGradient[6] = valueGradient[6] + probability * dOutput[oRow + 6u]; }
    if (VALUE_CHUNKS > 7u) { valueGradient[7] = valueGradient[7] + probability * dOutput[oRow + 7u]; }
    if (VALUE_CHUNKS > 8u) { valueGradient[8] = valueGradient[8] + probability * dOutput[oRow + 8u]; }
    if (VALUE_CHUNKS > 9u) { valueGradient[9] = valueGradient[9] + probability * dOutput[oRow + 9u]; }
    if (VALUE_CHUNKS > 10u) { valueGradient[10] = valueGradient[10] + probability * dOutput[oRow + 10u]; }
    if (VALUE_CHUNKS > 11u) { valueGradient[11] = valueGradient[11] + probability * dOutput[oRow + 11u]; }
    if (VALUE_CHUNKS > 12u) { valueGradient[12] = valueGradient[12] + probability * dOutput[oRow + 12u]; }
    if (VALUE_CHUNKS > 13u) { valueGradient[13] = valueGradient[13] + probability * dOutput[oRow + 13u]; }
    if (VALUE_CHUNKS > 14u) { valueGradient[14] = valueGradient[14] + probability * dOutput[oRow + 14u]; }
    if (VALUE_CHUNKS > 15u) { valueGradient[15] = valueGradient[15] + probability * dOutput[oRow + 15u]; }
    let dScore = probability * (dProbability - rowStatistics.y);
    keyGradient[0] = keyGradient[0] + dScore * q[qRow + 0u];
    if (KEY_CHUNKS > 1u) { keyGradient[1] = keyGradient[1] + dScore * q[qRow + 1u]; }
    if (KEY_CHUNKS > 2u) { keyGradient[2] = keyGradient[2] + dScore * q[qRow + 2u]; }
    if (KEY_CHUNKS > 3u) { keyGradient[3] = keyGradient[3] + dScore * q[qRow + 3u]; }
    if (KEY_CHUNKS > 4u) { keyGradient[4] = keyGradient[4] + dScore * q[qRow + 4u]; }
    if (KEY_CHUNKS > 5u) { keyGradient[5] = keyGradient[5] + dScore * q[qRow + 5u]; }
    if (KEY_CHUNKS > 6u) { keyGradient[6] = keyGradient[6] + dScore * q[qRow + 6u]; }
    if (KEY_CHUNKS > 7u) { keyGradient[7] = keyGradient[7] + dScore * q[qRow + 7u]; }
    if (KEY_CHUNKS > 8u) { keyGradient[8] = keyGradient[8] + dScore * q[qRow + 8u]; }
    if (KEY_CHUNKS > 9u) { keyGradient[9] = keyGradient[9] + dScore * q[qRow + 9u]; }
    if (KEY_CHUNKS > 10u) { keyGradient[10] = keyGradient[10] + dScore * q[qRow + 10u]; }
    if (KEY_CHUNKS > 11u) { keyGradient[11] = keyGradient[11] + dScore * q[qRow + 11u]; }
    if (KEY_CHUNKS > 12u) { keyGradient[12] = keyGradient[12] + dScore * q[qRow + 12u]; }
    if (KEY_CHUNKS > 13u) { keyGradient[13] = keyGradient[13] + dScore * q[qRow + 13u]; }
    if (KEY_CHUNKS > 14u) { keyGradient[14] = keyGradient[14] + dScore * q[qRow + 14u]; }
    if (KEY_CHUNKS > 15u) { keyGradient[15] = keyGradient[15] + dScore * q[qRow + 15u]; }
  }
  dk[kRow + 0u] = keyGradient[0];
  if (KEY_CHUNKS > 1u) { dk[kRow + 1u] = keyGradient[1]; }
  if (KEY_CHUNKS > 2u) { dk[kRow + 2u] = keyGradient[2]; }
  if (KEY_CHUNKS > 3u) { dk[kRow + 3u] = keyGradient[3]; }
  if (KEY_CHUNKS > 4u) { dk[kRow + 4u] = keyGradient[4]; }
  if (KEY_CHUNKS > 5u) { dk[kRow + 5u] = keyGradient[5]; }
  if (KEY_CHUNKS > 6u) { dk[kRow + 6u] = keyGradient[6]; }
  if (KEY_CHUNKS > 7u) { dk[kRow + 7u] = keyGradient[7]; }
  if (KEY_CHUNKS > 8u) { dk[kRow + 8u] = keyGradient[8]; }
  if (KEY_CHUNKS > 9u) { dk[kRow + 9u] = keyGradient[9]; }
  if (KEY_CHUNKS > 10u) { dk[kRow + 10u] = keyGradient[10]; }
  if (KEY_CHUNKS > 11u) { dk[kRow + 11u] = keyGradient[11]; }
  if (KEY_CHUNKS > 12u) { dk[kRow + 12u] = keyGradient[12]; }
  if (KEY_CHUNKS > 13u) { dk[kRow + 13u] = keyGradient[13]; }
  if (KEY_CHUNKS > 14u) { dk[kRow + 14u] = keyGradient[14]; }
  if (KEY_CHUNKS > 15u) { dk[kRow + 15u] = keyGradient[15]; }
  dv[vRow + 0u] = valueGradient[0];
  if (VALUE_CHUNKS > 1u) { dv[vRow + 1u] = valueGradient[1]; }
  if (VALUE_CHUNKS > 2u) { dv[vRow + 2u] = valueGradient[2]; }
  if (VALUE_CHUNKS > 3u) { dv[vRow + 3u] = valueGradient[3]; }
  if (VALUE_CHUNKS > 4u) { dv[vRow + 4u] = valueGradient[4]; }
  if (VALUE_CHUNKS > 5u) { dv[vRow + 5u] = valueGradient[5]; }
  if (VALUE_CHUNKS > 6u) { dv[vRow + 6u] = valueGradient[6]; }
  if (VALUE_CHUNKS > 7u) { dv[vRow + 7u] = valueGradient[7]; }
  if (VALUE_CHUNKS > 8u) { dv[vRow + 8u] = valueGradient[8]; }
  if (VALUE_CHUNKS > 9u) { dv[vRow + 9u] = valueGradient[9]; }
  if (VALUE_CHUNKS > 10u) { dv[vRow + 10u] = valueGradient[10]; }
  if (VALUE_CHUNKS > 11u) { dv[vRow + 11u] = valueGradient[11]; }
  if (VALUE_CHUNKS > 12u) { dv[vRow + 12u] = valueGradient[12]; }
  if (VALUE_CHUNKS > 13u) { dv[vRow + 13u] = valueGradient[13]; }
  if (VALUE_CHUNKS > 14u) { dv[vRow + 14u] = valueGradient[14]; }
  if (VALUE_CHUNKS > 15u) { dv[vRow + 15u] = valueGradient[15]; }
}
