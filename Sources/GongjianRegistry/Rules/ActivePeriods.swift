import SQLite

/// The one rule of membership on a day: a period (of the alliance or of a working group) is
/// active on day D when it began on or before D and has not ended by D. Periods are half-open,
/// so leaving and rejoining on the same day never count twice.
enum ActivePeriods {
  /// The rule in SQL, for the rows of `alias` (a table with `joined_on` and `left_on`).
  static func on(_ day: Day, alias: String) -> SQL {
    "\(identifier: alias).joined_on <= \(day.iso) AND (\(identifier: alias).left_on IS NULL OR \(identifier: alias).left_on > \(day.iso))"
  }

  /// The rule in Swift, for a period already read.
  static func contains(_ day: Day, joinedOn: Day, leftOn: Day?) -> Bool {
    joinedOn <= day && (leftOn.map { $0 > day } ?? true)
  }
}
