// Shared by pool.wgsl and pool_argmax.wgsl: where output value i = ((image·outH + oy)·outW + ox)·c + ch of a
// pooling reads. `imageBase` is the image's first position (iy·inW + ix counts from it), `channel` the channel,
// rows [y0, y1) and columns [x0, x1) the window clipped to x. Parameters: as pool.wgsl.
struct Window {
  imageBase: u32,
  channel: u32,
  y0: u32,
  y1: u32,
  x0: u32,
  x1: u32,
}

fn poolWindow(i: u32) -> Window {
  let inH = param(1u);
  let inW = param(2u);
  let channels = param(3u);
  let outH = param(4u);
  let outW = param(5u);
  let position = i / channels;
  let ox = position % outW;
  let oy = (position / outW) % outH;
  let ty = i32(oy * param(9u)) - i32(param(11u));
  let tx = i32(ox * param(10u)) - i32(param(12u));
  return Window((position / (outW * outH)) * inH * inW, i % channels, u32(max(ty, 0)),
      u32(min(ty + i32(param(7u)), i32(inH))), u32(max(tx, 0)), u32(min(tx + i32(param(8u)), i32(inW))));
}
