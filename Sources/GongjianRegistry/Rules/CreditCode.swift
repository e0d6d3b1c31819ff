/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from an
/// alphabet of 31 (the digits and the capital letters without I, O, Z, S and V); the last is a
/// check character computed from the other 17.
public enum CreditCode {
  /// The code's alphabet, in the order of the values it stands for (0…30).
  static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
  /// The weight of each of the first 17 positions: 3^(i-1) mod 31.
  static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  public static let length = 18

  static let values: [Character: Int] = Dictionary(
    uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) })

  /// The check character the first 17 characters call for; nil when one is outside the alphabet.
  public static func checkCharacter(_ first17: some Sequence<Character>) -> Character? {
    var sum = 0
    var count = 0
    for (character, weight) in zip(first17, weights) {
      guard let value = values[character] else { return nil }
      sum += value * weight
      count += 1
    }
    guard count == weights.count else { return nil }
    return alphabet[(31 - sum % 31) % 31]
  }

  /// A code as typed, cleaned and checked: spaces and hyphens taken out, full-width forms and
  /// lower case folded. Empty is nil. A wrong length, a character outside the alphabet or a
  /// wrong check character is refused, the last naming the character expected.
  public static func clean(_ raw: String?) -> Result<String?, ValueProblem> {
    guard let raw else { return .success(nil) }
    var characters: [Character] = []
    for scalar in raw.unicodeScalars {
      if scalar.properties.isWhitespace || scalar == "-" || scalar == "\u{FF0D}" { continue }
      var value = scalar.value
      // Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) as an input method types them.
      if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
      guard let folded = Unicode.Scalar(value) else { continue }
      characters.append(Character(String(folded).uppercased()))
    }
    guard !characters.isEmpty else { return .success(nil) }
    guard characters.count == length else { return .failure(.lists(.creditCodeLength(characters.count))) }
    for (index, character) in characters.enumerated() where values[character] == nil {
      return .failure(.lists(.creditCodeCharacter(String(character), position: index + 1)))
    }
    guard let expected = checkCharacter(characters.prefix(17)) else {
      return .failure(.lists(.creditCodeLength(characters.count)))
    }
    guard expected == characters[17] else {
      return .failure(.lists(.creditCodeCheck(expected: String(expected), found: String(characters[17]))))
    }
    return .success(String(characters))
  }
}
