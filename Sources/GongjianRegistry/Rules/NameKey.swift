import Foundation

/// The normalised key of a unit or group name (SPEC §5): Unicode NFKC, every whitespace and
/// invisible character removed, case-folded. `上海长远文化（集团）有限公司`,
/// `上海长远文化(集团)有限公司` and `上海长远文化 (集团) 有限公司` have one key.
public enum NameKey {
  public static func make(_ name: String) -> String {
    fastKey(name) ?? fullKey(name)
  }

  /// The key of names that are probably one unit typed two ways: the key with every bracket
  /// style and the words 有限公司, 集团 and 股份 taken out. (NFKC has already folded full-width
  /// （）and ［］ to () and [].) The migration that added the column computes the same in SQL.
  public static func similar(_ key: String) -> String {
    var bytes = Array(key.utf8)
    var changed = false
    for piece in similarNamePieces where removeEvery(piece, from: &bytes) {
      changed = true
    }
    return changed ? String(decoding: bytes, as: UTF8.self) : key
  }

  /// What `similar` takes out, as UTF-8, in order: the brackets first, so that a word they
  /// split is whole again, then the words. Compared byte by byte, as SQLite's `replace()` in
  /// the migration compares (a match of whole UTF-8 sequences starts and ends on a
  /// character's boundary, so what remains is valid text).
  private static let similarNamePieces: [[UInt8]] =
    (Vocabulary.similarNameBrackets.map { String($0) }.sorted() + Vocabulary.similarNameWords).map { Array($0.utf8) }

  /// Removes every occurrence of `piece` from `bytes`, in place; whether there was one.
  private static func removeEvery(_ piece: [UInt8], from bytes: inout [UInt8]) -> Bool {
    let kept = bytes.withUnsafeMutableBufferPointer { buffer in
      piece.withUnsafeBufferPointer { piece -> Int in
        let count = buffer.count
        let length = piece.count
        guard let first = piece.first else { return count }
        func matches(at index: Int) -> Bool {
          guard buffer[index] == first && index + length <= count else { return false }
          for offset in 1..<length where buffer[index + offset] != piece[offset] { return false }
          return true
        }
        // Most names have none of the pieces: look before moving anything.
        guard var read = (0..<count).first(where: matches(at:)) else { return count }
        var write = read
        while read < count {
          if matches(at: read) {
            read += length
          } else {
            buffer[write] = buffer[read]
            write += 1
            read += 1
          }
        }
        return write
      }
    }
    guard kept < bytes.count else { return false }
    bytes.removeLast(bytes.count - kept)
    return true
  }

  /// The key by the book, through Foundation's Unicode tables.
  static func fullKey(_ name: String) -> String {
    // NFKC maps full-width forms, compatibility ideographs and ligatures to their plain forms.
    let compatible = name.precomposedStringWithCompatibilityMapping
    let folded = compatible.folding(options: [.caseInsensitive], locale: nil)
    // Folding can produce characters that NFKC changes again (rare); settle on NFKC.
    var key = String.UnicodeScalarView()
    for scalar in folded.precomposedStringWithCompatibilityMapping.unicodeScalars
    where !scalar.properties.isWhitespace && !scalar.properties.isDefaultIgnorableCodePoint {
      key.append(scalar)
    }
    // Removing a space or an invisible character can bring a letter and its accent together
    // (`e`, U+200D, U+0301): compose once more, so that the key of a key is the key itself.
    return String(key).precomposedStringWithCompatibilityMapping
  }

