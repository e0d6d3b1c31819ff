/// Percentages as reports print them, the same in every language: one decimal place.
enum PercentFormat {
  /// "48.3%".
  static func oneDecimal(_ value: Double) -> String {
    guard value.isFinite else { return "—" }
    let tenths = Int((abs(value) * 10).rounded())
    return (value < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)%"
  }

  /// "+48.3%" or "-3.4%".
  static func signed(_ value: Double) -> String {
    let text = oneDecimal(value)
    return text.hasPrefix("-") ? text : "+" + text
  }
}
