// Shared by the broadcasting kernels (binary.wgsl, broadcast_to.wgsl). Returns the offset in an operand of the
// output's value i when the operand is indexed as `kind`: 0 it has the output's shape (i), 1 one value (0),
// 2 it repeats along the leading axes (i % period), 3 it spreads along the trailing axes (i / period), 4 any
// other broadcast, through param [1] rank, params [4..9] output dims and the operand's strides from param
// `strides` on. The kernels pass `kind` as a pipeline constant, so all but one branch compile away.
fn operandIndex(kind: u32, i: u32, period: u32, strides: u32) -> u32 {
  switch kind {
    case 0u: { return i; }
    case 1u: { return 0u; }
    case 2u: { return i % period; }
    case 3u: { return i / period; }
    default: {
      let rank = param(1u);
      var rest = i;
      var offset = 0u;
      for (var d = 0u; d < rank; d = d + 1u) {
        let axis = rank - 1u - d;
        let dim = param(4u + axis);
        offset = offset + (rest % dim) * param(strides + axis);
        rest = rest / dim;
      }
      return offset;
    }
  }
}
