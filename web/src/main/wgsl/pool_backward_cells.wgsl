// dx of maxPool2d or averagePool2d when windows do not overlap (stride ≥ window along both axes, as in
// MaxPooling2D(2)): the input is tiled by the windows' stride cells, the cell of output (oy, ox) being rows
// [oy·sh − padTop, +sh) and columns [ox·sw − padLeft, +sw), clipped to x, the last cell of a row or column
// stretched to x's edge. One thread per output value writes every dx value of its cell: dy to the window's first
// maximum (row by row, the earliest of equal values, as the CPU backend), or dy / (window positions inside x)
// to each position of the window for average pooling, and 0 elsewhere. Overlapping windows use
// pool_backward.wgsl, which gathers instead; this kernel reads each window once instead of once per position.
// MODE (0 max, 1 average) is a constant set per pipeline. Parameters: as pool.wgsl. Average pooling binds dy in
// x's place.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

const MODE: u32 = 0u;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  let inH = i32(param(1u));
  let inW = i32(param(2u));
  let channels = param(3u);
  let outH = param(4u);
  let outW = param(5u);
  let kh = i32(param(7u));
  let kw = i32(param(8u));
  let sh = i32(param(9u));
  let sw = i32(param(10u));
  if (i >= param(0u) * outH * outW * channels) {
    return;
  }
  let ch = i % channels;
  let position = i / channels;
  let ox = position % outW;
  let oy = (position / outW) % outH;
  let imageBase = (position / (outW * outH)) * u32(inH * inW) * channels + ch;
  let top = i32(oy) * sh - i32(param(11u));
  let left = i32(ox) * sw - i32(param(12u));
  // The window inside x, and the cell around it.
  let y0 = max(top, 0);
  let y1 = min(top + kh, inH);
  let x0 = max(left, 0);
  let x1 = min(left + kw, inW);
  let cellY1 = select(min(top + sh, inH), inH, oy == outH - 1u);
  let cellX1 = select(min(left + sw, inW), inW, ox == outW - 1u);
  let upstream = dy[i];
  var bestY = y0;
  var bestX = x0;
  if (MODE == 0u) {
    var best = x[imageBase + u32(y0 * inW + x0) * channels];
    for (var wy = y0; wy < y1; wy = wy + 1) {
      for (var wx = x0; wx < x1; wx = wx + 1) {
        let value = x[imageBase + u32(wy * inW + wx) * channels];
        if (value > best) {
          best = value;
          bestY = wy;
          bestX = wx;
        }
      }
    }
  }
  let share = upstream / f32((y1 - y0) * (x1 - x0));
  for (var cy = y0; cy < cellY1; cy = cy + 1) {
    for (var cx = x0; cx < cellX1; cx = cx + 1) {
      var value = 0.0;
      if (MODE == 0u) {
        value = select(0.0, upstream, cy == bestY && cx == bestX);
      } else {
        value = select(0.0, share, cy < y1 && cx < x1);
      }
      dx[imageBase + u32(cy * inW + cx) * channels] = value;
    }
  }
}
