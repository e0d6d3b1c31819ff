/// Whether a number format shows a date: a number in XLSX is a date only by its format.
enum XLSXNumberFormat {
  /// Built-in formats that show dates or times: 14–22 and 45–47 everywhere, and the ones
  /// Chinese (and other East Asian) Excel numbers 27–31, 36, 50–54, 57 and 58
  /// (`yyyy"年"m"月"d"日"` and its kin).
  static func isBuiltInDate(_ id: Int) -> Bool {
    switch id {
    case 14...22, 45...47, 27...31, 36, 50...54, 57, 58: return true
    default: return false
    }
  }

  /// Whether a format code has a year, month, day or era (y, m, d, e) outside quoted text,
  /// brackets (`[Red]`, `[$-804]`, `[h]`), escaped characters and the spacing and fill
  /// characters after `_` and `*`. `General` and a scientific `E+` are not dates.
  static func isDate(code: String) -> Bool {
    let bytes = Array(code.utf8)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case 0x22:  // "…"
        index += 1
        while index < bytes.count && bytes[index] != 0x22 { index += 1 }
      case 0x5B:  // […]
        while index < bytes.count && bytes[index] != 0x5D { index += 1 }
      case 0x5C, 0x5F, 0x2A:  // \x, _x, *x
        index += 1
      default:
        let lower = byte | 0x20
        if lower == 0x67, bytes.count - index >= 7,
          String(decoding: bytes[index..<(index + 7)], as: UTF8.self).lowercased() == "general"
        {
          index += 6
        } else if lower == 0x65, index + 1 < bytes.count, bytes[index + 1] == 0x2B || bytes[index + 1] == 0x2D {
          index += 1
        } else if byte >= 0x41, lower == 0x79 || lower == 0x6D || lower == 0x64 || lower == 0x65 {
          return true
        }
      }
      index += 1
    }
    return false
  }
}
