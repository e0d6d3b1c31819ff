import Testing

@testable import GongjianRegistry

@Suite struct DayParserTests {
  static let today = Day(year: 2026, month: 11, day: 27)!

  /// Inputs people type (SPEC §4) and the day each means.
  static let good: [(input: String, expected: String)] = [
    ("2019-08-15", "2019-08-15"),
    ("2019/8/15", "2019-08-15"),
    ("2019/08/15", "2019-08-15"),
    ("2019.8.15", "2019-08-15"),
    ("2019-8-5", "2019-08-05"),
    ("2019年8月15日", "2019-08-15"),
    ("2019年08月05日", "2019-08-05"),
    ("2019年8月15", "2019-08-15"),
    ("2019年8月15号", "2019-08-15"),
    ("2019 年 8 月 15 日", "2019-08-15"),
    ("20190815", "2019-08-15"),
    ("today", "2026-11-27"),
    ("Today", "2026-11-27"),
    ("TODAY", "2026-11-27"),
    ("今天", "2026-11-27"),
    ("yesterday", "2026-11-26"),
    ("Yesterday", "2026-11-26"),
    ("昨天", "2026-11-26"),
    // Full-width digits and separators, as a Chinese input method types them.
    ("２０１９－０８－１５", "2019-08-15"),
    ("２０１９年８月１５日", "2019-08-15"),
    ("２０１９／８／１５", "2019-08-15"),
    ("２０１９．８．１５", "2019-08-15"),
    ("２０１９０８１５", "2019-08-15"),
    ("2019年８月15日", "2019-08-15"),
    ("ｔｏｄａｙ", "2026-11-27"),
    // Surrounding spaces (ASCII, ideographic, tab, line break) are dropped.
    ("  2019-08-15  ", "2019-08-15"),
    ("\u{3000}2019-08-15\u{3000}", "2019-08-15"),
    ("\t2019/8/15\n", "2019-08-15"),
    (" today ", "2026-11-27"),
    // Leap days and the ends of the accepted range.
    ("2020-02-29", "2020-02-29"),
    ("2000-02-29", "2000-02-29"),
    ("2019-12-31", "2019-12-31"),
    ("2019-04-30", "2019-04-30"),
    ("1900-01-01", "1900-01-01"),
    ("9999-12-31", "9999-12-31"),
  ]

  @Test(arguments: good)
  func parses(_ input: String, as expected: String) throws {
    let day = try DayParser.parse(input, today: Self.today).get()
    #expect(day.iso == expected)
    #expect(day == Day(iso: expected))
  }

  /// Inputs that are not a day and must be refused, never guessed at, with the rule each breaks.
  static let bad: [(input: String, problem: DateProblem)] = [
    ("2019-02-29", .dayOutOfMonth(year: 2019, month: 2, days: 28)),  // not a leap year
    ("1900-02-29", .dayOutOfMonth(year: 1900, month: 2, days: 28)),  // 1900 was not a leap year
    ("2100-02-29", .dayOutOfMonth(year: 2100, month: 2, days: 28)),
    ("2019-13-01", .noSuchMonth(13)),
    ("2019-00-10", .noSuchMonth(0)),
    ("2019-04-31", .dayOutOfMonth(year: 2019, month: 4, days: 30)),
    ("2019-08-32", .dayOutOfMonth(year: 2019, month: 8, days: 31)),
    ("2019-08-00", .dayOutOfMonth(year: 2019, month: 8, days: 31)),
    ("0000-01-01", .yearOutOfRange(0)),
    ("1899-12-31", .yearOutOfRange(1899)),
    ("10000-01-01", .yearDigits),
    ("2019-8", .incomplete(year: 2019, month: 8)),
    ("2019-08-", .dayInvalid),
    ("2019--08-15", .unrecognised),
    ("-2019-08-15", .unrecognised),
    ("2019-08-15-", .unrecognised),
    ("2019.08.15.", .unrecognised),
    ("19-08-15", .yearDigits),
    ("2019-123-1", .monthInvalid),
    ("2019-08-015", .dayInvalid),
    ("2019-+8-15", .monthInvalid),
    ("201908155", .digitCount(9)),
    ("2019081", .digitCount(7)),
    ("2019", .incomplete(year: 2019, month: nil)),
    ("201908", .incomplete(year: 2019, month: 8)),
    ("20190230", .dayOutOfMonth(year: 2019, month: 2, days: 28)),
    ("", .empty),
    ("   ", .empty),
    ("\u{3000}", .empty),
    ("abc", .unrecognised),
    ("tomorrow", .unrecognised),
    ("2019-08-15x", .dayInvalid),
    ("x2019-08-15", .yearDigits),
    ("2019-08-15T10:00:00", .dayInvalid),
    ("2019-08/15", .unrecognised),  // mixed separators
    ("2019/08.15", .unrecognised),
    ("2019 08 15", .unrecognised),
    ("2019-08- 15", .dayInvalid),
    ("2019年8月", .incomplete(year: 2019, month: 8)),
    ("2019年", .incomplete(year: 2019, month: nil)),
    ("8月15日", .chineseFormMalformed),
    ("2019年13月1日", .noSuchMonth(13)),
    ("2019年2月30日", .dayOutOfMonth(year: 2019, month: 2, days: 28)),
    ("2019年8月15日日", .chineseFormMalformed),
    ("15日8月2019年", .chineseFormMalformed),
    ("2019-08-15\u{0}", .unexpectedCharacter("\u{0}")),  // control characters
    ("2019\u{7}-08-15", .unexpectedCharacter("\u{7}")),
    ("2019-08\u{1B}-15", .unexpectedCharacter("\u{1B}")),
    ("\u{7F}2019-08-15", .unexpectedCharacter("\u{7F}")),
    ("2019-08-15\u{200B}", .unexpectedCharacter("\u{200B}")),  // invisible
    ("\u{202E}2019-08-15", .unexpectedCharacter("\u{202E}")),
    ("٢٠١٩-٠٨-١٥", .unexpectedCharacter("٢")),  // digits of another script
    (String(repeating: "2019-08-15", count: 10_000), .tooLong),  // 100,000 characters
    (String(repeating: " ", count: 100_000), .tooLong),
  ]

