/// A calendar day, stored and printed as ISO `YYYY-MM-DD`. No time zone is involved anywhere:
/// the registry records days, not instants.
public struct Day: Comparable, Hashable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// The earliest and latest years the registry accepts; anything outside is a typo.
  public static let earliestYear = 1900
  public static let latestYear = 9999

  /// Returns nil for an impossible day (2019-02-29, 2019-13-01, year 0).
  public init?(year: Int, month: Int, day: Int) {
    guard (Day.earliestYear...Day.latestYear).contains(year), (1...12).contains(month),
      day >= 1, day <= Day.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// `YYYY-MM-DD`.
  public var iso: String {
    // Four-digit years (all a registry holds) are written into the string's own bytes: an
    // import writes millions of dates.
    if (1000...9999).contains(year) && (1...12).contains(month) && (1...31).contains(day) {
      return String(unsafeUninitializedCapacity: 10) { buffer in
        func put(_ value: Int, at start: Int, digits: Int) {
          var rest = value
          for index in stride(from: start + digits - 1, through: start, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
          }
        }
        put(year, at: 0, digits: 4)
        buffer[4] = UInt8(ascii: "-")
        put(month, at: 5, digits: 2)
        buffer[7] = UInt8(ascii: "-")
        put(day, at: 8, digits: 2)
        return 10
      }
    }
    var text = String(year)
    text += month < 10 ? "-0\(month)" : "-\(month)"
    text += day < 10 ? "-0\(day)" : "-\(day)"
    return text
  }

  public var description: String { iso }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Parses exactly `YYYY-MM-DD`, the stored form.
  public init?(iso text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = Day.number(bytes[0..<4]), let month = Day.number(bytes[5..<7]),
      let day = Day.number(bytes[8..<10])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    guard !digits.isEmpty, digits.count <= 9 else { return nil }
    var value = 0
    for byte in digits {
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  // MARK: - Day arithmetic, through a day count (days since 1970-01-01)

  /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The day `days` after 1970-01-01; nil outside the accepted years.
  public init?(daysSinceEpoch days: Int) {
    // Bound first, so the arithmetic below cannot overflow on absurd input.
    guard days > -800_000, days < 3_000_000 else { return nil }
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.init(year: year, month: month, day: day)
  }

  /// The day `count` days later (earlier when negative); nil outside the accepted years.
  public func adding(days count: Int) -> Day? {
    guard count > -5_000_000, count < 5_000_000 else { return nil }
    return Day(daysSinceEpoch: daysSinceEpoch + count)
  }

  /// The last day of this day's year, quarter or month.
  public func endOf(_ period: PeriodLength) -> Day {
    switch period {
    case .year: return Day(year: year, month: 12, day: 31) ?? self
    case .quarter:
      let lastMonth = ((month - 1) / 3 + 1) * 3
      return Day(year: year, month: lastMonth, day: Day.daysIn(month: lastMonth, year: year)) ?? self
    case .month: return Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) ?? self
    }
  }
}

/// The length of a reporting period.
public enum PeriodLength: String, CaseIterable, Sendable {
  case year, quarter, month
}
