import ArgumentParser
import GongjianRegistry

/// Reading dates from options, and turning field errors into messages that name the option.
enum Arguments {
  /// Parses a date option (SPEC §4). A bad date is invalid data (exit 65), named by its option.
  static func day(_ text: String, option: String, today: Day) throws -> Day {
    switch DayParser.parse(text, today: today) {
    case .success(let day): return day
    case .failure(let failure): throw RegistryError(.invalidData, "\(option): \(failure)")
    }
  }

  static func optionalDay(_ text: String?, option: String, today: Day) throws -> Day? {
    guard let text else { return nil }
    return try day(text, option: option, today: today)
  }

  /// A year option: 4 digits within the registry's range.
  static func year(_ value: Int?, option: String) throws -> Int? {
    guard let value else { return nil }
    guard (Day.earliestYear...Day.latestYear).contains(value) else {
      throw RegistryError(.invalidData, "\(option) \(value): give a year from \(Day.earliestYear) to \(Day.latestYear)")
    }
    return value
  }

  /// Runs `body`, turning field errors into one message naming the options (exit 65).
  static func naming<T>(_ options: [UnitField: String], _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let errors as FieldErrors {
      let lines = errors.errors.map { error in
        options[error.field].map { "\($0): \(error.message)" } ?? error.message
      }
      throw RegistryError(.invalidData, lines.joined(separator: "\n"))
    }
  }

  /// The option names of `register`, `edit` and `rejoin`.
  static let unitOptions: [UnitField: String] = [
    .name: "NAME", .kind: "--kind", .joinedOn: "--joined", .leftOn: "--on", .leftReason: "--reason",
    .signatory: "--signatory", .signatoryTitle: "--signatory-title", .agreementTitle: "--agreement",
    .expiresOn: "--expires", .groups: "--group", .contactName: "--contact", .contactPhone: "--phone",
    .address: "--address", .partyOrganisation: "--party-org", .note: "--note",
  ]
}

extension Registration {
  /// "#44 复旦大学外文学院 (高校) joined 2019-06-20; working groups: …"
  var summary: String {
    var text = "#\(unit.id) \(unit.name) (\(kind)) joined \(joinedOn)"
    if let leftOn { text += ", left \(leftOn)" }
    if !groups.isEmpty {
      let role = self.role == .lead ? " as lead" : ""
      text +=
        "; working groups\(role): "
        + groups.map { $0.since == joinedOn ? $0.name : "\($0.name) (from \($0.since))" }.joined(separator: "、")
    }
    return text
  }
}
