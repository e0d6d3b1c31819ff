/// A character named by its code point, as `U+0007`: how a message shows a character that
/// cannot be shown itself.
enum CodePoint {
  static func name(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}
