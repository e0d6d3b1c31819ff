// Fuzz target: the dates people type (SPEC §4) and Excel's serial days.
//
// Input: the text given to `DayParser.parse`; its first 8 bytes are also read as a Double
// (an XLSX date cell) and as a day count.
import FuzzSupport
import GongjianPresentation
import GongjianRegistry

enum Fixture {
  static let today = Day(year: 2026, month: 11, day: 27)!
}

/// The same text with printable ASCII in its full-width form (０-９, ／, ．, －, ａ-ｚ…).
func fullWidth(_ text: String) -> String {
  var result = String.UnicodeScalarView()
  for scalar in text.unicodeScalars {
    if (0x21...0x7E).contains(scalar.value), let wide = Unicode.Scalar(scalar.value - 0x21 + 0xFF01) {
      result.append(wide)
    } else {
      result.append(scalar)
    }
  }
  return String(result)
}

/// Every day a parse gives must be a real day that prints and parses back to itself.
func checkDay(_ day: Day, from input: String) {
  expect(Day(year: day.year, month: day.month, day: day.day) == day, "\(input) gave an impossible day \(day)")
  expect(Day(iso: day.iso) == day, "\(input) gave \(day), whose ISO form \(day.iso) does not parse back")
  expect(day.iso.utf8.count == 10, "\(day.iso) is not YYYY-MM-DD")
  if case .success(let again) = DayParser.parse(day.iso, today: Fixture.today) {
    expect(again == day, "\(day.iso) parses to \(again)")
  } else {
    expect(false, "the ISO form \(day.iso) of \(input) does not parse")
  }
  expect(Day(daysSinceEpoch: day.daysSinceEpoch) == day, "\(day) → day count → \(day.daysSinceEpoch)")
  let serial = DayParser.excelSerial(of: day)
  expect(DayParser.fromExcelSerial(Double(serial)) == day, "\(day) → Excel serial \(serial) → another day")
}

runFuzzer { buffer in
  var input = FuzzInput(buffer)
  let bytes = input.rest()
  let typed = text(bytes)

  switch DayParser.parse(typed, today: Fixture.today) {
  case .success(let day):
    checkDay(day, from: typed)
    // Full-width digits and separators are the same date (what a Chinese input method types).
    if case .success(let wide) = DayParser.parse(fullWidth(typed), today: Fixture.today) {
      expect(wide == day, "\(typed) is \(day) but its full-width form is \(wide)")
    } else {
      expect(false, "\(typed) is \(day) but its full-width form is refused")
    }
  case .failure(let failure):
    // The message is built from the input: it must be one line, whatever the input holds.
    for message in [ChineseCatalogue().dateProblem(failure), EnglishCatalogue().dateProblem(failure)] {
      expect(
        !message.contains("\n") && !message.contains("\r"), "a multi-line message for \(typed.debugDescription)")
    }
  }
  if let stored = Day(iso: typed) {
    expect(stored.iso == typed, "Day(iso: \(typed)) is \(stored)")
  }

  // The first 8 bytes as an XLSX number cell and as a day count.
  guard bytes.count >= 8 else { return }
  let pattern = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
  let serial = Double(bitPattern: pattern)
  if let day = DayParser.fromExcelSerial(serial) {
    expect(DayParser.excelSerial(of: day) == Int(serial.rounded(.down)), "serial \(serial) → \(day) → another serial")
    checkDay(day, from: "serial \(serial)")
  }
  let count = Int(truncatingIfNeeded: pattern)
  if let day = Day(daysSinceEpoch: count) {
    expect(day.daysSinceEpoch == count, "day count \(count) → \(day) → \(day.daysSinceEpoch)")
  }
  let small = Int(Int32(truncatingIfNeeded: pattern))
  if let start = Day(daysSinceEpoch: small % 3_000_000), let later = start.adding(days: small / 7) {
    expect(later.daysSinceEpoch - start.daysSinceEpoch == small / 7, "\(start) + \(small / 7) days = \(later)")
  }
}
