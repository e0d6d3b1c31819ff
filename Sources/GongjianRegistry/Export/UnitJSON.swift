/// The one JSON shape of a unit: `show --format json`, the JSON export and the history's
/// before and after all write it, so a key is named once.
public enum UnitJSON {
  public static func detail(_ unit: UnitDetail) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("id", .int(unit.id.rawValue)), ("name", .string(unit.name)), ("kind", .string(unit.kind)),
      ("joined_on", .optional(unit.periods.last?.joinedOn.iso)),
      ("left_on", .optional(unit.periods.last?.leftOn?.iso)),
      ("groups", .array(unit.currentGroups.map { .string($0.group.name) })),
    ]
    for column in UnitDetailColumn.all where column.field != .kind {
      pairs.append((column.jsonKey, .optional(unit.details[keyPath: column.value])))
    }
    pairs += [
      (
        "former_names",
        .array(
          unit.formerNames.map { .object(["name": .string($0.name), "renamed_on": .string($0.renamedOn.iso)]) })
      ),
      (
        "periods",
        .array(
          unit.periods.map {
            .object([
              "joined_on": .string($0.joinedOn.iso), "left_on": .optional($0.leftOn?.iso),
              "left_reason": .optional($0.leftReason),
            ])
          })
      ),
      ("agreements", .array(unit.agreements.map(agreementTerms))),
      (
        "group_memberships",
        .array(
          unit.groups.map {
            .object([
              "group": .string($0.group.name), "role": .string($0.role.rawValue),
              "joined_on": .string($0.joinedOn.iso), "left_on": .optional($0.leftOn?.iso),
            ])
          })
      ),
    ]
    return .object(JSONValue.KeyValuePairs(pairs))
  }

  /// An agreement inside its unit.
  static func agreementTerms(_ agreement: Agreement) -> JSONValue {
    .object([
      "title": .string(agreement.title), "signed_on": .string(agreement.signedOn.iso),
      "expires_on": .optional(agreement.expiresOn?.iso), "signatory": .optional(agreement.signatory),
      "signatory_title": .optional(agreement.signatoryTitle), "note": .optional(agreement.note),
    ])
  }
}
