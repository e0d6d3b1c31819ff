import Foundation

/// CSV rows, decoded field by field. The encoding is decided on the whole file before any
/// row is read: a UTF-8 BOM, or every byte valid UTF-8, makes it UTF-8, anything else GB18030.
/// (GB18030 would "decode" UTF-8 bytes into nonsense, and the first cells of a GBK file can be
/// valid UTF-8 by accident: 鲁迅小学 is.) A field that is not text in that encoding is reported
/// with its line and column, never replaced.
final class CSVRowSource: RowSource {
  private let reader: CSVReader
  /// Where the rows come from, to read them again.
  private let input: Input
  private let choice: TextEncodingChoice
  private let header: HeaderMatcher?
  private let limits: InputLimits
  let encoding: TextEncoding
  let hadBOM: Bool
  let separator: CSVSeparator
  /// Auto-detection found bytes that are not UTF-8 here; fields are then GB18030.
  private let firstNonUTF8Offset: Int?
  /// Every field can be taken as UTF-8 without checking again (the whole file was checked).
  private let validatedUTF8: Bool

  private enum Input {
    case file(InputFile)
    case memory([UInt8], chunkSize: Int)
  }

  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  /// Opens a CSV file; `header` recognises the header row, to tell its separator.
  convenience init(
    path: String, encoding: TextEncodingChoice, header: HeaderMatcher? = nil, limits: InputLimits = .standard
  ) throws {
    let file = try InputFile(path: path, limits: limits, lineLimit: limits.recordBytes)
    try self.init(input: .file(file), encoding: encoding, header: header, limits: limits)
  }

  /// CSV held in memory (tests and fuzz targets); `chunkSize` as in `CSVReader`.
  convenience init(
    bytes: [UInt8], chunkSize: Int? = nil, encoding: TextEncodingChoice, header: HeaderMatcher? = nil,
    limits: InputLimits = .standard
  ) throws {
    try self.init(
      input: .memory(bytes, chunkSize: chunkSize ?? bytes.count), encoding: encoding, header: header, limits: limits)
  }

