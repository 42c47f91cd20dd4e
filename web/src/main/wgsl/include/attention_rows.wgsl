// Shared by the attention kernels (attention*.wgsl), whose threads hold four rows as 4x4 matrices: column c of
// a matrix is column c of a 4-column chunk of the four rows, one row per component.

// Returns rows ⊗ columns: row r's chunk is rows[r] · columns.
fn outer(rows: vec4f, columns: vec4f) -> mat4x4f {
  return mat4x4f(rows * columns.x, rows * columns.y, rows * columns.z, rows * columns.w);
}

// Returns m with row r multiplied by factors[r].
fn scaleRows(m: mat4x4f, factors: vec4f) -> mat4x4f {
  return mat4x4f(m[0] * factors, m[1] * factors, m[2] * factors, m[3] * factors);
}

// Returns the dot product of each row of a with the same row of b.
fn rowDots(a: mat4x4f, b: mat4x4f) -> vec4f {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
}
