import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// Reading typed values from options, and naming fields by the options that carry them.
enum Arguments {
  /// Parses a date option. A bad date is invalid data (exit 65), named by its option.
  static func day(_ text: String, option: String, field: Field, today: Day) throws -> Day {
    switch DayParser.parse(text, today: today) {
    case .success(let day): return day
    case .failure(let failure):
      throw FieldRefusal(refusal: .invalid(field, .notADate(failure)), naming: { _ in option })
    }
  }

  static func optionalDay(_ text: String?, option: String, field: Field, today: Day) throws -> Day? {
    guard let text else { return nil }
    return try day(text, option: option, field: field, today: today)
  }

  /// Runs `body`, naming the fields of a refusal by this command's options.
  static func naming<T>(_ options: [Field: String], _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let refusal as Refusal {
      throw FieldRefusal(refusal: refusal, naming: { options[$0] })
    }
  }

  /// The option names of `register`, `edit` and `rejoin`.
  static let unitOptions: [Field: String] = [
    .name: "NAME", .kind: "--kind", .joinedOn: "--joined", .leftOn: "--on", .leftReason: "--reason",
    .signatory: "--signatory", .signatoryTitle: "--signatory-title", .agreementTitle: "--agreement",
    .expiresOn: "--expires", .groups: "--group", .contactName: "--contact", .contactPhone: "--phone",
    .address: "--address", .partyOrganisation: "--party-org", .note: "--note", .renamedOn: "--renamed-on",
    .creditCode: "--credit-code",
  ]
}

/// A year as people type it: `2019` or `2019年`, full-width digits too.
struct Year: ExpressibleByArgument, Sendable, Equatable {
  var value: Int

  /// Any whole number is read, so that a year out of range is refused by the registry with
  /// its range (invalid data), not by the parser as an unreadable value.
  init?(argument: String) {
    var digits = ""
    for (offset, scalar) in argument.unicodeScalars.enumerated() {
      switch scalar.value {
      case 0x30...0x39: digits.unicodeScalars.append(scalar)
      case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? "0")
      case 0x2D where offset == 0: digits.unicodeScalars.append(scalar)
      case 0x5E74 where offset == argument.unicodeScalars.count - 1: continue  // 年
      default: return nil
      }
    }
    guard digits.count <= 18, let year = Int(digits) else { return nil }
    value = year
  }
}

extension Year {
  /// The year's value, refused (invalid data, named by its option) outside the years the
  /// registry knows.
  static func checked(_ year: Year?, option: String) throws -> Int? {
    guard let year else { return nil }
    guard (Day.earliestYear...Day.latestYear).contains(year.value) else {
      throw FieldRefusal(refusal: .invalid(.year, .yearOutOfRange(year.value)), naming: { _ in option })
    }
    return year.value
  }
}

extension Registry {
  /// The units, groups and years a person typed, resolved to what the registry knows.
  func checkedYear(_ year: Year?, option: String) throws -> Int? {
    try Year.checked(year, option: option)
  }
}
