/// Reads the date forms people type: `2019-08-15`, `2019/8/15`, `2019.8.15`, `2019年8月15日`,
/// `20190815`, `today`/`今天` and `yesterday`/`昨天`, with full-width digits and separators too,
/// and a time of day after the date (what a spreadsheet writes for a date cell) ignored.
/// Everything is checked by hand: Foundation's date parsing is lenient and turns 2019-02-30
/// into March 2.
public enum DayParser {
  /// Why a text is not a date: the text and the rule it breaks.
  public struct Failure: Error, Equatable, Sendable {
    public let input: String
    public let problem: DateProblem

    public init(input: String, problem: DateProblem) {
      self.input = input
      self.problem = problem
    }
  }

  // 年, 月 and 日 are folded to bytes no typed character can produce.
  private static let yearMark: UInt8 = 0x01
  private static let monthMark: UInt8 = 0x02
  private static let dayMark: UInt8 = 0x03

  public static func parse(_ input: String, today: Day) -> Result<Day, Failure> {
    // The stored form, the most common in files, without the general machinery.
    if input.utf8.count == 10, let day = Day(iso: input) { return .success(day) }
    func fail(_ problem: DateProblem) -> Result<Day, Failure> { .failure(Failure(input: input, problem: problem)) }
    // today, ｔｏｄａｙ, TODAY and 今天 alike: full-width letters folded, spaces dropped.
    var word = String.UnicodeScalarView()
    for scalar in input.unicodeScalars where !scalar.properties.isWhitespace {
      if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFF01 + 0x21) {
        word.append(ascii)
      } else {
        word.append(scalar)
      }
    }
    if let offset = Vocabulary.relativeDays[String(word).lowercased()] {
      guard let day = today.adding(days: offset) else { return fail(.yearOutOfRange(today.year + offset)) }
      return .success(day)
    }
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
      } else if scalar == Vocabulary.yearMark {
        folded.append(yearMark)
      } else if scalar == Vocabulary.monthMark {
        folded.append(monthMark)
      } else if Vocabulary.dayMarks.contains(scalar) {
        folded.append(dayMark)
      } else {
        return fail(.unexpectedCharacter(String(scalar)))
      }
      if folded.count > 40 { return fail(.tooLong) }
    }
    while folded.first == 0x20 { folded.removeFirst() }
    while folded.last == 0x20 { folded.removeLast() }
    if folded.isEmpty { return fail(.empty) }
    dropTimeOfDay(&folded)

    let parts: [ArraySlice<UInt8>]
    if folded.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
      if folded.count == 4, let year = Day.number(folded[0..<4]) { return fail(.incomplete(year: year, month: nil)) }
      if folded.count == 6, let year = Day.number(folded[0..<4]), let month = Day.number(folded[4..<6]),
        (1...12).contains(month)
      {
        return fail(.incomplete(year: year, month: month))
      }
      guard folded.count == 8 else { return fail(.digitCount(folded.count)) }
      parts = [folded[0..<4], folded[4..<6], folded[6..<8]]
    } else if folded.contains(yearMark) || folded.contains(monthMark) || folded.contains(dayMark) {
      // 2019年8月15日 (the 日 may be left out).
      var text = folded
      if text.last == dayMark { text.removeLast() }
      let pieces = text.split(omittingEmptySubsequences: false) { $0 == yearMark || $0 == monthMark }
        .map { ArraySlice($0.filter { $0 != 0x20 }) }
      // 2019年6月 and 2019年: a month or a year, not a day.
      if !text.contains(dayMark), text.filter({ $0 == yearMark }).count == 1, pieces.last?.isEmpty == true,
        pieces.count <= 3, pieces[0].count == 4, let year = Day.number(pieces[0])
      {
        if pieces.count == 2 { return fail(.incomplete(year: year, month: nil)) }
        if let month = Day.number(pieces[1]), (1...12).contains(month) {
          return fail(.incomplete(year: year, month: month))
        }
      }
      guard pieces.count == 3, !text.contains(dayMark), text.filter({ $0 == yearMark }).count == 1,
        let yearEnd = text.firstIndex(of: yearMark), let monthEnd = text.firstIndex(of: monthMark),
        yearEnd < monthEnd
      else { return fail(.chineseFormMalformed) }
      parts = pieces
    } else {
      let separators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")]
      let used = Set(folded.filter { separators.contains($0) })
      guard used.count == 1, let separator = used.first else { return fail(.unrecognised) }
      parts = folded.split(separator: separator, omittingEmptySubsequences: false)
      if parts.count == 2, parts[0].count == 4, let year = Day.number(parts[0]), (1...2).contains(parts[1].count),
        let month = Day.number(parts[1]), (1...12).contains(month)
      {
        return fail(.incomplete(year: year, month: month))
      }
      guard parts.count == 3 else { return fail(.unrecognised) }
    }
    guard parts[0].count == 4, let year = Day.number(parts[0]) else { return fail(.yearDigits) }
    guard (1...2).contains(parts[1].count), let month = Day.number(parts[1]) else { return fail(.monthInvalid) }
    guard (1...2).contains(parts[2].count), let day = Day.number(parts[2]) else { return fail(.dayInvalid) }
    guard (Day.earliestYear...Day.latestYear).contains(year) else { return fail(.yearOutOfRange(year)) }
    guard (1...12).contains(month) else { return fail(.noSuchMonth(month)) }
    let length = Day.daysIn(month: month, year: year)
    guard day >= 1, day <= length, let value = Day(year: year, month: month, day: day) else {
      return fail(.dayOutOfMonth(year: year, month: month, days: length))
    }
    return .success(value)
  }

  /// Drops `H:MM`, `H:MM:SS` or `H:MM:SS.fff` after a space at the end: a spreadsheet writes a
  /// date cell as `2019-06-27 00:00:00`, and the registry records days, not instants.
  private static func dropTimeOfDay(_ folded: inout [UInt8]) {
    guard let space = folded.lastIndex(of: 0x20) else { return }
    let time = folded[(space + 1)...]
    let fields = time.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
    guard (2...3).contains(fields.count) else { return }
    for (index, field) in fields.enumerated() {
      let digits = index == 2 ? field.prefix { $0 != UInt8(ascii: ".") } : field
      guard (1...2).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return }
      if index == 2, digits.count < field.count {
        guard field.dropFirst(digits.count + 1).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return }
      }
    }
    guard let hours = Day.number(fields[0]), hours < 24, let minutes = Day.number(fields[1]), minutes < 60 else {
      return
    }
    folded.removeSubrange(space...)
    while folded.last == 0x20 { folded.removeLast() }
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
  public static func quoted(_ text: String) -> String {
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

/// Why a text is not a date.
public enum DateProblem: Equatable, Sendable {
  case empty
  case tooLong
  /// A character that belongs in no date form.
  case unexpectedCharacter(String)
  /// Digits without separators, but not 8 of them.
  case digitCount(Int)
  /// 年月日 in the wrong places.
  case chineseFormMalformed
  /// None of the accepted forms.
  case unrecognised
  case yearDigits
  case monthInvalid
  case dayInvalid
  case yearOutOfRange(Int)
  case noSuchMonth(Int)
  case dayOutOfMonth(year: Int, month: Int, days: Int)
  /// A year, or a year and month, without the day (2019, 2019年6月, 2019-06).
  case incomplete(year: Int, month: Int?)
}
