#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads RFC 4180 CSV from a file (or bytes in memory) in fixed-size chunks, one record at a
/// time: memory stays the same however long the file. Fields are bytes; decoding is the caller's (the encoding may
/// only be known once non-ASCII text appears). Accepts CRLF, LF and CR line ends, quoted fields
/// with commas, doubled quotes and line breaks, and is lenient where Excel is (a stray quote in
/// an unquoted field is kept as text).
///
/// Written by hand rather than taken from a package: it must report physical line numbers,
/// hand back undecoded bytes for GB18030, and stream a million rows quickly.
public final class CSVReader {
  /// A problem in the file's structure.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
  }

  /// The open file, or -1 when reading bytes in memory (`memory`).
  private let descriptor: Int32
  /// In-memory input not yet moved into `chunk`, and how far it has been moved.
  private var memory: [UInt8] = []
  private var memoryOffset = 0
  private var chunk: [UInt8]
  private var chunkLength = 0
  private var position = 0
  private var atEnd = false
  private var line = 1
  /// Bytes read so far, for progress.
  public private(set) var bytesRead = 0
  /// The file's size when opened, for progress.
  public let fileSize: Int

  /// The current record: every field's bytes one after another, and where each ends.
  private var bytes: [UInt8] = []
  private var ends: [Int] = []
  /// Physical line on which the current record starts.
  public private(set) var recordLine = 0

  public static let chunkSize = 1 << 20

  public init(path: String) throws {
    let handle = open(path, O_RDONLY | O_CLOEXEC)
    guard handle >= 0 else {
      let reason = String(cString: strerror(errno))
      throw RegistryError.cannotOpen("cannot open \(path): \(reason)")
    }
    var info = stat()
    if fstat(handle, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      close(handle)
      throw RegistryError.cannotOpen("\(path) is a folder, not a file")
    }
    descriptor = handle
    fileSize = Int(info.st_size)
    chunk = [UInt8](repeating: 0, count: CSVReader.chunkSize)
    bytes.reserveCapacity(4096)
    ends.reserveCapacity(32)
  }

  /// Reads CSV held in memory (a test, a fuzz target), with the same parsing as a file.
  public convenience init(bytes: [UInt8]) {
    self.init(bytes: bytes, chunkSize: bytes.count)
  }

  /// Reads `bytes` through a chunk of `chunkSize` bytes, refilled as from a file: a small
  /// chunk puts records across chunk boundaries, the way a large file does.
  init(bytes: [UInt8], chunkSize: Int) {
    descriptor = -1
    fileSize = bytes.count
    if chunkSize >= bytes.count {
      // All of it at once: the chunk is the input, already read to its end.
      chunk = bytes
      chunkLength = bytes.count
      bytesRead = bytes.count
      atEnd = true
    } else {
      memory = bytes
      chunk = [UInt8](repeating: 0, count: max(chunkSize, 1))
    }
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// Number of fields in the current record.
  public var fieldCount: Int { ends.count }

  /// Calls `body` with field `index`'s bytes, valid only inside `body`.
  public func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    let start = index == 0 ? 0 : ends[index - 1]
    let end = ends[index]
    return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
  }

  /// The bytes of field `index` as an array.
  public func field(_ index: Int) -> [UInt8] {
    let start = index == 0 ? 0 : ends[index - 1]
    return Array(bytes[start..<ends[index]])
  }

  /// The first bytes of the file, before any record is read (for a BOM).
  public func peek(_ count: Int) throws -> [UInt8] {
    if chunkLength - position < count && !atEnd { try refill() }
    return Array(chunk[position..<min(position + count, chunkLength)])
  }

  /// Skips `count` bytes at the current position (a BOM).
  public func skip(_ count: Int) {
    position = min(position + count, chunkLength)
  }

  private func refill() throws {
    // Keep unread bytes, then fill the rest of the chunk.
    if position > 0 {
      let remaining = chunkLength - position
      if remaining > 0 {
        chunk.withUnsafeMutableBytes { buffer in
          guard let base = buffer.baseAddress else { return }
          memmove(base, base + position, remaining)
        }
      }
      chunkLength = remaining
      position = 0
    }
    while chunkLength < chunk.count {
      if descriptor < 0 {
        fillFromMemory()
        break
      }
      let count = chunk.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + chunkLength, buffer.count - chunkLength)
      }
      if count < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        throw RegistryError.io("cannot read the file: \(reason)")
      }
      if count == 0 {
        atEnd = true
        break
      }
      chunkLength += count
      bytesRead += count
      if chunkLength >= CSVReader.chunkSize / 2 { break }
    }
  }

  /// `refill` for in-memory input: as much as fits, then the end.
  private func fillFromMemory() {
    let count = min(chunk.count - chunkLength, memory.count - memoryOffset)
    chunk.replaceSubrange(chunkLength..<(chunkLength + count), with: memory[memoryOffset..<(memoryOffset + count)])
    chunkLength += count
    memoryOffset += count
    bytesRead += count
    if memoryOffset == memory.count { atEnd = true }
  }

  /// Reads the next record. Returns false at the end of the file. Lines that are empty, or
  /// hold only commas, are skipped (spreadsheets leave them at the end).
  public func next() throws -> Bool {
    while true {
      guard try readRecord() else { return false }
      if !isBlank { return true }
    }
  }

  private var isBlank: Bool { bytes.isEmpty }

  private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

  /// Where a record stands when the chunk runs out in the middle of it.
  private struct Progress {
    var state = State.fieldStart
    var sawAnything = false
    /// A CR ended the last chunk: a LF at the start of the next one belongs to it.
    var pendingCR = false
    /// A CR ended the last chunk inside a quoted field: a line break unless a LF follows.
    var quotedCR = false
  }

  private func readRecord() throws -> Bool {
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    recordLine = line
    var progress = Progress()
    while true {
      if position >= chunkLength {
        if atEnd {
          if progress.pendingCR { return true }
          if progress.state == .quoted {
            throw Failure(line: recordLine, message: "a quoted field that starts here is never closed (a missing \")")
          }
          if progress.state == .fieldStart && !progress.sawAnything { return false }
          ends.append(bytes.count)
          return true
        }
        try refill()
        continue
      }
      if scan(&progress) { return true }
    }
  }

  /// Consumes bytes of the current chunk. Returns true at the end of a record, false when the
  /// chunk ran out first. Works on a pointer and local copies: this loop sees every byte of
  /// a million-row import.
  private func scan(_ progress: inout Progress) -> Bool {
    var state = progress.state
    var index = position
    let limit = chunkLength
    var lines = 0
    defer {
      position = index
      line += lines
      progress.state = state
    }
    return chunk.withUnsafeBufferPointer { buffer -> Bool in
      if progress.pendingCR {
        progress.pendingCR = false
        if index < limit && buffer[index] == 0x0A { index += 1 }
        return true
      }
      if progress.quotedCR && index < limit {
        progress.quotedCR = false
        if buffer[index] != 0x0A { lines += 1 }
      }
      while index < limit {
        progress.sawAnything = true
        switch state {
        case .fieldStart, .unquoted:
          if state == .fieldStart && buffer[index] == 0x22 {
            state = .quoted
            index += 1
            continue
          }
          // Copy the run of ordinary bytes in one go.
          let start = index
          while index < limit {
            let byte = buffer[index]
            if byte == 0x2C || byte == 0x0A || byte == 0x0D { break }
            index += 1
          }
          if index > start {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
            state = .unquoted
          }
          guard index < limit else { return false }
          let byte = buffer[index]
          index += 1
          ends.append(bytes.count)
          if byte == 0x2C {
            state = .fieldStart
            continue
          }
          lines += 1
          if byte == 0x0D {
            if index < limit {
              if buffer[index] == 0x0A { index += 1 }
            } else {
              progress.pendingCR = true
              state = .fieldStart
              return false
            }
          }
          state = .fieldStart
          return true
        case .quoted:
          let start = index
          while index < limit && buffer[index] != 0x22 {
            // A line break is LF, CRLF or a lone CR. (A CR that ends the chunk is decided by
            // the next chunk's first byte.)
            if buffer[index] == 0x0A {
              lines += 1
            } else if buffer[index] == 0x0D {
              if index + 1 == limit {
                progress.quotedCR = true
              } else if buffer[index + 1] != 0x0A {
                lines += 1
              }
            }
            index += 1
          }
          if index > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index])) }
          guard index < limit else { return false }
          index += 1
          state = .quoteInQuoted
        case .quoteInQuoted:
          let byte = buffer[index]
          if byte == 0x22 {
            // "" inside quotes is one quote.
            bytes.append(0x22)
            index += 1
            state = .quoted
          } else if byte == 0x2C || byte == 0x0A || byte == 0x0D {
            state = .unquoted
          } else {
            // Text after a closing quote: not RFC 4180, but keep it rather than lose it.
            state = .unquoted
          }
        }
      }
      return false
    }
  }
}