  @Test(arguments: bad)
  func refuses(_ input: String, because problem: DateProblem) {
    switch DayParser.parse(input, today: Self.today) {
    case .success(let day):
      Issue.record("\(input.prefix(40).debugDescription) was read as \(day)")
    case .failure(let failure):
      #expect(failure.input == input, "the refusal names the text as it was typed")
      #expect(failure.problem == problem, "\(input.prefix(40).debugDescription)")
    }
  }

  /// Whatever the input held, the reason carries at most one character of it: a refusal of a
  /// huge or hostile input stays small (the input itself is kept for the surfaces to quote).
  @Test func reasonsCarryLittleOfTheInput() {
    for (input, _) in Self.bad {
      guard case .failure(let failure) = DayParser.parse(input, today: Self.today) else { continue }
      if case .unexpectedCharacter(let character) = failure.problem {
        #expect(character.unicodeScalars.count == 1, "\(input.prefix(40).debugDescription)")
      }
    }
  }

  @Test func refusalsSayWhatIsWrong() {
    func problem(_ input: String) -> DateProblem? {
      guard case .failure(let failure) = DayParser.parse(input, today: Self.today) else { return nil }
      return failure.problem
    }
    #expect(problem("2019-02-29") == .dayOutOfMonth(year: 2019, month: 2, days: 28))
    #expect(problem("2019-13-01") == .noSuchMonth(13))
    #expect(problem("1899-12-31") == .yearOutOfRange(1899))
    #expect(problem("201908155") == .digitCount(9))
    #expect(problem("") == .empty)
    #expect(problem("2019-08/15") == .unrecognised, "none of the accepted forms, which a surface lists")
    // The character itself, for a surface to show escaped.
    #expect(problem("2019\u{7}-08-15") == .unexpectedCharacter("\u{7}"))
  }

  @Test func todayIsWhatTheCallerSays() throws {
    let other = Day(year: 2019, month: 6, day: 20)!
    #expect(try DayParser.parse("today", today: other).get() == other)
    let newYear = Day(year: 2020, month: 1, day: 1)!
    #expect(try DayParser.parse("昨天", today: newYear).get() == Day(year: 2019, month: 12, day: 31))
  }

  // MARK: - Excel serial numbers

  static let serials: [(serial: Double, iso: String)] = [
    (1, "1900-01-01"),
    (2, "1900-01-02"),
    (31, "1900-01-31"),
    (59, "1900-02-28"),
    (61, "1900-03-01"),
    (25_569, "1970-01-01"),
    (36_526, "2000-01-01"),
    (43_831, "2020-01-01"),
    (43_692, "2019-08-15"),
    (43_831.75, "2020-01-01"),  // a time of day is ignored
    (2_958_465, "9999-12-31"),
  ]

  @Test(arguments: serials)
  func excelSerial(_ serial: Double, is iso: String) throws {
    let day = try #require(DayParser.fromExcelSerial(serial))
    #expect(day.iso == iso)
    #expect(DayParser.excelSerial(of: day) == Int(serial))
  }

  @Test(arguments: [60, 0, -1, 0.5, 2_958_466, .nan, .infinity, -.infinity] as [Double])
  func excelSerialOutsideTheCalendar(_ serial: Double) {
    // 60 is Excel's 1900-02-29, a day that never was.
    #expect(DayParser.fromExcelSerial(serial) == nil)
  }

