internal import GongjianZlib

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ZIP archive (PKWARE APPNOTE) written front to back into a file open for writing: each
/// entry streams through raw deflate, and its CRC-32 and sizes, known only at its end, are
/// written into its local header afterwards (so no data descriptors, which some readers
/// dislike, and no temporary copy of a part). Memory stays at two 64 KiB buffers whatever the
/// size of the parts.
///
/// Not ZIP64: a part or an archive of 4 GiB or more is refused (`OutputProblem.tooLarge`);
/// Excel's 1,048,576 rows of this registry's columns stay far below.
final class ZipWriter {
  private struct Entry {
    var name: [UInt8]
    var headerOffset: UInt64
    var crc: UInt32 = 0
    var compressedSize: UInt64 = 0
    var uncompressedSize: UInt64 = 0
  }

  private let descriptor: Int32
  /// The archive's final path, for problems.
  private let path: String
  private let output: BufferedWriter
  /// Bytes handed to `output` so far: the offset of the next byte in the file.
  private var offset: UInt64 = 0
  private var entries: [Entry] = []
  private var current: Entry?
  private let stream: UnsafeMutablePointer<z_stream>
  private var streamReady = false
  private var pending: [UInt8] = []
  private let compressed: UnsafeMutableBufferPointer<UInt8>

  private static let chunk = 1 << 16
  private static let limit: UInt64 = 0xFFFF_FFFF
  /// 2020-01-01 00:00 in MS-DOS form: a fixed date keeps the bytes the same for the same data.
  private static let dosTime: UInt16 = 0
  private static let dosDate: UInt16 = (2020 - 1980) << 9 | 1 << 5 | 1

