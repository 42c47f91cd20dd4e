// Shared by the attention kernels (attention*.wgsl), whose threads hold four rows as 4x4 matrices: column c of
// a matrix is column c of a 4-column chunk of the four rows, one row per component.

// Returns the four rows a thread computes, numbered across all heads, for `count` rows a head and ⌈count / 4⌉
// threads a head. In a head's last thread, rows past the end repeat the head's last row, which the same thread
// computes too: they write its values again. The thread's head is the first row / count.
fn threadRows(thread: u32, count: u32) -> vec4u {
  let threadsPerHead = (count + 3u) / 4u;
  let head = thread / threadsPerHead;
  let last = head * count + count - 1u;
  let first = head * count + thread % threadsPerHead * 4u;
  return vec4u(first, min(first + 1u, last), min(first + 2u, last), min(first + 3u, last));
}

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