  @Test func excelSerialsRoundTripAcrossTheFakeLeapDay() throws {
    var serial = 1
    var previous: Day?
    while serial < 1_000 {
      defer { serial += 1 }
      if serial == 60 { continue }
      let day = try #require(DayParser.fromExcelSerial(Double(serial)))
      #expect(DayParser.excelSerial(of: day) == serial)
      if let previous { #expect(previous.adding(days: 1) == day, "serial \(serial)") }
      previous = day
    }
  }

  // MARK: - Day arithmetic

  @Test func daysSinceEpochKnownValues() {
    #expect(Day(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
    #expect(Day(year: 1970, month: 1, day: 2)!.daysSinceEpoch == 1)
    #expect(Day(year: 1969, month: 12, day: 31)!.daysSinceEpoch == -1)
    #expect(Day(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
    #expect(Day(year: 1900, month: 1, day: 1)!.daysSinceEpoch == -25_567)
    #expect(Day(year: 2026, month: 11, day: 27)!.daysSinceEpoch == 20_784)
  }

  /// Every day from 1900-01-01 to 9999-12-31: the count goes up by one a day, converts back to
  /// the same day, and the next day is the calendar's next day (counted by hand here).
  @Test func daysSinceEpochRoundTripsOverEveryDay() throws {
    var day = try #require(Day(year: 1900, month: 1, day: 1))
    var count = day.daysSinceEpoch
    var mismatches: [String] = []
    var checked = 0
    while true {
      if Day(daysSinceEpoch: count) != day || day.daysSinceEpoch != count {
        mismatches.append("\(day) / \(count)")
        if mismatches.count > 10 { break }
      }
      checked += 1
      var (y, m, d) = (day.year, day.month, day.day + 1)
      if d > Day.daysIn(month: m, year: y) { (m, d) = (m + 1, 1) }
      if m > 12 { (y, m) = (y + 1, 1) }
      guard let next = Day(year: y, month: m, day: d) else { break }
      day = next
      count += 1
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
    #expect(day.iso == "9999-12-31")
    #expect(checked == 2_958_464)
    #expect(Day(daysSinceEpoch: count + 1) == nil, "10000-01-01 is outside the calendar")
    #expect(Day(daysSinceEpoch: -25_568) == nil, "1899-12-31 is outside the calendar")
  }

  static let additions: [(from: String, days: Int, to: String)] = [
    ("2019-12-31", 1, "2020-01-01"),
    ("2020-01-01", -1, "2019-12-31"),
    ("2020-02-28", 1, "2020-02-29"),
    ("2020-02-29", 1, "2020-03-01"),
    ("2019-02-28", 1, "2019-03-01"),
    ("2020-03-01", -1, "2020-02-29"),
    ("2019-08-15", 0, "2019-08-15"),
    ("2019-08-15", 365, "2020-08-14"),
    ("2026-11-27", 30, "2026-12-27"),
    ("2026-11-27", -3_650, "2016-11-29"),
    ("1900-02-28", 1, "1900-03-01"),
    ("2000-02-28", 1, "2000-02-29"),
    ("1900-01-01", 2_958_463, "9999-12-31"),
  ]

  @Test(arguments: additions)
  func adding(_ from: String, days: Int, gives to: String) throws {
    let start = try #require(Day(iso: from))
    #expect(start.adding(days: days)?.iso == to)
    #expect(try #require(Day(iso: to)).adding(days: -days) == start)
  }

  @Test func addingPastTheCalendarGivesNil() {
    #expect(Day(year: 9999, month: 12, day: 31)!.adding(days: 1) == nil)
    #expect(Day(year: 1900, month: 1, day: 1)!.adding(days: -1) == nil)
    #expect(Day(year: 2019, month: 8, day: 15)!.adding(days: .max) == nil)
    #expect(Day(year: 2019, month: 8, day: 15)!.adding(days: .min) == nil)
    #expect(Day(daysSinceEpoch: .max) == nil)
    #expect(Day(daysSinceEpoch: .min) == nil)
  }

  @Test func storedFormIsStrict() {
    #expect(Day(iso: "2019-08-15") == Day(year: 2019, month: 8, day: 15))
    for text in ["2019-8-15", "2019/08/15", "20190815", "2019-02-29", "2019-08-15 ", "２０１９-08-15", ""] {
      #expect(Day(iso: text) == nil, "\(text)")
    }
    #expect(Day(year: 2019, month: 2, day: 29) == nil)
    #expect(Day(year: 2019, month: 0, day: 1) == nil)
    #expect(Day(year: 2019, month: 1, day: 0) == nil)
    #expect(Day(year: 1899, month: 12, day: 31) == nil)
    #expect(Day(year: 2019, month: 8, day: 5)!.iso == "2019-08-05")
  }

  @Test func endOfPeriods() {
    let day = Day(year: 2020, month: 2, day: 10)!
    #expect(day.endOf(.year).iso == "2020-12-31")
    #expect(day.endOf(.quarter).iso == "2020-03-31")
    #expect(day.endOf(.month).iso == "2020-02-29")
    #expect(Day(year: 2019, month: 11, day: 1)!.endOf(.quarter).iso == "2019-12-31")
    #expect(Day(year: 2019, month: 5, day: 1)!.endOf(.quarter).iso == "2019-06-30")
  }
}
