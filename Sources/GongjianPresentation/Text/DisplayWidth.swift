/// How many terminal columns text takes. Chinese characters and full-width forms take two,
/// combining marks and invisible characters none; padding by `String.count` instead
/// misaligns every column with Chinese in it.
public enum DisplayWidth {
  public static func of(_ text: String) -> Int {
    var total = 0
    for character in text {
      total += of(character)
    }
    return total
  }

  /// Width of one grapheme cluster: two for an emoji shown as a picture (by default, or asked
  /// for with VS16, however many code points it joins); otherwise the sum of its code points,
  /// so a combining mark adds nothing and a half-width voiced mark (ｶﾞ) adds its column.
  public static func of(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if first.properties.isEmojiPresentation && first.value > 0xFF { return 2 }
    if scalars.count > 1, first.properties.isEmoji,
      scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D })
    {
      return 2
    }
    var width = 0
    for scalar in scalars { width += of(scalar) }
    return width
  }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x7F { return value < 0x20 ? 0 : 1 }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    if properties.isDefaultIgnorableCodePoint { return 0 }
    // Hangul jamo medial vowels and final consonants join the syllable before them.
    if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
    return isWide(value) ? 2 : 1
  }

  public static func isWide(_ value: UInt32) -> Bool {
    var low = 0
    var high = eastAsianWideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = eastAsianWideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }

  /// `text` followed by spaces up to `width` columns (never cut).
  public static func pad(_ text: String, to width: Int) -> String {
    let missing = width - of(text)
    return missing > 0 ? text + String(repeating: " ", count: missing) : text
  }

  /// Spaces, then `text`, up to `width` columns (for numbers).
  public static func padLeft(_ text: String, to width: Int) -> String {
    let missing = width - of(text)
    return missing > 0 ? String(repeating: " ", count: missing) + text : text
  }

  /// `text` cut to at most `width` columns, with "…" where it was cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    guard of(text) > width else { return text }
    var result = ""
    var used = 0
    for character in text {
      let next = of(character)
      if used + next > width - 1 { break }
      result.append(character)
      used += next
    }
    return result + "…"
  }

  /// `text` broken into lines of at most `width` columns: between characters for Chinese, at a
  /// space for words in Latin letters where one is near (a word longer than a line is broken).
  public static func wrap(_ text: String, to width: Int) -> [String] {
    guard width > 1, of(text) > width else { return [text] }
    var lines: [String] = []
    var line = ""
    var used = 0
    for character in text {
      let next = of(character)
      if used + next > width {
        // Break at the last space of the line when it is in the line's second half.
        if let space = line.lastIndex(of: " "), of(String(line[..<space])) > width / 2 {
          lines.append(String(line[..<space]))
          line = String(line[line.index(after: space)...])
        } else {
          lines.append(line)
          line = ""
        }
        used = of(line)
      }
      if line.isEmpty && character == " " { continue }
      line.append(character)
      used += next
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
