import Foundation

/// What a CSV file's bytes say before it is parsed: whether all of it is UTF-8 (the encoding
/// is decided on the whole file, never on its first cells), and which separator it uses.
enum CSVInspection {
  /// The offset of the first byte that is not valid UTF-8, nil when the whole input is UTF-8.
  /// Reads the file once, in chunks, stopping at the first invalid byte.
  static func firstNonUTF8Offset(_ file: InputFile, from start: Int) throws -> Int? {
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
    defer { chunk.deallocate() }
    var offset = start
    // Bytes of a sequence cut by the end of the last chunk, moved to the front of this one.
    var carried = 0
    while true {
      let count = try file.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: chunk[carried...]))
      let available = carried + count
      let atEnd = count == 0
      let result = UTF8Scan.validate(UnsafeRawBufferPointer(rebasing: chunk[..<available]), final: atEnd)
      if let invalid = result.invalidAt { return offset - carried + invalid }
      if atEnd { return nil }
      carried = available - result.complete
      if carried > 0 {
        chunk.baseAddress!.copyMemory(from: chunk.baseAddress! + result.complete, byteCount: carried)
      }
      offset += count
    }
  }

  /// `firstNonUTF8Offset` for bytes in memory.
  static func firstNonUTF8Offset(_ bytes: [UInt8], from start: Int) -> Int? {
    bytes.withUnsafeBytes { buffer in
      UTF8Scan.validate(UnsafeRawBufferPointer(rebasing: buffer[start...]), final: true).invalidAt.map { $0 + start }
    }
  }

  /// The physical line (CRLF, LF and a lone CR each end one) of byte `offset` in `prefix`.
  static func line(ofOffset offset: Int, in prefix: UnsafeRawBufferPointer) -> Int {
    var line = 1
    var index = 0
    while index < min(offset, prefix.count) {
      let byte = prefix[index]
      if byte == 0x0A {
        line += 1
      } else if byte == 0x0D && !(index + 1 < prefix.count && prefix[index + 1] == 0x0A) {
        line += 1
      }
      index += 1
    }
    return line
  }

  /// The separator of the file that starts with `prefix`. The one under which the header
  /// appears (the first of the first twenty records that names known columns, the one naming
  /// most winning); without a header, the one used most in a line. A tie goes to the comma.
  static func separator(
    in prefix: [UInt8], encoding: TextEncoding, header: HeaderMatcher?, limits: InputLimits
  ) -> CSVSeparator {
    if let header {
      var best: (separator: CSVSeparator, known: Int, line: Int)?
      for separator in CSVSeparator.allCases {
        guard
          let found = headerRecord(in: prefix, separator: separator, encoding: encoding, header: header, limits: limits)
        else { continue }
        if best == nil || found.known > best!.known || (found.known == best!.known && found.line < best!.line) {
          best = (separator, found.known, found.line)
        }
      }
      if let best { return best.separator }
    }
    return mostUsed(in: prefix)
  }

  private static func headerRecord(
    in prefix: [UInt8], separator: CSVSeparator, encoding: TextEncoding, header: HeaderMatcher, limits: InputLimits
  ) -> (known: Int, line: Int)? {
    let reader = CSVReader(bytes: prefix, chunkSize: prefix.count, separator: separator, limits: limits)
    for _ in 0..<ImportTable.headerSearchRows {
      guard (try? reader.next()) == true else { return nil }
      let cells = (0..<reader.fieldCount).map { index in
        reader.withField(index) { bytes in decodeLossy(bytes, encoding) }
      }
      if header.isHeader(cells) { return (header.knownCount(cells), reader.recordLine) }
    }
    return nil
  }

  /// Text for recognising a header only: what cannot be decoded is left out.
  private static func decodeLossy(_ bytes: UnsafeRawBufferPointer, _ encoding: TextEncoding) -> String {
    if encoding == .utf8 || !bytes.contains(where: { $0 >= 0x80 }) {
      return String(decoding: bytes, as: UTF8.self)
    }
    return String(bytes: bytes, encoding: CSVRowSource.gb18030) ?? ""
  }

  /// The candidate seen most often in one line of the first twenty, outside quotes.
  private static func mostUsed(in prefix: [UInt8]) -> CSVSeparator {
    var most: [CSVSeparator: Int] = [:]
    var counts: [CSVSeparator: Int] = [:]
    var quoted = false
    var lines = 0
    for byte in prefix {
      if byte == 0x22 {
        quoted.toggle()
      } else if !quoted && (byte == 0x0A || byte == 0x0D) {
        for (separator, count) in counts { most[separator] = max(most[separator] ?? 0, count) }
        counts = [:]
        lines += 1
        if lines >= ImportTable.headerSearchRows { break }
      } else if !quoted, let separator = CSVSeparator(rawValue: byte) {
        counts[separator, default: 0] += 1
      }
    }
    for (separator, count) in counts { most[separator] = max(most[separator] ?? 0, count) }
    var best = CSVSeparator.comma
    for separator in CSVSeparator.allCases where (most[separator] ?? 0) > (most[best] ?? 0) { best = separator }
    return best
  }
}

/// UTF-8 validation by the table of well-formed byte sequences (Unicode, table 3-7): no
/// overlong forms, no surrogates, nothing past U+10FFFF.
enum UTF8Scan {
  /// `complete`: bytes up to the end of the last whole sequence; `invalidAt`: the first byte
  /// of an invalid sequence. Unless `final`, a sequence cut by the end of `bytes` is not invalid.
  static func validate(_ bytes: UnsafeRawBufferPointer, final: Bool) -> (complete: Int, invalidAt: Int?) {
    let count = bytes.count
    var index = 0
    while index < count {
      // Eight ASCII bytes at a time: most of any CSV file.
      while index + 8 <= count {
        let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        index += 8
      }
      guard index < count else { break }
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // The usual three-byte sequence (CJK text) first, without the general table.
      if lead >= 0xE1 && lead <= 0xEC && index + 2 < count && bytes[index + 1] & 0xC0 == 0x80
        && bytes[index + 2] & 0xC0 == 0x80
      {
        index += 3
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: return (index, index)
      }
      for offset in 1..<length {
        guard index + offset < count else { return final ? (index, index) : (index, nil) }
        let byte = bytes[index + offset]
        let (from, to) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
        if byte < from || byte > to { return (index, index) }
      }
      index += length
    }
    return (count, nil)
  }
}

extension UTF8Scan {
  /// The bytes as a string when they are valid UTF-8. (The standard library's
  /// `String(validating:as:)` is generic and looks up type metadata at every call: this is
  /// called for every text cell.)
  static func string(_ bytes: UnsafeRawBufferPointer) -> String? {
    guard validate(bytes, final: true).invalidAt == nil else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func string(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBytes { string($0) }
  }

  static func string(_ bytes: ArraySlice<UInt8>) -> String? {
    bytes.withUnsafeBytes { string($0) }
  }
}
