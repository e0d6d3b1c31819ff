import ArgumentParser
import GongjianRegistry

struct AgreementList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List agreements; --expiring-within shows those to renew.",
    discussion: """
      --expiring-within DAYS lists, for each unit in the alliance today, its latest agreement if it \
      expires within DAYS days or has already expired: what to renew before the joint meeting.
      """
  )

  @OptionGroup var registry: RegistryOptions

  @Option(
    name: .customLong("expiring-within"),
    help: ArgumentHelp("Only agreements expiring within this many days.", valueName: "days"))
  var expiringWithin: Int?

  @Option(help: ArgumentHelp("Only this unit's agreements.", valueName: "unit"))
  var unit: String?

  @OptionGroup var output: ListingOutputOptions

  func validate() throws {
    if let days = expiringWithin, !(0...36_500).contains(days) {
      throw ValidationError("--expiring-within takes a number of days from 0 to 36500, e.g. 90")
    }
    if expiringWithin != nil && unit != nil {
      throw ValidationError("--expiring-within looks at every unit; it cannot be combined with --unit")
    }
  }

  func run() throws {
    let format = try output.resolvedFormat()
    let registry = try self.registry.open(.read)
    let rows: [(agreement: Agreement, daysLeft: Int?)]
    if let days = expiringWithin {
      rows = try registry.expiringAgreements(within: days).map { ($0.agreement, $0.daysLeft) }
    } else {
      rows = try registry.agreementList(unit: unit).map { ($0, nil) }
    }
    let sink = try OutputSink(path: output.outputPath, protecting: registry.path)
    switch format {
    case .table:
      var titles = ["id", "unit", "title", "signed", "expires", "signatory"]
      if expiringWithin != nil { titles.append("status") }
      var table = TextTable(titles: titles, rightAligned: [0])
      for row in rows {
        let agreement = row.agreement
        let signatory = [agreement.signatory, agreement.signatoryTitle].compactMap { $0 }.joined(separator: ", ")
        var cells = [
          String(agreement.id), agreement.unitName, agreement.title, agreement.signedOn.iso,
          agreement.expiresOn?.iso ?? "", signatory,
        ]
        if let days = row.daysLeft {
          cells.append(days < 0 ? "expired \(-days) days ago" : days == 0 ? "expires today" : "expires in \(days) days")
        }
        table.add(cells)
      }
      sink.write(table.render(color: sink.isTerminal && Terminal.colorAllowed()))
      sink.write("\(rows.count) agreement\(rows.count == 1 ? "" : "s")\n")
    case .csv:
      var header = ["id", "unit_id", "unit", "title", "signed_on", "expires_on", "signatory", "signatory_title"]
      if expiringWithin != nil { header.append("days_left") }
      sink.write(CSVWriter.line(header))
      for row in rows {
        let agreement = row.agreement
        let cells = [
          String(agreement.id), String(agreement.unitID), agreement.unitName, agreement.title, agreement.signedOn.iso,
          agreement.expiresOn?.iso ?? "", agreement.signatory ?? "", agreement.signatoryTitle ?? "",
        ]
        guard let days = row.daysLeft else {
          sink.write(CSVWriter.line(cells))
          continue
        }
        // days_left is a number we wrote: a negative one stays a number instead of getting the
        // quote that defuses formulas in text cells ('-695).
        var line = CSVWriter.line(cells)
        line.unicodeScalars.removeLast(2)  // CR LF
        sink.write(line + "," + CSVWriter.line([String(days)], neutralizeFormulas: false))
      }
    case .json:
      let values: [JSONValue] = rows.map { row in
        guard let days = row.daysLeft, case .object(var pairs) = UnitJSON.agreement(row.agreement) else {
          return UnitJSON.agreement(row.agreement)
        }
        pairs.pairs.append(("days_left", .int(days)))
        return .object(pairs)
      }
      sink.write(JSONValue.array(values).prettyText + "\n")
    }
    try sink.finish()
  }
}
