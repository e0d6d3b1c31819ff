import GongjianRegistry

/// One unit on a page of text (`show`): its details, then its periods, agreements and groups.
public enum UnitSheet {
  public static func render(_ unit: UnitDetail, language: Language) -> String {
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
      if let value {
        text += "  \(DisplayWidth.pad(texts.sheetLabel(label), to: labelWidth)) \(TerminalText.cell(value))\n"
      }
    }
    text += "\n" + texts.sheetLabel(.periods) + "\n"
    text += indent(table(ListingColumns.periods, unit.periods, language))
    text += "\n" + texts.sheetLabel(.agreements) + "\n"
    text += indent(table(ListingColumns.unitAgreements, unit.agreements, language))
    text += "\n" + texts.sheetLabel(.groups) + "\n"
    text +=
      unit.groups.isEmpty
      ? "  \(texts.sheetLabel(.none))\n" : indent(table(ListingColumns.unitGroups, unit.groups, language))
    return TerminalText.sanitize(text)
  }

  /// A working group with its members (`group show`): the summary lines, then the table.
  public static func group(_ detail: GroupDetail, language: Language, color: Bool) -> String {
    let texts = language.texts
    var text = "#\(detail.group.id) \(detail.group.name)\n"
    for line in texts.groupSummary(detail.group) { text += "  \(TerminalText.cell(line))\n" }
    return TerminalText.sanitize(text + "\n") + table(ListingColumns.groupMemberships, detail.memberships, language)
  }

  static func table<Row>(_ columns: [Column<Row>], _ rows: [Row], _ language: Language) -> String {
    let output = StringOutput()
    let writer = ListingWriter(columns: columns, format: .table, output: output, language: language)
    rows.forEach(writer.add)
    writer.finish()
    return output.text
  }

  static func indent(_ block: String) -> String {
    block.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
      .joined(separator: "\n")
  }
}
