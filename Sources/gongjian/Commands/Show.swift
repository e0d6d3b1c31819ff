import ArgumentParser
import GongjianRegistry

struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one unit: its details, alliance periods, agreements, working groups and former names.",
    discussion: "UNIT is an id, a name (full-width or half-width brackets alike), or a unique part of a name."
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

  @OptionGroup var registry: RegistryOptions

  @Argument(help: ArgumentHelp("The unit: id, name or part of the name.", valueName: "unit"))
  var unit: String

  @Option(help: "Output format: table or json.")
  var format: Format = .table

  func run() throws {
    let registry = try self.registry.open(.read)
    let detail = try registry.unitDetail(registry.findUnit(unit).id)
    switch format {
    case .json: print(UnitJSON.detail(detail).prettyText)
    case .table: print(render(detail, today: registry.today), terminator: "")
    }
  }

  func render(_ unit: UnitDetail, today: Day) -> String {
    var text = "#\(unit.id) \(unit.name)  (\(unit.kind))\n"
    let status: String
    if let open = unit.openPeriod {
      status = "in the alliance since \(open.joinedOn)"
    } else if let last = unit.periods.last, let left = last.leftOn {
      status = "left the alliance on \(left)" + (last.leftReason.map { " (\($0))" } ?? "")
    } else {
      status = "no alliance period"
    }
    text += "  status:      \(status)\n"
    let fields: [(String, String?)] = [
      ("party org:", unit.partyOrganisation), ("contact:", unit.contactName), ("phone:", unit.contactPhone),
      ("address:", unit.address), ("note:", unit.note),
    ]
    for (label, value) in fields {
      if let value { text += "  \(DisplayWidth.pad(label, to: 12)) \(TextTable.singleLine(value))\n" }
    }
    if !unit.formerNames.isEmpty {
      text +=
        "  formerly:    "
        + unit.formerNames.map { "\($0.name) (until \($0.renamedOn))" }.joined(separator: "; ") + "\n"
    }
    text += "\nAlliance periods\n"
    var periods = TextTable(titles: ["joined", "left", "reason"])
    for period in unit.periods {
      periods.add([period.joinedOn.iso, period.leftOn?.iso ?? "—", period.leftReason ?? ""])
    }
    text += indent(periods.render(color: false))
    text += "\nAgreements\n"
    var agreements = TextTable(titles: ["signed", "expires", "title", "signatory"])
    for agreement in unit.agreements {
      let signatory = [agreement.signatory, agreement.signatoryTitle].compactMap { $0 }.joined(separator: ", ")
      agreements.add([agreement.signedOn.iso, agreement.expiresOn?.iso ?? "", agreement.title, signatory])
    }
    text += indent(agreements.render(color: false))
    text += "\nWorking groups\n"
    if unit.groups.isEmpty {
      text += "  (none)\n"
    } else {
      var groups = TextTable(titles: ["group", "role", "from", "until"])
      for membership in unit.groups {
        groups.add([
          membership.groupName, membership.role.chinese, membership.joinedOn.iso, membership.leftOn?.iso ?? "",
        ])
      }
      text += indent(groups.render(color: false))
    }
    return text
  }

  private func indent(_ block: String) -> String {
    block.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
      .joined(separator: "\n")
  }
}

/// JSON shapes shared by `show` and `export`.
enum UnitJSON {
  static func detail(_ unit: UnitDetail) -> JSONValue {
    .object([
      "id": .int(unit.id), "name": .string(unit.name), "kind": .string(unit.kind),
      "joined_on": .optional(unit.periods.last?.joinedOn.iso), "left_on": .optional(unit.periods.last?.leftOn?.iso),
      "groups": .array(unit.groups.filter { $0.leftOn == nil }.map { .string($0.groupName) }),
      "party_org": .optional(unit.partyOrganisation), "contact": .optional(unit.contactName),
      "phone": .optional(unit.contactPhone), "address": .optional(unit.address), "note": .optional(unit.note),
      "former_names": .array(
        unit.formerNames.map { .object(["name": .string($0.name), "renamed_on": .string($0.renamedOn.iso)]) }),
      "periods": .array(
        unit.periods.map {
          .object([
            "joined_on": .string($0.joinedOn.iso), "left_on": .optional($0.leftOn?.iso),
            "left_reason": .optional($0.leftReason),
          ])
        }),
      "agreements": .array(unit.agreements.map(agreement)),
      "group_memberships": .array(
        unit.groups.map {
          .object([
            "group": .string($0.groupName), "role": .string($0.role.rawValue), "joined_on": .string($0.joinedOn.iso),
            "left_on": .optional($0.leftOn?.iso),
          ])
        }),
    ])
  }

  static func agreement(_ agreement: Agreement) -> JSONValue {
    .object([
      "id": .int(agreement.id), "unit_id": .int(agreement.unitID), "unit": .string(agreement.unitName),
      "title": .string(agreement.title), "signed_on": .string(agreement.signedOn.iso),
      "expires_on": .optional(agreement.expiresOn?.iso), "signatory": .optional(agreement.signatory),
      "signatory_title": .optional(agreement.signatoryTitle),
    ])
  }
}