  private init(input: Input, encoding choice: TextEncodingChoice, header: HeaderMatcher?, limits: InputLimits) throws {
    self.input = input
    self.choice = choice
    self.header = header
    self.limits = limits
    // The first 64 KiB: the BOM, UTF-16, and the separator of the first lines.
    let prefix: [UInt8]
    switch input {
    case .file(let file):
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      let count = try buffer.withUnsafeMutableBytes { try CSVRowSource.readPrefix(file, into: $0) }
      prefix = Array(buffer[..<count])
    case .memory(let bytes, _):
      prefix = Array(bytes.prefix(1 << 16))
    }
    if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) || CSVRowSource.looksLikeUTF16(prefix) {
      throw InputProblem.utf16
    }
    hadBOM = prefix.starts(with: [0xEF, 0xBB, 0xBF])
    let start = hadBOM ? 3 : 0
    switch choice {
    case .utf8:
      encoding = .utf8
      firstNonUTF8Offset = nil
      validatedUTF8 = false
    case .gb18030:
      encoding = .gb18030
      firstNonUTF8Offset = nil
      validatedUTF8 = false
    case .auto where hadBOM:
      encoding = .utf8
      firstNonUTF8Offset = nil
      validatedUTF8 = false
    case .auto:
      switch input {
      case .file(let file): firstNonUTF8Offset = try CSVInspection.firstNonUTF8Offset(file, from: start)
      case .memory(let bytes, _): firstNonUTF8Offset = CSVInspection.firstNonUTF8Offset(bytes, from: start)
      }
      encoding = firstNonUTF8Offset == nil ? .utf8 : .gb18030
      validatedUTF8 = firstNonUTF8Offset == nil
    }
    separator = CSVInspection.separator(
      in: Array(prefix[start...]), encoding: encoding, header: header, limits: limits)
    switch input {
    case .file(let file): reader = CSVReader(file: file, separator: separator, limits: limits)
    case .memory(let bytes, let chunkSize):
      reader = CSVReader(bytes: bytes, chunkSize: chunkSize, separator: separator, limits: limits)
    }
    if hadBOM { reader.skip(try reader.peek(3).count) }
  }

  private static func readPrefix(_ file: InputFile, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    var done = 0
    while done < buffer.count {
      let count = try file.read(at: done, into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...]))
      if count == 0 { break }
      done += count
    }
    return done
  }

  /// UTF-16 without a BOM: a NUL in every other byte of the first few characters.
  private static func looksLikeUTF16(_ prefix: [UInt8]) -> Bool {
    guard prefix.count >= 4 else { return false }
    let even = stride(from: 0, to: 4, by: 2).allSatisfy { prefix[$0] == 0 }
    let odd = stride(from: 1, to: 4, by: 2).allSatisfy { prefix[$0] == 0 }
    let evenFilled = stride(from: 0, to: 4, by: 2).allSatisfy { prefix[$0] != 0 }
    let oddFilled = stride(from: 1, to: 4, by: 2).allSatisfy { prefix[$0] != 0 }
    return (even && oddFilled) || (odd && evenFilled)
  }

  var format: SourceFormat { .csv(encoding: encoding, byteOrderMark: hadBOM, separator: separator) }
  var bytesRead: Int { reader.bytesRead }
  var totalBytes: Int { reader.fileSize }

  func reopened() throws -> any RowSource {
    try CSVRowSource(input: input, encoding: choice, header: header, limits: limits)
  }

  func next() throws -> SourceRow? {
    guard try reader.next() else { return nil }
    let line = reader.recordLine
    var cells: [ImportCell] = []
    cells.reserveCapacity(reader.fieldCount)
    for index in 0..<reader.fieldCount {
      let decoded: String? = reader.withField(index) { bytes in
        if bytes.isEmpty { return "" }
        if validatedUTF8 || !bytes.contains(where: { $0 >= 0x80 }) {
          return String(decoding: bytes, as: UTF8.self)
        }
        if encoding == .gb18030 { return String(bytes: bytes, encoding: CSVRowSource.gb18030) }
        return UTF8Scan.string(bytes)
      }
      guard let text = decoded else { return .unreadable(line: line, problem: try undecodable(line, index)) }
      // Bytes bound the UTF-16 length from above in both encodings: count only when needed.
      if reader.withField(index, { $0.count }) > limits.cellCharacters && text.utf16.count > limits.cellCharacters {
        return .unreadable(line: line, problem: .fieldTooLong(line: line, column: index, limit: limits.cellCharacters))
      }
      cells.append(ImportCell(column: index, value: text.isEmpty ? .empty : .text(text)))
    }
    return .row(line: line, cells: cells)
  }

  /// The problem of a field that is not text in the file's encoding.
  private func undecodable(_ line: Int, _ column: Int) throws -> InputProblem {
    guard let offset = firstNonUTF8Offset else {
      return .notValidText(line: line, column: column, encoding: encoding)
    }
    return .mixedEncodings(line: line, column: column, firstNonUTF8Line: try self.line(ofOffset: offset))
  }

  /// The physical line of byte `offset`: counted only when a message needs it.
  private func line(ofOffset offset: Int) throws -> Int {
    switch input {
    case .memory(let bytes, _):
      return bytes.withUnsafeBytes { CSVInspection.line(ofOffset: offset, in: $0) }
    case .file(let file):
      var line = 1
      var done = 0
      var buffer = [UInt8](repeating: 0, count: 1 << 20)
      var lastWasCR = false
      while done < offset {
        let count = try buffer.withUnsafeMutableBytes {
          try file.read(at: done, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<min($0.count, offset - done)]))
        }
        if count == 0 { break }
        for byte in buffer[..<count] {
          if byte == 0x0A {
            if !lastWasCR { line += 1 }
            lastWasCR = false
          } else if byte == 0x0D {
            line += 1
            lastWasCR = true
          } else {
            lastWasCR = false
          }
        }
        done += count
      }
      return line
    }
  }
}
