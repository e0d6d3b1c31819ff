/// Numbers written for people, the same in every language.
enum NumberFormat {
  /// A number without a needless ".0": 2019.6 stays 2019.6, 43.0 is 43.
  static func plain(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// A migration's number as its file name writes it: 0002.
  static func fourDigits(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
