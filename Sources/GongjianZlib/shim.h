#ifndef GONGJIAN_CZLIB_SHIM_H
#define GONGJIAN_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 and deflateInit2 are macros that pass zlib's version and the stream's size,
// which Swift cannot import. Window bits -15 means raw deflate: what a ZIP entry holds.
static inline int gongjian_inflate_init_raw(z_stream *stream) {
  return inflateInit2(stream, -15);
}

static inline int gongjian_deflate_init_raw(z_stream *stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

#endif
