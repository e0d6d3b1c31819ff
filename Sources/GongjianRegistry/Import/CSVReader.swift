/// Reads RFC 4180 CSV in fixed-size chunks, one record at a time: memory stays the same however
/// long the file, and a record, a field count or a line past its limit ends the read with an
/// `InputProblem`. Fields are bytes; decoding is the caller's. Accepts CRLF, LF and CR line
/// ends, quoted fields with separators, doubled quotes and line breaks, and is lenient where
/// Excel is (a stray quote in an unquoted field is kept as text). The separator is `,` unless
/// told otherwise (`;` and tab are what Excel writes in some locales and as "text").
///
/// Written by hand rather than taken from a package: it must report physical line numbers,
/// hand back undecoded bytes for GB18030, and stream a million rows quickly.
public final class CSVReader {
  /// The problems this reader stops on: `unclosedQuote`, `recordTooLong`, `tooManyFields`,
  /// `readFailed`.
  public typealias Failure = InputProblem

  /// The file, or nil when reading bytes in memory (`memory`).
  private let file: InputFile?
  /// Where the next read from `file` starts.
  private var fileOffset = 0
  /// In-memory input not yet moved into `chunk`, and how far it has been moved.
  private var memory: [UInt8] = []
  private var memoryOffset = 0
  private var chunk: [UInt8]
  private var chunkLength = 0
  private var position = 0
  private var atEnd = false
  private var line = 1
  private let separator: UInt8
  private let recordLimit: Int
  private let fieldLimit: Int
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

  /// Opens a file with comma-separated records and the standard limits.
  public convenience init(path: String) throws {
    let limits = InputLimits.standard
    try self.init(file: InputFile(path: path, limits: limits, lineLimit: limits.recordBytes), limits: limits)
  }

  init(file: InputFile, separator: CSVSeparator = .comma, limits: InputLimits) {
    self.file = file
    fileSize = file.size
    self.separator = separator.rawValue
    recordLimit = limits.recordBytes
    fieldLimit = limits.columns
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
  init(
    bytes: [UInt8], chunkSize: Int, separator: CSVSeparator = .comma, limits: InputLimits = .standard
  ) {
    file = nil
    fileSize = bytes.count
    self.separator = separator.rawValue
    recordLimit = limits.recordBytes
    fieldLimit = limits.columns
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
          base.copyMemory(from: base + position, byteCount: remaining)
        }
      }
      chunkLength = remaining
      position = 0
    }
    while chunkLength < chunk.count {
      guard let file else {
        fillFromMemory()
        break
      }
      let count = try chunk.withUnsafeMutableBytes { buffer in
        try file.read(at: fileOffset, into: UnsafeMutableRawBufferPointer(rebasing: buffer[chunkLength...]))
      }
      if count == 0 {
        atEnd = true
        break
      }
      fileOffset += count
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
  /// hold only separators, are skipped (spreadsheets leave them at the end).
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

  /// How a scan of the chunk stopped.
  private enum ScanEnd { case record, chunkEnd, tooLong, tooManyFields }

  private func readRecord() throws -> Bool {
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    recordLine = line
    var progress = Progress()
    while true {
      if position >= chunkLength {
        if atEnd {
          if progress.pendingCR { return true }
          if progress.state == .quoted { throw InputProblem.unclosedQuote(line: recordLine) }
          if progress.state == .fieldStart && !progress.sawAnything { return false }
          ends.append(bytes.count)
          guard ends.count <= fieldLimit else {
            throw InputProblem.tooManyFields(line: recordLine, limit: fieldLimit)
          }
          return true
        }
        try refill()
        continue
      }
      switch scan(&progress) {
      case .record: return true
      case .chunkEnd: continue
      case .tooLong: throw InputProblem.recordTooLong(line: recordLine, limit: recordLimit)
      case .tooManyFields: throw InputProblem.tooManyFields(line: recordLine, limit: fieldLimit)
      }
    }
  }

  /// Consumes bytes of the current chunk, up to the end of a record or of the chunk, or to a
  /// limit. Works on a pointer and local copies: this loop sees every byte of a million-row
  /// import.
  private func scan(_ progress: inout Progress) -> ScanEnd {
    var state = progress.state
    var index = position
    let limit = chunkLength
    let separator = self.separator
    let recordLimit = self.recordLimit
    let fieldLimit = self.fieldLimit
    var lines = 0
    defer {
      position = index
      line += lines
      progress.state = state
    }
    return chunk.withUnsafeBufferPointer { buffer -> ScanEnd in
      if progress.pendingCR {
        progress.pendingCR = false
        if index < limit && buffer[index] == 0x0A { index += 1 }
        return .record
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
            if byte == separator || byte == 0x0A || byte == 0x0D { break }
            index += 1
          }
          if index > start {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
            if bytes.count > recordLimit { return .tooLong }
            state = .unquoted
          }
          guard index < limit else { return .chunkEnd }
          let byte = buffer[index]
          index += 1
          ends.append(bytes.count)
          if ends.count > fieldLimit { return .tooManyFields }
          if byte == separator {
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
              return .chunkEnd
            }
          }
          state = .fieldStart
          return .record
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
          if index > start {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index]))
            if bytes.count > recordLimit { return .tooLong }
          }
          guard index < limit else { return .chunkEnd }
          index += 1
          state = .quoteInQuoted
        case .quoteInQuoted:
          let byte = buffer[index]
          if byte == 0x22 {
            // "" inside quotes is one quote.
            bytes.append(0x22)
            index += 1
            state = .quoted
          } else {
            // A separator or line end is handled as after unquoted text; other text after a
            // closing quote is not RFC 4180, but is kept rather than lost.
            state = .unquoted
          }
        }
      }
      return .chunkEnd
    }
  }
}
