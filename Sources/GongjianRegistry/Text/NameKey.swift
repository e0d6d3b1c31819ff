import Foundation

/// The normalised key of a unit or group name (SPEC §5): Unicode NFKC, every whitespace and
/// invisible character removed, case-folded. `上海长远文化（集团）有限公司`,
/// `上海长远文化(集团)有限公司` and `上海长远文化 (集团) 有限公司` have one key.
public enum NameKey {
  public static func make(_ name: String) -> String {
    fastKey(name) ?? fullKey(name)
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
    return String(key)
  }

  /// Most names are ASCII and CJK ideographs, which NFKC leaves as they are: build the key
  /// without Foundation (an import of a million rows makes a million keys).
  /// Returns nil when any character needs the full treatment.
  static func fastKey(_ name: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(name.utf8.count)
    for scalar in name.unicodeScalars {
      let value = scalar.value
      switch value {
      case 0x20:
        continue
      case 0x21...0x7E:
        // ASCII upper case folds to lower case.
        let byte = UInt8(value)
        bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
      case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3001...0x3002, 0x3008...0x3011:
        // CJK Unified Ideographs (and Extension A), 、。 and the CJK brackets 〈〉《》「」『』【】:
        // NFKC-stable, uncased, not combining.
        bytes.append(contentsOf: String(scalar).utf8)
      default:
        return nil
      }
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

  /// A unit or group name as stored: invisible characters removed, whitespace trimmed and
  /// inner runs collapsed to one space. Refuses control characters, empty and overlong names.
  public static func name(_ raw: String, field: String = "name") -> Result<String, RegistryError> {
    switch singleLine(raw, field: field, maxLength: maxNameLength) {
    case .failure(let error): return .failure(error)
    case .success(let cleaned):
      guard !cleaned.isEmpty else {
        return .failure(.invalid("the \(field) is empty; give the unit's full name"))
      }
      let key = NameKey.make(cleaned)
      guard !key.isEmpty else {
        return .failure(.invalid("the \(field) \(DayParser.quoted(raw)) has no visible characters"))
      }
      // NFKC can lengthen a name (㍿ is 株式会社); the key must fit the schema's limit too.
      guard key.unicodeScalars.count <= maxNameLength else {
        return .failure(
          .invalid(
            "the \(field) is longer than \(maxNameLength) characters once normalised (\(key.unicodeScalars.count)); shorten it"
          ))
      }
      return .success(cleaned)
    }
  }

  /// An optional one-line field (kind, contact, phone, address, signatory…). Empty is nil.
  public static func optionalLine(_ raw: String?, field: String, maxLength: Int = maxNameLength) -> Result<
    String?, RegistryError
  > {
    guard let raw else { return .success(nil) }
    return singleLine(raw, field: field, maxLength: maxLength).map { $0.isEmpty ? nil : $0 }
  }

  /// An optional note: line breaks are kept, other control characters refused. Empty is nil.
  public static func optionalNote(_ raw: String?, field: String = "note") -> Result<String?, RegistryError> {
    guard let raw else { return .success(nil) }
    var lines: [String] = []
    for line in raw.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    {
      switch singleLine(String(line), field: field, maxLength: maxNoteLength) {
      case .failure(let error): return .failure(error)
      case .success(let cleaned): lines.append(cleaned)
      }
    }
    while lines.last == "" { lines.removeLast() }
    while lines.first == "" { lines.removeFirst() }
    let note = lines.joined(separator: "\n")
    guard note.unicodeScalars.count <= maxNoteLength else {
      return .failure(
        .invalid("the \(field) is \(note.unicodeScalars.count) characters long; at most \(maxNoteLength) fit"))
    }
    return .success(note.isEmpty ? nil : note)
  }

  static func singleLine(_ raw: String, field: String, maxLength: Int) -> Result<String, RegistryError> {
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    var count = 0
    for scalar in raw.unicodeScalars {
      let properties = scalar.properties
      if properties.isWhitespace {
        pendingSpace = !result.isEmpty
        continue
      }
      if properties.generalCategory == .control {
        return .failure(
          .invalid(
            "the \(field) contains the control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)); "
              + "remove it (it is often pasted in by accident)"))
      }
      // Zero-width spaces, joiners, BOMs and the like: invisible, and never meant.
      if properties.isDefaultIgnorableCodePoint { continue }
      if pendingSpace {
        result.append(" ")
        count += 1
        pendingSpace = false
      }
      result.append(scalar)
      count += 1
      if count > maxLength {
        return .failure(
          .invalid(
            "the \(field) is longer than \(maxLength) characters (\(raw.unicodeScalars.count) given); shorten it"))
      }
    }
    return .success(String(result))
  }
}

extension String {
  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}
