#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A streaming tokenizer for the XML that SpreadsheetML parts are written in, and no more:
/// elements, attributes, text with the five predefined entities and numeric character
/// references, CDATA, comments and processing instructions (skipped). A document type
/// declaration is refused outright, so there are no entities to expand and nothing external
/// to fetch. Only UTF-8.
///
/// It holds one window of the part at a time: a tag must fit in `limits.xmlTagBytes`, text
/// comes in pieces however long it is, and memory stays the same whatever the part's size.
/// Well-formedness is checked as far as a damaged file needs it: names of end tags match their
/// start tags, one root, nothing cut off, no bytes XML does not allow in text. A problem names
/// the part and the offset in it.
///
/// The current token's name, attributes and text are views into the window, valid until the
/// next call to `next()`.
///
/// A non-copyable struct rather than a class: its state is then checked for exclusive access
/// once per call by the compiler, not at run time at every property of every byte's work (a
/// third of the time of a large sheet, measured).
struct XMLTokenizer: ~Copyable {
  enum Event: Equatable {
    case start
    case end
    /// Text inside an element; a long run may come as several `.text` events.
    case text
    case endOfDocument
  }

  let part: String
  private let source: ByteSource
  private let tagLimit: Int
  private let depthLimit: Int

  private let window: UnsafeMutableRawBufferPointer
  /// The first byte not yet consumed, and the end of the bytes in the window.
  private var position = 0
  private var filled = 0
  /// Offset in the part of `window[0]`.
  private var windowOffset = 0
  private var sourceEnded = false
  private var atDocumentStart = true

  /// Hashes of the names of the open elements.
  private var open: [UInt64] = []
  private var sawRoot = false
  private var rootClosed = false

  // The current token.
  private(set) var event = Event.endOfDocument
  private var nameStart = 0
  private var nameEnd = 0
  private var localStart = 0
  /// Per attribute: name start, local name start, name end, value start, value end; the
  /// first `attributeCount` of them are the current tag's (the array is reused, not emptied).
  private var attributeBounds: [Int] = []
  private var attributeCount = 0
  private var textStart = 0
  private var textEnd = 0
  private var textIsCDATA = false
  /// The start tag just returned closed itself (`<c/>`): its end comes next.
  private(set) var isEmptyElement = false
  /// The end event of a self-closing tag comes next. (Its name is still where the start tag
  /// left it: nothing is read in between.)
  private var pendingEnd = false

  /// Where the current token starts in the part, for problems.
  private(set) var tokenOffset = 0

  init(part: String, source: ByteSource, limits: InputLimits) {
    self.part = part
    self.source = source
    tagLimit = limits.xmlTagBytes
    depthLimit = limits.xmlDepth
    window = UnsafeMutableRawBufferPointer.allocate(byteCount: tagLimit + (1 << 16), alignment: 8)
    attributeBounds = Array(repeating: 0, count: 5 * 16)
  }

  deinit { window.deallocate() }

  /// Elements open around the current token (the current start tag included).
  var depth: Int { open.count }

  func damaged(at offset: Int? = nil) -> InputProblem {
    .xmlDamaged(part: part, offset: offset ?? tokenOffset)
  }

  // MARK: - Reading the window

