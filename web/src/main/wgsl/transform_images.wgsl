// Backend.transformImages: each image of images [batch, h, w, c] resampled through its own affine transform.
// Output pixel (x, y), measured from the image centre, samples the input at (a x + b y + tx, c x + d y + ty),
// also from the centre, bilinearly; positions outside the image are reflected back in (Keras's "reflect").
// Parameters: [0] count (batch x h x w x c), [1] height, [2] width, [3] channels. Binding 2: the transforms,
// {a, b, tx, c, d, ty} per image. One thread per output value, 256-thread groups, 2-D split.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> images: array<f32>;
@group(0) @binding(2) var<storage, read> transforms: array<f32>;
@group(0) @binding(3) var<storage, read_write> result: array<f32>;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

// Folds a coordinate back into [0, size - 1] as a mirror at the image's edges would: (d c b a | a b c d | d c b a).
fn reflect(coordinate: f32, size: u32) -> f32 {
  if (size == 1u) {
    return 0.0;
  }
  let period = 2.0 * f32(size);
  var c = (coordinate + 0.5) % period;
  if (c < 0.0) {
    c = c + period;
  }
  if (c >= f32(size)) {
    c = period - c;
  }
  return clamp(c - 0.5, 0.0, f32(size - 1u));
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= param(0u)) {
    return;
  }
  let height = param(1u);
  let width = param(2u);
  let channels = param(3u);
  let channel = i % channels;
  let pixel = i / channels;
  let x = pixel % width;
  let y = (pixel / width) % height;
  let n = pixel / (width * height);
  let cx = f32(width - 1u) * 0.5;
  let cy = f32(height - 1u) * 0.5;
  let dx = f32(x) - cx;
  let dy = f32(y) - cy;
  let t = n * 6u;
  let sx = reflect(transforms[t] * dx + transforms[t + 1u] * dy + transforms[t + 2u] + cx, width);
  let sy = reflect(transforms[t + 3u] * dx + transforms[t + 4u] * dy + transforms[t + 5u] + cy, height);
  let x0 = u32(floor(sx));
  let y0 = u32(floor(sy));
  let x1 = min(x0 + 1u, width - 1u);
  let y1 = min(y0 + 1u, height - 1u);
  let fx = sx - f32(x0);
  let fy = sy - f32(y0);
  let row0 = (n * height + y0) * width;
  let row1 = (n * height + y1) * width;
  let top = images[(row0 + x0) * channels + channel] * (1.0 - fx) + images[(row0 + x1) * channels + channel] * fx;
  let bottom = images[(row1 + x0) * channels + channel] * (1.0 - fx)
      + images[(row1 + x1) * channels + channel] * fx;
  result[i] = top * (1.0 - fy) + bottom * fy;
}
