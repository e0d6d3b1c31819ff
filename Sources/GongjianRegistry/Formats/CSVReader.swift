#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads RFC 4180 CSV from a file in fixed-size chunks, one record at a time: memory stays the
/// same however long the file. Fields are bytes; decoding is the caller's (the encoding may
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

  private let descriptor: Int32
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

  deinit { close(descriptor) }

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

  private func readRecord() throws -> Bool {
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
    var state = State.fieldStart
    var sawAnything = false
    recordLine = line
    while true {
      if position >= chunkLength {
        if atEnd {
          switch state {
          case .quoted:
            throw Failure(line: recordLine, message: "a quoted field that starts here is never closed (a missing \")")
          case .fieldStart:
            if !sawAnything { return false }
            ends.append(bytes.count)
          case .unquoted, .quoteInQuoted:
            ends.append(bytes.count)
          }
          return true
        }
        try refill()
        continue
      }
      let byte = chunk[position]
      position += 1
      sawAnything = true
      switch state {
      case .fieldStart, .unquoted:
        switch byte {
        case 0x2C:  // ,
          ends.append(bytes.count)
          state = .fieldStart
        case 0x0A:  // LF
          line += 1
          ends.append(bytes.count)
          return true
        case 0x0D:  // CR, alone or before LF
          line += 1
          if position >= chunkLength && !atEnd { try refill() }
          if position < chunkLength && chunk[position] == 0x0A { position += 1 }
          ends.append(bytes.count)
          return true
        case 0x22 where state == .fieldStart:  // "
          state = .quoted
        default:
          bytes.append(byte)
          state = .unquoted
        }
      case .quoted:
        if byte == 0x22 {
          state = .quoteInQuoted
        } else {
          if byte == 0x0A {
            line += 1
          } else if byte == 0x0D {
            line += 1
            if position >= chunkLength && !atEnd { try refill() }
            if position < chunkLength && chunk[position] == 0x0A {
              bytes.append(byte)
              bytes.append(0x0A)
              position += 1
              continue
            }
          }
          bytes.append(byte)
        }
      case .quoteInQuoted:
        switch byte {
        case 0x22:  // "" is a quote
          bytes.append(0x22)
          state = .quoted
        case 0x2C:
          ends.append(bytes.count)
          state = .fieldStart
        case 0x0A:
          line += 1
          ends.append(bytes.count)
          return true
        case 0x0D:
          line += 1
          if position >= chunkLength && !atEnd { try refill() }
          if position < chunkLength && chunk[position] == 0x0A { position += 1 }
          ends.append(bytes.count)
          return true
        default:
          // Text after a closing quote: not RFC 4180, but keep it rather than lose it.
          bytes.append(byte)
          state = .unquoted
        }
      }
    }
  }
}