  /// Most names are ASCII and CJK ideographs, which NFKC leaves as they are: build the key
  /// without Foundation (an import of a million rows makes a million keys).
  /// Returns nil when any character needs the full treatment.
  static func fastKey(_ name: String) -> String? {
    var unchanged = true
    for scalar in name.unicodeScalars {
      switch scalar.value {
      case 0x20, 0x41...0x5A:
        // Spaces go, ASCII upper case folds to lower case.
        unchanged = false
      case 0x21...0x7E, 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3001...0x3002, 0x3008...0x3011:
        // ASCII, CJK Unified Ideographs (and Extension A), 、。 and the CJK brackets
        // 〈〉《》「」『』【】: NFKC-stable, uncased, not combining.
        continue
      default:
        return nil
      }
    }
    if unchanged { return name }
    // Only ASCII bytes change, so the UTF-8 can be edited byte by byte.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(name.utf8.count)
    for byte in name.utf8 where byte != 0x20 {
      bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Cleans text a person typed or a spreadsheet cell held, before it is stored.
public enum TextInput {
  /// The longest name the registry stores, in Unicode scalars (the schema checks the same).
  public static let maxNameLength = 200
  /// The longest note or description.
  public static let maxNoteLength = 2000
  /// The longest kind (category).
  public static let maxKindLength = 50

  /// A unit or group name as stored: invisible characters removed, whitespace trimmed and
  /// inner runs collapsed to one space. Refuses control characters, empty and overlong names.
  public static func name(_ raw: String) -> Result<String, ValueProblem> {
    switch singleLine(raw, maxLength: maxNameLength) {
    case .failure(let problem): return .failure(problem)
    case .success(let cleaned):
      guard !cleaned.isEmpty else { return .failure(.missing) }
      // A name of plain ASCII and CJK has a visible key of the same length: nothing to check.
      if isAlreadyClean(cleaned, maxLength: maxNameLength) { return .success(cleaned) }
      let key = NameKey.make(cleaned)
      guard !key.isEmpty else { return .failure(.invisibleOnly(text: raw)) }
      // NFKC can lengthen a name (㍿ is 株式会社); the key must fit the schema's limit too.
      guard key.unicodeScalars.count <= maxNameLength else {
        return .failure(.tooLongOnceNormalised(limit: maxNameLength, length: key.unicodeScalars.count))
      }
      return .success(cleaned)
    }
  }

  /// An optional one-line field (kind, contact, phone, address, signatory…). Empty is nil.
  public static func optionalLine(_ raw: String?, maxLength: Int = maxNameLength) -> Result<String?, ValueProblem> {
    guard let raw else { return .success(nil) }
    return singleLine(raw, maxLength: maxLength).map { $0.isEmpty ? nil : $0 }
  }

  /// An optional note: line breaks are kept, other control characters refused. Empty is nil.
  public static func optionalNote(_ raw: String?) -> Result<String?, ValueProblem> {
    guard let raw else { return .success(nil) }
    var lines: [String] = []
    for line in raw.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    {
      switch singleLine(String(line), maxLength: maxNoteLength) {
      case .failure(let problem): return .failure(problem)
      case .success(let cleaned): lines.append(cleaned)
      }
    }
    while lines.last == "" { lines.removeLast() }
    while lines.first == "" { lines.removeFirst() }
    let note = lines.joined(separator: "\n")
    guard note.unicodeScalars.count <= maxNoteLength else { return .failure(.tooLong(limit: maxNoteLength)) }
    return .success(note.isEmpty ? nil : note)
  }

  static func singleLine(_ raw: String, maxLength: Int) -> Result<String, ValueProblem> {
    if isAlreadyClean(raw, maxLength: maxLength) { return .success(raw) }
    // Counted before any Unicode work, so a huge cell costs no more than its length.
    if raw.utf8.count > maxLength * 8 { return .failure(.tooLong(limit: maxLength)) }
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    var count = 0
    for scalar in raw.unicodeScalars {
      let properties = scalar.properties
      if properties.isWhitespace {
        pendingSpace = !result.isEmpty
        continue
      }
      if properties.generalCategory == .control { return .failure(.controlCharacter(scalar.value)) }
      // Zero-width spaces, joiners, BOMs and the like: invisible, and never meant.
      if properties.isDefaultIgnorableCodePoint { continue }
      if pendingSpace {
        result.append(" ")
        count += 1
        pendingSpace = false
      }
      result.append(scalar)
      count += 1
      if count > maxLength { return .failure(.tooLong(limit: maxLength)) }
    }
    return .success(String(result))
  }
}

extension TextInput {
  /// True when `raw` would come out of `singleLine` unchanged: only characters that are
  /// neither space, control nor invisible, single spaces between words, not too long. Checked
  /// by code point range, without Unicode property look-ups: an import cleans millions of cells.
  static func isAlreadyClean(_ raw: String, maxLength: Int) -> Bool {
    var count = 0
    var previousWasSpace = true  // A leading space is not clean.
    for scalar in raw.unicodeScalars {
      let value = scalar.value
      count += 1
      if value == 0x20 {
        if previousWasSpace { return false }
        previousWasSpace = true
        continue
      }
      previousWasSpace = false
      switch value {
      case 0x21...0x7E,  // printable ASCII
        0x3001...0x303F,  // CJK symbols and punctuation (not U+3000, the ideographic space)
        0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK ideographs
        0xFF01...0xFF5E:  // full-width forms
        continue
      default:
        return false
      }
    }
    return !previousWasSpace && count <= maxLength
  }
}

extension String {
  /// Every occurrence of `target` replaced, compared as UTF-8 bytes, as SQLite's `replace()`
  /// compares (the migration that computes similar names in SQL must agree with this), and
  /// without Foundation's locale-aware search, which costs an import thousands of
  /// instructions a row. A match of whole UTF-8 sequences always starts and ends on a
  /// character's boundary, so the result is valid text.
  public func replacingEvery(_ target: String, with replacement: String) -> String {
    let target = Array(target.utf8)
    guard let first = target.first else { return self }
    let replaced = utf8.withContiguousStorageIfAvailable { source -> [UInt8]? in
      var result: [UInt8]?
      var copied = 0
      var index = 0
      while index + target.count <= source.count {
        if source[index] == first && source[index..<(index + target.count)].elementsEqual(target) {
          if result == nil { result = [] }
          result?.append(contentsOf: source[copied..<index])
          result?.append(contentsOf: replacement.utf8)
          index += target.count
          copied = index
        } else {
          index += 1
        }
      }
      result?.append(contentsOf: source[copied...])
      return result
    }
    guard let replaced else {
      // A bridged string without contiguous UTF-8: make it native, then search.
      var native = self
      native.makeContiguousUTF8()
      return native.replacingEvery(String(decoding: target, as: UTF8.self), with: replacement)
    }
    return replaced.map { String(decoding: $0, as: UTF8.self) } ?? self
  }

  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}