  /// Moves the unconsumed bytes to the front and reads more after them. False at the end of
  /// the part. A token that fills the whole window is too long.
  private mutating func fill() throws -> Bool {
    if sourceEnded { return false }
    if position > 0 {
      let remaining = filled - position
      if remaining > 0 { window.baseAddress!.copyMemory(from: window.baseAddress! + position, byteCount: remaining) }
      windowOffset += position
      filled = remaining
      position = 0
    }
    guard filled < window.count else {
      throw InputProblem.xmlTooComplex(part: part, offset: windowOffset, limit: tagLimit)
    }
    let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: window[filled...]))
    if count == 0 {
      sourceEnded = true
      return false
    }
    filled += count
    return true
  }

  @inline(__always) private func byte(_ index: Int) -> UInt8 { window[index] }

  /// The index of `value` in `window[from..<to]` (to the end of the bytes by default).
  @inline(__always) private func find(_ value: UInt8, from: Int, to: Int? = nil) -> Int? {
    let end = to ?? filled
    guard from < end else { return nil }
    guard let found = memchr(window.baseAddress! + from, Int32(value), end - from) else { return nil }
    return window.baseAddress!.distance(to: found)
  }

  /// The index of the two-or-three byte `marker` in `window[from..<filled]`.
  private func find(_ marker: [UInt8], from: Int) -> Int? {
    var index = from
    while let candidate = find(marker[0], from: index) {
      if candidate + marker.count > filled { return nil }
      var matches = true
      for offset in 1..<marker.count where byte(candidate + offset) != marker[offset] {
        matches = false
        break
      }
      if matches { return candidate }
      index = candidate + 1
    }
    return nil
  }

  @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  // MARK: - Tokens

  /// The next token. At the end of the part the document must be whole: `.endOfDocument`.
  mutating func next() throws -> Event {
    isEmptyElement = false
    if pendingEnd {
      pendingEnd = false
      open.removeLast()
      if open.isEmpty { rootClosed = true }
      event = .end
      return event
    }
    while true {
      if position >= filled {
        guard try fill() else {
          tokenOffset = windowOffset + position
          guard sawRoot && open.isEmpty else { throw damaged() }
          event = .endOfDocument
          return event
        }
        continue
      }
      if atDocumentStart {
        try checkDocumentStart()
        continue
      }
      tokenOffset = windowOffset + position
      if byte(position) != 0x3C {
        if try readText() { return event }
        continue
      }
      // A tag: at least its second byte is needed to tell which kind.
      if position + 1 >= filled {
        guard try fill() else { throw damaged() }
        continue
      }
      switch byte(position + 1) {
      case 0x2F:
        guard try readEndTag() else { continue }
        return event
      case 0x3F:
        guard try skip(past: [0x3F, 0x3E], from: position + 2) else { continue }
      case 0x21:
        guard let isText = try readMarkup() else { continue }
        if isText { return event }
      default:
        guard try readStartTag() else { continue }
        return event
      }
    }
  }

  /// A BOM is skipped; UTF-16 and an XML declaration naming another encoding are refused.
  private mutating func checkDocumentStart() throws {
    while filled - position < 4 {
      guard try fill() else { break }
    }
    let available = filled - position
    if available >= 2 {
      let first = byte(position)
      let second = byte(position + 1)
      if (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF) || first == 0 || second == 0 {
        throw InputProblem.xmlNotUTF8(part: part)
      }
    }
    if available >= 3 && byte(position) == 0xEF && byte(position + 1) == 0xBB && byte(position + 2) == 0xBF {
      position += 3
    }
    atDocumentStart = false
    // The declaration, if any, comes first: `<?xml version="1.0" encoding="UTF-8"?>`.
    while true {
      if filled - position < 5 {
        guard try fill() else { return }
        continue
      }
      if byte(position) == 0x3C, byte(position + 1) == 0x3F {
        if let close = find([0x3F, 0x3E], from: position + 2) {
          let declaration = Array(UnsafeRawBufferPointer(rebasing: window[position..<close]))
          if declaration.starts(with: Array("<?xml".utf8)), let encoding = XMLTokenizer.encodingName(declaration) {
            let lowered = encoding.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            guard lowered == Array("utf-8".utf8) || lowered == Array("utf8".utf8) else {
              throw InputProblem.xmlNotUTF8(part: part)
            }
          }
          return
        }
        guard try fill() else { return }
        continue
      }
      return
    }
  }

  /// The value of `encoding="…"` in an XML declaration.
  private static func encodingName(_ declaration: [UInt8]) -> [UInt8]? {
    let key = Array("encoding".utf8)
    guard declaration.count > key.count else { return nil }
    for start in 0...(declaration.count - key.count) where declaration[start..<(start + key.count)].elementsEqual(key) {
      var index = start + key.count
      while index < declaration.count && (isSpace(declaration[index]) || declaration[index] == 0x3D) { index += 1 }
      guard index < declaration.count, declaration[index] == 0x22 || declaration[index] == 0x27 else { return nil }
      let quote = declaration[index]
      guard let close = declaration[(index + 1)...].firstIndex(of: quote) else { return nil }
      return Array(declaration[(index + 1)..<close])
    }
    return nil
  }

  /// Text up to the next `<`. Returns false when the text was consumed without an event
  /// (whitespace outside the root) or more bytes are needed.
  private mutating func readText() throws -> Bool {
    let start = position
    var end: Int
    if let lessThan = find(0x3C, from: start) {
      end = lessThan
    } else if sourceEnded {
      end = filled
    } else if filled - start >= 1 << 16 {
      // A long run: hand out what is here, but not an entity or a character cut in two.
      // A reference is at most `&#x10FFFF;`: only the last few bytes can hold a cut one.
      end = filled
      if let ampersand = lastIndex(of: 0x26, in: max(start, filled - 12)..<filled), find(0x3B, from: ampersand) == nil {
        end = ampersand
      }
      while end > start && end < filled && byte(end) & 0xC0 == 0x80 { end -= 1 }
      if end == start { end = filled }
    } else {
      guard try fill() else { return false }
      return false
    }
    position = end
    if open.isEmpty {
      // Outside the root only whitespace may stand.
      for index in start..<end where !XMLTokenizer.isSpace(byte(index)) { throw damaged(at: windowOffset + index) }
      return false
    }
    textStart = start
    textEnd = end
    textIsCDATA = false
    event = .text
    return true
  }

  private func lastIndex(of value: UInt8, in range: Range<Int>) -> Int? {
    var index = range.upperBound
    while index > range.lowerBound {
      index -= 1
      if byte(index) == value { return index }
    }
    return nil
  }

  /// Skips to just past `marker`; false when more bytes are needed.
  private mutating func skip(past marker: [UInt8], from: Int) throws -> Bool {
    if let found = find(marker, from: from) {
      position = found + marker.count
      return true
    }
    guard try fill() else { throw damaged() }
    return false
  }

  /// `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE`. Returns true for CDATA (a text event), false
  /// for a comment, nil when more bytes are needed.
  private mutating func readMarkup() throws -> Bool? {
    let comment: [UInt8] = Array("<!--".utf8)
    let cdata: [UInt8] = Array("<![CDATA[".utf8)
    let doctype: [UInt8] = Array("<!DOCTYPE".utf8)
    let available = filled - position
    for (marker, kind) in [(comment, 0), (cdata, 1), (doctype, 2)] {
      let compared = min(available, marker.count)
      var same = true
      for offset in 0..<compared where byte(position + offset) != marker[offset] {
        same = false
        break
      }
      guard same else { continue }
      if compared < marker.count {
        guard try fill() else { throw damaged() }
        return nil
      }
      switch kind {
      case 0:
        return try skip(past: Array("-->".utf8), from: position + 4) ? false : nil
      case 1:
        guard !open.isEmpty else { throw damaged() }
        guard let close = find(Array("]]>".utf8), from: position + 9) else {
          guard try fill() else { throw damaged() }
          return nil
        }
        textStart = position + 9
        textEnd = close
        textIsCDATA = true
        position = close + 3
        event = .text
        return true
      default:
        throw InputProblem.xmlDoctype(part: part)
      }
    }
    throw damaged()
  }

  /// `</name>`. False when more bytes are needed.
  private mutating func readEndTag() throws -> Bool {
    guard let close = find(0x3E, from: position + 2) else {
      guard try fill() else { throw damaged() }
      return false
    }
    var index = position + 2
    let start = index
    while index < close && !XMLTokenizer.isSpace(byte(index)) { index += 1 }
    let end = index
    while index < close && XMLTokenizer.isSpace(byte(index)) { index += 1 }
    guard end > start, index == close, let top = open.last, top == hash(start..<end) else { throw damaged() }
    setName(start, end)
    open.removeLast()
    if open.isEmpty { rootClosed = true }
    position = close + 1
    event = .end
    return true
  }

  /// `<name attribute="value" …>` or `…/>`. False when more bytes are needed.
  private mutating func readStartTag() throws -> Bool {
    attributeCount = 0
    let tagStart = position
    var index = position + 1
    let start = index
    while index < filled && !XMLTokenizer.isNameEnd(byte(index)) { index += 1 }
    guard index < filled else { return try needMore() }
    guard index > start else { throw damaged() }
    let end = index
    while true {
      // Whitespace, then `>`, `/>` or an attribute.
      let beforeSpace = index
      while index < filled && XMLTokenizer.isSpace(byte(index)) { index += 1 }
      guard index < filled else { return try needMore() }
      let current = byte(index)
      if current == 0x3E {
        position = index + 1
        break
      }
      if current == 0x2F {
        guard index + 1 < filled else { return try needMore() }
        guard byte(index + 1) == 0x3E else { throw damaged() }
        position = index + 2
        isEmptyElement = true
        break
      }
      guard index > beforeSpace else { throw damaged() }
      // name = "value"
      let attributeStart = index
      var localStart = index
      while index < filled && !XMLTokenizer.isNameEnd(byte(index)) {
        if byte(index) == 0x3A { localStart = index + 1 }
        index += 1
      }
      guard index < filled else { return try needMore() }
      let attributeEnd = index
      guard attributeEnd > attributeStart else { throw damaged() }
      while index < filled && XMLTokenizer.isSpace(byte(index)) { index += 1 }
      guard index < filled else { return try needMore() }
      guard byte(index) == 0x3D else { throw damaged() }
      index += 1
      while index < filled && XMLTokenizer.isSpace(byte(index)) { index += 1 }
      guard index < filled else { return try needMore() }
      let quote = byte(index)
      guard quote == 0x22 || quote == 0x27 else { throw damaged() }
      guard let close = find(quote, from: index + 1) else { return try needMore() }
      if find(0x3C, from: index + 1, to: close) != nil { throw damaged() }
      let slot = attributeCount * 5
      if slot + 5 > attributeBounds.count { attributeBounds.append(contentsOf: repeatElement(0, count: 5 * 16)) }
      attributeBounds[slot] = attributeStart
      attributeBounds[slot + 1] = localStart
      attributeBounds[slot + 2] = attributeEnd
      attributeBounds[slot + 3] = index + 1
      attributeBounds[slot + 4] = close
      attributeCount += 1
      index = close + 1
    }
    guard position - tagStart <= tagLimit else {
      throw InputProblem.xmlTooComplex(part: part, offset: tokenOffset, limit: tagLimit)
    }
    guard !rootClosed else { throw damaged() }
    setName(start, end)
    open.append(hash(start..<end))
    guard open.count <= depthLimit else {
      throw InputProblem.xmlTooComplex(part: part, offset: tokenOffset, limit: depthLimit)
    }
    sawRoot = true
    if isEmptyElement { pendingEnd = true }
    event = .start
    return true
  }

  /// A tag cut by the end of the window: read more, or the part ended inside it. A tag is
  /// allowed `tagLimit` bytes whatever room the window has.
  private mutating func needMore() throws -> Bool {
    guard filled - position <= tagLimit else {
      throw InputProblem.xmlTooComplex(part: part, offset: tokenOffset, limit: tagLimit)
    }
    guard try fill() else { throw damaged() }
    return false
  }

  /// Bytes that end a name: whitespace, `/`, `>`, `=`, quotes, `<`.
  @inline(__always) private static func isNameEnd(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x0A, 0x0D, 0x09, 0x2F, 0x3E, 0x3D, 0x22, 0x27, 0x3C: return true
    default: return false
    }
  }

  private mutating func setName(_ start: Int, _ end: Int) {
    nameStart = start
    nameEnd = end
    localStart = start
    var index = end
    while index > start {
      index -= 1
      if byte(index) == 0x3A {
        localStart = index + 1
        break
      }
    }
  }

  /// FNV-1a of a name, to match end tags with start tags without keeping the names.
  private func hash(_ range: Range<Int>) -> UInt64 {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    for index in range {
      value = (value ^ UInt64(byte(index))) &* 0x100_0000_01B3
    }
    return value
  }

  // MARK: - The current token

  /// Whether the current start or end tag's local name (without a namespace prefix) is `name`.
  func isNamed(_ name: StaticString) -> Bool {
    equals(localStart..<nameEnd, name)
  }

  private func equals(_ range: Range<Int>, _ name: StaticString) -> Bool {
    guard range.count == name.utf8CodeUnitCount else { return false }
    return memcmp(window.baseAddress! + range.lowerBound, name.utf8Start, range.count) == 0
  }

  /// The raw bytes of the current start tag's attribute whose local name is `name`.
  func attribute(_ name: StaticString) -> UnsafeRawBufferPointer? {
    var index = 0
    while index < attributeCount * 5 {
      if equals(attributeBounds[index + 1]..<attributeBounds[index + 2], name) {
        return UnsafeRawBufferPointer(rebasing: window[attributeBounds[index + 3]..<attributeBounds[index + 4]])
      }
      index += 5
    }
    return nil
  }

  /// The attribute `name` as a non-negative whole number; nil when absent, damage when it is
  /// something else.
  func integerAttribute(_ name: StaticString) throws -> Int? {
    guard let raw = attribute(name) else { return nil }
    var value = 0
    guard !raw.isEmpty, raw.count <= 12 else { throw damaged() }
    for byte in raw {
      let digit = byte &- 0x30
      guard digit < 10 else { throw damaged() }
      value = value * 10 + Int(digit)
    }
    return value
  }

  /// The attribute `name` as text, entities replaced.
  func stringAttribute(_ name: StaticString) throws -> String? {
    guard let raw = attribute(name) else { return nil }
    var bytes: [UInt8] = []
    try XMLTokenizer.decode(raw, into: &bytes, cdata: false, attribute: true, damage: damaged())
    guard let text = UTF8Scan.string(bytes) else { throw damaged() }
    return text
  }

  /// Appends the current text's bytes, entities and character references replaced and line
  /// ends made LF, to `bytes`.
  func appendText(to bytes: inout [UInt8]) throws {
    let raw = UnsafeRawBufferPointer(rebasing: window[textStart..<textEnd])
    try XMLTokenizer.decode(raw, into: &bytes, cdata: textIsCDATA, attribute: false, damage: damaged())
  }

  /// Whether the current text is whitespace only.
  var textIsSpace: Bool {
    for index in textStart..<textEnd where !XMLTokenizer.isSpace(byte(index)) { return false }
    return true
  }

  /// XML's rules for character data: the five entities, `&#…;` references to characters XML
  /// allows, no control bytes but tab and line ends (CRLF and a lone CR read as LF; in an
  /// attribute every line end and tab is a space).
  static func decode(
    _ raw: UnsafeRawBufferPointer, into bytes: inout [UInt8], cdata: Bool, attribute: Bool, damage: InputProblem
  ) throws {
    var index = 0
    let count = raw.count
    while index < count {
      let byte = raw[index]
      if byte >= 0x20 && (byte != 0x26 || cdata) {
        // A run of plain bytes.
        let start = index
        index += 1
        while index < count {
          let next = raw[index]
          if next < 0x20 || (next == 0x26 && !cdata) { break }
          index += 1
        }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start..<index]))
        continue
      }
      switch byte {
      case 0x09:
        bytes.append(attribute ? 0x20 : 0x09)
        index += 1
      case 0x0A:
        bytes.append(attribute ? 0x20 : 0x0A)
        index += 1
      case 0x0D:
        bytes.append(attribute ? 0x20 : 0x0A)
        index += 1
        if index < count && raw[index] == 0x0A { index += 1 }
      case 0x26:
        guard let semicolon = raw[index...].prefix(12).firstIndex(of: 0x3B) else { throw damage }
        let name = raw[(index + 1)..<semicolon]
        guard let scalar = entity(name) else { throw damage }
        bytes.append(contentsOf: scalar.utf8)
        index = semicolon + 1
      default:
        throw damage
      }
    }
  }

  /// The character an entity or character reference (between `&` and `;`) stands for.
  private static func entity(_ name: Slice<UnsafeRawBufferPointer>) -> Unicode.Scalar? {
    switch Array(name) {
    case [0x6C, 0x74]: return "<"
    case [0x67, 0x74]: return ">"
    case [0x61, 0x6D, 0x70]: return "&"
    case [0x71, 0x75, 0x6F, 0x74]: return "\""
    case [0x61, 0x70, 0x6F, 0x73]: return "'"
    default: break
    }
    guard name.first == 0x23 else { return nil }
    var digits = name.dropFirst()
    var radix: UInt32 = 10
    if digits.first == 0x78 {
      radix = 16
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty, digits.count <= 8 else { return nil }
    var value: UInt32 = 0
    for byte in digits {
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46 where radix == 16: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66 where radix == 16: digit = UInt32(byte - 0x61 + 10)
      default: return nil
      }
      value = value * radix + digit
    }
    // The characters XML allows: tab, line ends, and everything from space on but the
    // surrogates, U+FFFE and U+FFFF.
    guard value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
    else { return nil }
    return Unicode.Scalar(value)
  }
}
