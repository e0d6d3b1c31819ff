/// Reads the date forms people type (SPEC §4): `2019-08-15`, `2019/8/15`, `2019.8.15`,
/// `2019年8月15日`, `20190815` and `today`, with full-width digits and separators too.
/// Everything is checked by hand: Foundation's date parsing is lenient and turns 2019-02-30
/// into March 2.
public enum DayParser {
  /// Why a text is not a date. `description` is the message for the user.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public let input: String
    public let reason: String
    public var description: String { "\(DayParser.quoted(input)) is not a date: \(reason)" }
  }

  // 年, 月 and 日 are folded to bytes no typed character can produce.
  private static let yearMark: UInt8 = 0x01
  private static let monthMark: UInt8 = 0x02
  private static let dayMark: UInt8 = 0x03

  static let accepted = "2019-08-15, 2019/8/15, 2019.8.15, 2019年8月15日, 20190815 or today"

  public static func parse(_ input: String, today: Day) -> Result<Day, Failure> {
    // The stored form, the most common in files, without the general machinery.
    if input.utf8.count == 10, let day = Day(iso: input) { return .success(day) }
    func fail(_ reason: String) -> Result<Day, Failure> { .failure(Failure(input: input, reason: reason)) }
    // Fold full-width forms to ASCII, drop surrounding spaces; keep 年月日 as they are.
    var folded: [UInt8] = []
    for scalar in input.unicodeScalars {
      let value = scalar.value
      if (0xFF01...0xFF5E).contains(value) {
        folded.append(UInt8(value - 0xFF01 + 0x21))
      } else if scalar.properties.isWhitespace {
        folded.append(0x20)
      } else if value >= 0x20 && value < 0x7F {
        folded.append(UInt8(value))
      } else if scalar == "年" {
        folded.append(yearMark)
      } else if scalar == "月" {
        folded.append(monthMark)
      } else if scalar == "日" || scalar == "号" {
        folded.append(dayMark)
      } else {
        return fail("unexpected character \(quoted(String(scalar))); use \(accepted)")
      }
      if folded.count > 40 { return fail("too long; use \(accepted)") }
    }
    while folded.first == 0x20 { folded.removeFirst() }
    while folded.last == 0x20 { folded.removeLast() }
    if folded.isEmpty { return fail("it is empty; use \(accepted)") }

    let lowered = String(decoding: folded, as: UTF8.self).lowercased()
    if lowered == "today" { return .success(today) }

    let parts: [ArraySlice<UInt8>]
    if folded.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
      guard folded.count == 8 else {
        return fail("\(folded.count) digits; a date without separators has 8 (20190815)")
      }
      parts = [folded[0..<4], folded[4..<6], folded[6..<8]]
    } else if folded.contains(yearMark) || folded.contains(monthMark) || folded.contains(dayMark) {
      // 2019年8月15日 (the 日 may be left out).
      var text = folded
      if text.last == dayMark { text.removeLast() }
      let pieces = text.split(omittingEmptySubsequences: false) { $0 == yearMark || $0 == monthMark }
      guard pieces.count == 3, !text.contains(dayMark), text.filter({ $0 == yearMark }).count == 1,
        let yearEnd = text.firstIndex(of: yearMark), let monthEnd = text.firstIndex(of: monthMark),
        yearEnd < monthEnd
      else { return fail("write it as 2019年8月15日") }
      parts = pieces.map { ArraySlice($0.filter { $0 != 0x20 }) }
    } else {
      let separators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")]
      let used = Set(folded.filter { separators.contains($0) })
      guard used.count == 1, let separator = used.first else {
        return fail("use \(accepted)")
      }
      parts = folded.split(separator: separator, omittingEmptySubsequences: false)
      guard parts.count == 3 else { return fail("a date has a year, a month and a day; use \(accepted)") }
    }
    guard parts[0].count == 4, let year = Day.number(parts[0]) else {
      return fail("the year must have four digits")
    }
    guard (1...2).contains(parts[1].count), let month = Day.number(parts[1]) else {
      return fail("the month must be 1 to 12")
    }
    guard (1...2).contains(parts[2].count), let day = Day.number(parts[2]) else {
      return fail("the day must be 1 to 31")
    }
    guard (Day.earliestYear...Day.latestYear).contains(year) else {
      return fail("the year \(year) is out of range (\(Day.earliestYear)–\(Day.latestYear))")
    }
    guard (1...12).contains(month) else { return fail("there is no month \(month)") }
    let length = Day.daysIn(month: month, year: year)
    guard day >= 1, day <= length, let value = Day(year: year, month: month, day: day) else {
      return fail("\(year)-\(month < 10 ? "0" : "")\(month) has \(length) days")
    }
    return .success(value)
  }

  /// Excel's serial day number (1 = 1900-01-01, with Excel's fictional 1900-02-29 as 60),
  /// as found in XLSX date cells. Fractions (a time of day) are ignored.
  public static func fromExcelSerial(_ serial: Double) -> Day? {
    guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
    let whole = Int(serial.rounded(.down))
    if whole == 60 { return nil }  // 1900-02-29 never existed.
    // Serial 25569 is 1970-01-01; serials before 61 are one day off because of the fake leap day.
    let days = whole - 25_569 + (whole < 60 ? 1 : 0)
    return Day(daysSinceEpoch: days)
  }

  /// The Excel serial number of a day (for XLSX export).
  public static func excelSerial(of day: Day) -> Int {
    let serial = day.daysSinceEpoch + 25_569
    return serial < 61 ? serial - 1 : serial
  }

  /// Quotes user text for a message, escaping control characters so a message stays one line.
  static func quoted(_ text: String) -> String {
    var result = "'"
    for scalar in text.unicodeScalars.prefix(60) {
      if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    if text.unicodeScalars.count > 60 { result += "…" }
    return result + "'"
  }
}