  /// `descriptor` is a new, empty regular file (headers are patched in place with pwrite).
  init(descriptor: Int32, path: String, level: Int32 = 6) throws {
    self.descriptor = descriptor
    self.path = path
    output = BufferedWriter(descriptor: descriptor)
    stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    compressed = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: ZipWriter.chunk)
    pending.reserveCapacity(ZipWriter.chunk)
    let status = gongjian_deflate_init_raw(stream, level)
    guard status == Z_OK else { throw OutputProblem.cannotWrite(path: path, errno: ENOMEM) }
    streamReady = true
  }

  deinit {
    if streamReady { deflateEnd(stream) }
    stream.deinitialize(count: 1)
    stream.deallocate()
    compressed.deallocate()
  }

  /// Starts an entry (ending the previous one if it is still open).
  func beginEntry(_ name: String) throws {
    if current != nil { try endEntry() }
    let nameBytes = Array(name.utf8)
    current = Entry(name: nameBytes, headerOffset: offset)
    var header: [UInt8] = []
    header.appendLittleEndian(UInt32(0x0403_4B50))
    header.appendLittleEndian(UInt16(20))  // version needed: deflate
    header.appendLittleEndian(UInt16(0))  // flags
    header.appendLittleEndian(UInt16(8))  // deflate
    header.appendLittleEndian(ZipWriter.dosTime)
    header.appendLittleEndian(ZipWriter.dosDate)
    header.append(contentsOf: [UInt8](repeating: 0, count: 12))  // CRC and sizes, patched at the end
    header.appendLittleEndian(UInt16(nameBytes.count))
    header.appendLittleEndian(UInt16(0))  // extra field
    header.append(contentsOf: nameBytes)
    try emit(header)
  }

  func write(_ text: String) throws {
    var copy = text
    try copy.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0)) }
  }

  func write(bytes: UnsafeRawBufferPointer) throws {
    var rest = bytes[...]
    while !rest.isEmpty {
      let room = ZipWriter.chunk - pending.count
      let piece = rest.prefix(room)
      pending.append(contentsOf: piece)
      rest = rest.dropFirst(piece.count)
      if pending.count == ZipWriter.chunk { try deflatePending(finish: false) }
    }
  }

  /// Ends the entry: the rest of the deflate stream, then its CRC and sizes into its header.
  func endEntry() throws {
    try deflatePending(finish: true)
    guard let entry = current else { return }
    current = nil
    guard entry.compressedSize < ZipWriter.limit, entry.uncompressedSize < ZipWriter.limit else {
      throw OutputProblem.tooLarge(path: path)
    }
    entries.append(entry)
    // The header's bytes must be in the file before they are overwritten.
    output.flush()
    try checkOutput()
    var fields: [UInt8] = []
    fields.appendLittleEndian(entry.crc)
    fields.appendLittleEndian(UInt32(entry.compressedSize))
    fields.appendLittleEndian(UInt32(entry.uncompressedSize))
    let position = off_t(entry.headerOffset + 14)
    let written = fields.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, position) }
    guard written == fields.count else { throw OutputProblem.writing(path, errno: written < 0 ? errno : EIO) }
    if deflateReset(stream) != Z_OK { throw OutputProblem.cannotWrite(path: path, errno: EINVAL) }
  }

  /// Writes the central directory and the end record, and flushes. The caller syncs.
  func finish() throws {
    if current != nil { try endEntry() }
    let directoryOffset = offset
    var directory: [UInt8] = []
    for entry in entries {
      directory.appendLittleEndian(UInt32(0x0201_4B50))
      directory.appendLittleEndian(UInt16(20))  // made by: MS-DOS attributes, spec 2.0
      directory.appendLittleEndian(UInt16(20))  // needed
      directory.appendLittleEndian(UInt16(0))
      directory.appendLittleEndian(UInt16(8))
      directory.appendLittleEndian(ZipWriter.dosTime)
      directory.appendLittleEndian(ZipWriter.dosDate)
      directory.appendLittleEndian(entry.crc)
      directory.appendLittleEndian(UInt32(entry.compressedSize))
      directory.appendLittleEndian(UInt32(entry.uncompressedSize))
      directory.appendLittleEndian(UInt16(entry.name.count))
      directory.appendLittleEndian(UInt16(0))  // extra
      directory.appendLittleEndian(UInt16(0))  // comment
      directory.appendLittleEndian(UInt16(0))  // disk
      directory.appendLittleEndian(UInt16(0))  // internal attributes
      directory.appendLittleEndian(UInt32(0))  // external attributes
      directory.appendLittleEndian(UInt32(entry.headerOffset))
      directory.append(contentsOf: entry.name)
    }
    guard directoryOffset + UInt64(directory.count) < ZipWriter.limit, entries.count < 0xFFFF else {
      throw OutputProblem.tooLarge(path: path)
    }
    try emit(directory)
    var end: [UInt8] = []
    end.appendLittleEndian(UInt32(0x0605_4B50))
    end.appendLittleEndian(UInt16(0))
    end.appendLittleEndian(UInt16(0))
    end.appendLittleEndian(UInt16(entries.count))
    end.appendLittleEndian(UInt16(entries.count))
    end.appendLittleEndian(UInt32(directory.count))
    end.appendLittleEndian(UInt32(directoryOffset))
    end.appendLittleEndian(UInt16(0))
    try emit(end)
    output.flush()
    try checkOutput()
  }

  // MARK: - Private

  private func deflatePending(finish: Bool) throws {
    guard var entry = current else { return }
    try pending.withUnsafeMutableBufferPointer { input in
      if input.count > 0 {
        entry.crc = UInt32(truncatingIfNeeded: crc32(UInt(entry.crc), input.baseAddress, UInt32(input.count)))
      }
      entry.uncompressedSize += UInt64(input.count)
      stream.pointee.next_in = input.baseAddress
      stream.pointee.avail_in = UInt32(input.count)
      while true {
        stream.pointee.next_out = compressed.baseAddress
        stream.pointee.avail_out = UInt32(compressed.count)
        let status = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
          throw OutputProblem.cannotWrite(path: path, errno: EINVAL)
        }
        let produced = compressed.count - Int(stream.pointee.avail_out)
        entry.compressedSize += UInt64(produced)
        try emit(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: compressed[0..<produced])))
        if finish ? status == Z_STREAM_END : stream.pointee.avail_out != 0 { break }
      }
      stream.pointee.next_in = nil
    }
    pending.removeAll(keepingCapacity: true)
    current = entry
  }

  private func emit(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try emit($0) }
  }

  private func emit(_ bytes: UnsafeRawBufferPointer) throws {
    output.write(bytes: bytes)
    offset += UInt64(bytes.count)
    try checkOutput()
  }

  private func checkOutput() throws {
    if output.failure != 0 { throw OutputProblem.writing(path, errno: output.failure) }
  }
}

@available(*, unavailable)
extension ZipWriter: Sendable {}

extension [UInt8] {
  fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }
}
