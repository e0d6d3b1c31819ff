/// RFC 4180 CSV for spreadsheets: CRLF line ends, fields quoted when they hold a comma, a
/// quote or a line break. A cell a spreadsheet would run as a formula (beginning with `=`,
/// `+`, `-`, `@`, tab or CR) gets a leading `'` (OWASP's advice against CSV injection);
/// `CSVReader` removes exactly that quote again, so export → import gives the same data.
public enum CSVWriter {
  static let formulaTriggers: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]  // = + - @ TAB CR

  /// One line, CRLF-terminated.
  public static func line(_ fields: [String], neutralizeFormulas: Bool = true) -> String {
    var output = ""
    append(fields, to: &output, neutralizeFormulas: neutralizeFormulas)
    return output
  }

  public static func append(_ fields: [String], to output: inout String, neutralizeFormulas: Bool = true) {
    for (index, field) in fields.enumerated() {
      if index > 0 { output += "," }
      appendField(field, to: &output, neutralizeFormulas: neutralizeFormulas)
    }
    output += "\r\n"
  }

  public static func appendField(_ field: String, to output: inout String, neutralizeFormulas: Bool) {
    var text = field
    if neutralizeFormulas && needsNeutralizing(text) { text = "'" + text }
    let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else {
      output += text
      return
    }
    output += "\""
    for character in text.unicodeScalars {
      if character == "\"" { output += "\"\"" } else { output.unicodeScalars.append(character) }
    }
    output += "\""
  }

  /// `appendField` into UTF-8 bytes: the same field, without building a String.
  public static func appendField(_ field: String, to output: inout [UInt8], neutralizeFormulas: Bool) {
    var text = field
    text.withUTF8 { bytes in
      let neutralize = neutralizeFormulas && needsNeutralizing(bytes)
      guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
        if neutralize { output.append(0x27) }
        output.append(contentsOf: bytes)
        return
      }
      output.append(0x22)
      if neutralize { output.append(0x27) }
      for byte in bytes {
        if byte == 0x22 { output.append(0x22) }
        output.append(byte)
      }
      output.append(0x22)
    }
  }

  static func needsNeutralizing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in bytes where byte != 0x27 {
      switch byte {
      case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return true
      default: return false
      }
    }
    return false
  }

  /// True when a spreadsheet would treat the cell as a formula: it begins with a trigger, or
  /// with quotes followed by one (so the quote added here can be told from one typed).
  static func needsNeutralizing(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    while let byte = bytes.next() {
      if byte == 0x27 { continue }  // '
      return formulaTriggers.contains(byte)
    }
    return false
  }

  /// Undoes `needsNeutralizing`'s quote on import.
  public static func removeNeutralizingQuote(_ text: String) -> String {
    guard text.utf8.first == 0x27, needsNeutralizing(String(text.dropFirst())) else { return text }
    return String(text.dropFirst())
  }
}
