// dx = d loss / d x of maxPool2d or averagePool2d where windows may overlap (pool_backward_cells.wgsl takes
// those that do not), given dy [n, outH, outW, c]. One thread per dx value gathers from the windows that
// cover it, in output order as the CPU backend adds them: max pooling passes a window's dy to its first
// maximum only, which pool_argmax.wgsl found (argmax: per output value, the position iy·inW + ix in its
// image); average pooling passes dy / (the window's positions inside x). MODE (0 max, 1 average) is a
// constant set per pipeline. Parameters: as pool.wgsl. Average pooling binds dy in argmax's place.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> argmax: array<u32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

const MODE: u32 = 0u;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

// Returns the first output position (window) along one axis whose window covers input position `at`.
fn firstWindow(at: u32, pad: u32, window: u32, stride: u32) -> u32 {
  let t = i32(at + pad) - i32(window) + 1;
  return select(0u, (u32(t) + stride - 1u) / stride, t > 0);
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = gid.x + gid.y * groups.x * 256u;
  let inH = param(1u);
  let inW = param(2u);
  let channels = param(3u);
  let outH = param(4u);
  let outW = param(5u);
  let kh = param(7u);
  let kw = param(8u);
  let sh = param(9u);
  let sw = param(10u);
  let padTop = param(11u);
  let padLeft = param(12u);
  if (i >= param(0u) * inH * inW * channels) {
    return;
  }
  let ch = i % channels;
  let position = i / channels;
  let ix = position % inW;
  let iy = (position / inW) % inH;
  let image = position / (inW * inH);
  let oyEnd = min(outH, (iy + padTop) / sh + 1u);
  let oxEnd = min(outW, (ix + padLeft) / sw + 1u);
  var sum = 0.0;
  for (var oy = firstWindow(iy, padTop, kh, sh); oy < oyEnd; oy = oy + 1u) {
    let ty = i32(oy * sh) - i32(padTop);
    let y0 = u32(max(ty, 0));
    let y1 = u32(min(ty + i32(kh), i32(inH)));
    for (var ox = firstWindow(ix, padLeft, kw, sw); ox < oxEnd; ox = ox + 1u) {
      let tx = i32(ox * sw) - i32(padLeft);
      let x0 = u32(max(tx, 0));
      let x1 = u32(min(tx + i32(kw), i32(inW)));
      let window = ((image * outH + oy) * outW + ox) * channels + ch;
      if (MODE == 0u) {
        sum = sum + select(0.0, dy[window], argmax[window] == iy * inW + ix);
      } else {
        sum = sum + dy[window] / f32((y1 - y0) * (x1 - x0));
      }
    }
  }
  dx[i] = sum;
}
