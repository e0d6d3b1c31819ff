import GongjianRegistry

/// One unit on a page of text (`show`): its details, then its periods, agreements and groups.
public enum UnitSheet {
  /// `today` flags an expired agreement that was not renewed.
  public static func render(_ unit: UnitDetail, language: Language, today: Day? = nil, maxWidth: Int? = nil) -> String {
    let texts = language.texts
    var text = texts.sheetTitle(unit) + "\n"
    var fields: [(SheetLabel, String?)] = [(.status, texts.unitStatus(unit))]
    // The credit code's label is the longest: it widens the labels only when there is a code.
    if let code = unit.details.creditCode { fields.append((.creditCode, code)) }
    fields += [
      (.partyOrganisation, unit.details.partyOrganisation), (.contact, unit.details.contactName),
      (.phone, unit.details.contactPhone), (.address, unit.details.address), (.note, unit.details.note),
    ]
    if !unit.formerNames.isEmpty {
      fields.append((.formerly, unit.formerNames.map(texts.formerName).joined(separator: "; ")))
    }
    let labelWidth = fields.map { DisplayWidth.of(texts.sheetLabel($0.0)) }.max() ?? 0
    for (label, value) in fields {
      guard let value else { continue }
      // A long value (a note) wraps under itself, so the sheet fits the terminal.
      let room = maxWidth.map { max(20, $0 - labelWidth - 3) }
      let lines = room.map { DisplayWidth.wrap(TerminalText.cell(value), to: $0) } ?? [TerminalText.cell(value)]
      for (index, line) in lines.enumerated() {
        let lead =
          index == 0
          ? DisplayWidth.pad(texts.sheetLabel(label), to: labelWidth) : String(repeating: " ", count: labelWidth)
        text += "  \(lead) \(line)\n"
      }
    }
    text += "\n" + texts.sheetLabel(.periods) + "\n"
    let inner = maxWidth.map { $0 - 2 }
    text += indent(table(ListingColumns.periods, unit.periods, language, maxWidth: inner))
    text += "\n" + texts.sheetLabel(.agreements) + "\n"
    text += indent(table(ListingColumns.unitAgreements, unit.agreements, language, maxWidth: inner))
    if let today, unit.openPeriod != nil,
      let latest = unit.agreements.max(by: { ($0.signedOn, $0.id) < ($1.signedOn, $1.id) }),
      let expires = latest.expiresOn, expires < today
    {
      text += "  " + texts.latestAgreementExpired(on: expires) + "\n"
    }
    text += "\n" + texts.sheetLabel(.groups) + "\n"
    text +=
      unit.groups.isEmpty
      ? "  \(texts.sheetLabel(.none))\n"
      : indent(table(ListingColumns.unitGroups, unit.groups, language, maxWidth: inner))
    return TerminalText.sanitize(text)
  }

  /// A working group with its members (`group show`): the summary lines, then the table.
  public static func group(_ detail: GroupDetail, language: Language, maxWidth: Int?) -> String {
    let texts = language.texts
    var text = "#\(detail.group.id) \(detail.group.name)\n"
    for line in texts.groupSummary(detail.group) { text += "  \(TerminalText.cell(line))\n" }
    return TerminalText.sanitize(text + "\n")
      + table(ListingColumns.groupRoster, detail.memberships, language, maxWidth: maxWidth)
  }

  static func table<Row>(_ columns: [Column<Row>], _ rows: [Row], _ language: Language, maxWidth: Int? = nil)
    -> String
  {
    let output = StringOutput()
    let writer = ListingWriter(
      columns: columns, format: .table, output: output, language: language,
      presentation: ListingPresentation(title: "", maxWidth: maxWidth))
    rows.forEach(writer.add)
    // A table written to a string cannot fail.
    try? writer.finish()
    return output.text
  }

  static func indent(_ block: String) -> String {
    block.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
      .joined(separator: "\n")
  }
}
