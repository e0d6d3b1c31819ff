internal import GongjianZlib

/// The bytes of one part of a ZIP archive, unpacked as they are read. Trusts nothing the
/// archive says: the bytes produced are counted as they come and stop at the part's limit, at
/// the workbook's limit, and at the size the entry claims (a bomb lies about it); a deflate
/// stream that ends early or is damaged, and a checksum that does not match, are problems
/// naming the part. Every call consumes input or produces output, so damage cannot make it
/// loop: zlib reports what it cannot use.
final class ZIPPartReader: ByteSource {
  let part: String
  private let archive: ZIPArchive
  private let entry: ZIPArchive.Entry
  private let limit: Int
  /// Compressed bytes not yet read from the file, and where they are.
  private var compressedLeft: Int
  private var compressedOffset: Int
  private var produced = 0
  private var crc: UInt = 0
  private var finished = false
  private var streamEnded = false
  private let input: UnsafeMutableRawBufferPointer
  private var stream: UnsafeMutablePointer<z_stream>?

  static let inputChunk = 1 << 16

  init(archive: ZIPArchive, entry: ZIPArchive.Entry, dataStart: Int, limit: Int) throws {
    self.archive = archive
    self.entry = entry
    part = entry.name
    self.limit = limit
    compressedLeft = entry.compressedSize
    compressedOffset = dataStart
    input = UnsafeMutableRawBufferPointer.allocate(byteCount: ZIPPartReader.inputChunk, alignment: 8)
    crc = crc32(0, nil, 0)
    if entry.method == 8 {
      let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
      stream.initialize(to: z_stream())
      guard gongjian_inflate_init_raw(stream) == Z_OK else {
        stream.deallocate()
        input.deallocate()
        throw InputProblem.deflateDamaged(part: entry.name)
      }
      stream.pointee.avail_in = 0
      self.stream = stream
    }
  }

  deinit {
    if let stream {
      inflateEnd(stream)
      stream.deallocate()
    }
    input.deallocate()
  }

  /// Bytes of the part produced so far.
  var offset: Int { produced }

  /// Fills the start of `buffer` with the next bytes of the part; returns how many, 0 only at
  /// the end (once the size and checksum have been checked).
  func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard !finished, buffer.count > 0 else { return 0 }
    let count = try stream == nil ? readStored(into: buffer) : inflate(into: buffer)
    if count > 0 {
      crc = crc32(crc, buffer.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt(count))
      produced += count
      archive.unpackedBytes += count
      if produced > limit { throw InputProblem.partTooLarge(part: part, limit: limit) }
      if produced > entry.uncompressedSize { throw InputProblem.sizeMismatch(part: part) }
      if archive.unpackedBytes > archive.limits.workbookBytes {
        throw InputProblem.workbookTooLarge(limit: archive.limits.workbookBytes)
      }
      return count
    }
    finished = true
    guard produced == entry.uncompressedSize else { throw InputProblem.sizeMismatch(part: part) }
    guard UInt32(truncatingIfNeeded: crc) == entry.crc32 else { throw InputProblem.crcMismatch(part: part) }
    return 0
  }

  /// Reads up to `buffer.count` bytes of input, or of a stored part; 0 when none is left.
  private func readCompressed(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    let wanted = min(buffer.count, compressedLeft)
    guard wanted > 0 else { return 0 }
    let count = try archive.file.read(
      at: compressedOffset, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]))
    // The directory said the data is there; a file that ends first was cut short.
    guard count > 0 else { throw InputProblem.truncated(part: part) }
    compressedOffset += count
    compressedLeft -= count
    return count
  }

  private func readStored(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    try readCompressed(into: buffer)
  }

  private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard let stream, !streamEnded else { return 0 }
    while true {
      if stream.pointee.avail_in == 0 && compressedLeft > 0 {
        let count = try readCompressed(into: input)
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(count)
      }
      let inputBefore = stream.pointee.avail_in
      // Never more than fits in zlib's 32-bit counter.
      let room = min(buffer.count, Int(UInt32.max))
      stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
      stream.pointee.avail_out = uInt(room)
      let status = GongjianZlib.inflate(stream, Z_NO_FLUSH)
      let count = room - Int(stream.pointee.avail_out)
      switch status {
      case Z_STREAM_END:
        // Whatever compressed bytes remain after the end are ignored, as every reader does.
        compressedLeft = 0
        stream.pointee.avail_in = 0
        streamEnded = true
        return count
      case Z_OK, Z_BUF_ERROR:
        if count > 0 { return count }
        // No output: without input left, the stream stopped before its end.
        if stream.pointee.avail_in == 0 && compressedLeft == 0 { throw InputProblem.truncated(part: part) }
        // Input consumed without output (a stored block's header, a dictionary): go on. No
        // input consumed and none produced cannot happen with room to write; if zlib says so
        // anyway, the stream is damaged rather than looped on.
        if stream.pointee.avail_in == inputBefore && status == Z_BUF_ERROR {
          throw InputProblem.deflateDamaged(part: part)
        }
        if stream.pointee.avail_in == inputBefore && inputBefore > 0 {
          throw InputProblem.deflateDamaged(part: part)
        }
      default:
        // Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR, Z_MEM_ERROR.
        throw InputProblem.deflateDamaged(part: part)
      }
    }
  }
}
