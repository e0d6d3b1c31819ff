/// Bytes read in order, in pieces: a part of a workbook as it is unpacked, or bytes in memory.
protocol ByteSource: AnyObject {
  /// Fills the start of `buffer`; returns how many bytes, 0 only at the end. Damage found on
  /// the way (a checksum at the end) is thrown.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Bytes in memory as a `ByteSource`, handed out at most `piece` bytes at a time so that a
/// test or a fuzz target meets every boundary a long part has.
final class MemoryByteSource: ByteSource {
  private let bytes: [UInt8]
  private let piece: Int
  private var offset = 0

  init(_ bytes: [UInt8], piece: Int = Int.max) {
    self.bytes = bytes
    self.piece = max(piece, 1)
  }

  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let count = min(buffer.count, bytes.count - offset, piece)
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
    }
    offset += count
    return count
  }
}
