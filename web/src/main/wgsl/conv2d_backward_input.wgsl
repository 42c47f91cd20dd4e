// dx = d loss / d x of conv2d, given dy [n, outH, outW, f] and w [kh, kw, c, f]; dx is [n, inH, inW, c].
// An implicit GEMM dx[rows, c] = A[rows, depth] · B[depth, c] with rows = n·inH·inW, depth = kh·kw·f:
// A[(image, iy, ix), (ky, kx, fo)] = dy[image, oy, ox, fo] where oy·sh = iy + padTop − ky (0 when no such
// output position exists), and B[(ky, kx, fo), ch] = w[ky, kx, ch, fo]. Gathering instead of scattering
// keeps it free of atomics and makes every dx value one thread's ordered sum.
// Threading: each thread computes 4 rows × 4 channels, walking the window taps and the filters with its
// operands read straight from storage (no workgroup memory, no barriers: see conv2d.wgsl). Rows and channels
// past the edge read clamped addresses and are not written; taps with no output position read offset 0
// and are multiplied by 0.
// Workgroup: WX threads along the channels (set per op by ConvolutionOps) × 64 / WX along the rows.
// Dispatch: x the channel blocks, (y + z·num_workgroups.y) the row blocks.
// Parameters: as conv2d.wgsl.
@group(0) @binding(0) var<uniform> p: array<vec4u, 8>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

const WX: u32 = 8u;
const WY: u32 = 64u / WX;

fn param(i: u32) -> u32 {
  return p[i / 4u][i % 4u];
}

@compute @workgroup_size(WX, WY)
fn main(@builtin(workgroup_id) group: vec3u, @builtin(num_workgroups) groups: vec3u,
        @builtin(local_invocation_id) local: vec3u) {
  let inH = param(1u);
  let inW = param(2u);
  let channels = param(3u);
  let outH = vec4i(i32(param(4u)));
  let outW = vec4i(i32(param(5u)));
  let filters = param(6u);
  let kw = param(8u);
  let sh = vec4i(i32(param(9u)));
  let sw = vec4i(i32(param(10u)));
  let rows = param(0u) * inH * inW;
  let row0 = ((group.y + group.z * groups.y) * WY + local.y) * 4u;
  let col0 = (group.x * WX + local.x) * 4u;
  if (row0 >= rows || col0 >= channels) {
    return;
  }
  let r = min(vec4u(row0) + vec4u(0u, 1u, 2u, 3u), vec4u(rows - 1u));
  let ix = vec4i(r % inW);
  let iy = vec4i((r / inW) % inH);
  let imageBase = vec4i((r / (inW * inH)) * param(4u) * param(5u) * filters);
  let chs = min(vec4u(col0) + vec4u(0u, 1u, 2u, 3u), vec4u(channels - 1u));
  var acc: array<vec4f, 4>;
  for (var ky = 0u; ky < param(7u); ky = ky + 1u) {
    let ty = iy + i32(param(11u)) - i32(ky);
    let oy = ty / sh;
    let rowHit = (ty >= vec4i(0)) & (ty % sh == vec4i(0)) & (oy < outH);
    for (var kx = 0u; kx < kw; kx = kx + 1u) {
      let tx = ix + i32(param(12u)) - i32(kx);
      let ox = tx / sw;
      let hit = rowHit & (tx >= vec4i(0)) & (tx % sw == vec4i(0)) & (ox < outW);
      let scale = select(vec4f(0.0), vec4f(1.0), hit);
      var dyAt = vec4u(select(vec4i(0), imageBase + (oy * outW + ox) * i32(filters), hit));
      // w[ky, kx, chs, fo], advanced one filter per iteration.
      var wAt = ((ky * kw + kx) * channels + chs) * filters;
      for (var fo = 0u; fo < filters; fo = fo + 1u) {
        let a = vec4f(dy[dyAt.x], dy[dyAt.y], dy[dyAt.z], dy[dyAt.w]) * scale;
        let b = vec4f(w[wAt.x], w[wAt.y], w[wAt.z], w[wAt.w]);
        acc[0] = acc[0] + a.x * b;
        acc[1] = acc[1] + a.y * b;
        acc[2] = acc[2] + a.z * b;
        acc[3] = acc[3] + a.w * b;
        dyAt = dyAt + 1u;
        wAt = wAt + 1u;
      }
    }
  }
  for (var i = 0u; i < 4u; i = i + 1u) {
    for (var j = 0u; j < 4u; j = j + 1u) {
      if (row0 + i < rows && col0 + j < channels) {
        dx[(row0 + i) * channels + col0 + j] = acc[i][j];
      }
    }
  }
}
