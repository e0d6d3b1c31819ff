import GongjianRegistry

/// A table of the pack, its columns' types erased: headings and cells in the reader's
/// language for the page, the machine values (numbers, ISO dates) for the workbook.
struct PackTable {
  struct Cell {
    /// As a person reads it: a status word, a signatory with the title.
    var text: String
    /// As a spreadsheet keeps it: a plain number, an ISO date, otherwise the text.
    var value: String
  }

  var headings: [String]
  var kinds: [WorkbookSheet.CellKind]
  var rows: [[Cell]]
  /// Columns whose every cell is short (dates, numbers, statuses, names of people): kept on
  /// one line, so that the long texts beside them get the room.
  var short: [Bool]

  init<Row>(_ columns: [Column<Row>], _ rows: [Row], language: Language) {
    let texts = language.texts
    let shown = columns.filter { !$0.tableHidden }
    headings = shown.map { $0.heading(language) }
    kinds = shown.map { column in
      let values = rows.map(column.value)
      if !values.isEmpty, values.allSatisfy(\.isNumber) { return .number }
      if !values.isEmpty, values.allSatisfy(\.isDay) { return .date }
      return .text
    }
    let kinds = self.kinds
    let cells = rows.map { row in
      shown.enumerated().map { index, column in
        let text = column.tableText(row, texts)
        return Cell(text: text, value: kinds[index] == .text ? text : column.value(row).text)
      }
    }
    self.rows = cells
    short = shown.indices.map { index in
      kinds[index] != .text || cells.allSatisfy { DisplayWidth.of($0[index].text) <= PackTable.shortWidth }
    }
  }

  /// The widest text a short column holds, in terminal columns (a Chinese character is two).
  static let shortWidth = 20
}

extension ColumnValue {
  var isNumber: Bool {
    switch self {
    case .int, .optionalInt, .number: true
    default: false
    }
  }
}

/// One section of the pack as it is laid out: its title, summary, what it shows and where its
/// figures come from. The page and the workbook are both made from this.
struct PackPart {
  enum Block {
    case chart(GrowthReport)
    case heading(String)
    case subheading(String)
    case remark(String)
    case table(PackTable)
  }

  var part: MeetingPackPart
  var title: String
  var summary: [String]
  /// What the page shows, in order.
  var blocks: [Block]
  /// The workbook's sheet for this section: one table.
  var sheet: PackTable
  var commands: [[String]]
}

enum MeetingPackLayout {
  static func parts(_ pack: MeetingPack, language: Language) -> [PackPart] {
    let texts = language.texts
    return pack.sections.enumerated().map { index, section in
      let part = section.part
      var blocks: [PackPart.Block] = []
      let sheet: PackTable
      switch section {
      case .growth(let report):
        sheet = PackTable(GrowthColumns.columns(report), report.rows, language: language)
        blocks = [.chart(report), .table(sheet)]
      case .joined(let units):
        sheet = PackTable(MeetingColumns.joined, units, language: language)
        blocks = [.table(sheet)]
      case .left(let units):
        sheet = PackTable(MeetingColumns.left, units, language: language)
        blocks = [.table(sheet)]
      case .groups(let groups):
        sheet = PackTable(ListingColumns.groups, groups, language: language)
        blocks = [.table(sheet)]
      case .expiringAgreements(let expiring):
        sheet = PackTable(MeetingColumns.packExpiring, expiring.agreements, language: language)
        blocks = [.table(sheet)]
      case .lists(let lists):
        sheet = PackTable(ListsColumns.categories, lists?.categories ?? [], language: language)
        blocks = [.table(sheet)]
      case .meetings(let meetings):
        sheet = PackTable(MeetingColumns.meetingItems, meetingItems(meetings, texts: texts), language: language)
        for meeting in meetings { blocks += meetingBlocks(meeting, language: language) }
      case .attendance(let report):
        sheet = PackTable(participationColumns(report), report.rows, language: language)
        blocks = [.table(sheet)]
      case .followups(let tasks):
        sheet = PackTable(MeetingColumns.packFollowups, tasks.followups, language: language)
        blocks = [.table(sheet)]
      case .idleUnits(let idle):
        sheet = PackTable(MeetingColumns.idle, idle.units, language: language)
        blocks = [.table(sheet)]
      }
      // A section's summary says so when it has no rows: an empty table would only repeat it.
      blocks.removeAll { block in
        if case .table(let table) = block { return table.rows.isEmpty }
        return false
      }
      return PackPart(
        part: part, title: texts.packSectionNumber(index) + texts.packSectionTitle(part),
        summary: texts.packSummary(section, pack: pack), blocks: blocks, sheet: sheet,
        commands: MeetingPackCommands.commands(for: section, in: pack))
    }
  }

  /// The units' attendance, with one column per meeting when the year had few.
  static func participationColumns(_ report: ParticipationReport) -> [Column<UnitParticipation>] {
    var columns = MeetingColumns.participation
    guard report.meetings.count <= 6 else { return columns }
    for (index, meeting) in report.meetings.enumerated() {
      let day = meeting.heldOn
      columns.insert(
        Column(
          "meeting_\(meeting.id)", ChineseCatalogue().meetingColumnHeading(day),
          EnglishCatalogue().meetingColumnHeading(day),
          value: { .optionalText($0.statuses[index]?.rawValue) },
          display: { row, texts in row.statuses[index].map(texts.attendanceStatus) ?? "" }),
        at: 2 + index)
    }
    return columns
  }

  static func meetingBlocks(_ detail: MeetingDetail, language: Language) -> [PackPart.Block] {
    let texts = language.texts
    let summary = detail.summary
    var details: [String] = [summary.heldOn.iso]
    for (label, value) in [
      (MeetingSheetLabel.place, summary.place), (.chair, summary.chair), (.recorder, summary.recorder),
    ] {
      if let value { details.append(texts.meetingSheetLabel(label) + value) }
    }
    details.append(texts.attendanceSummary(present: summary.present, excused: summary.excused, absent: summary.absent))
    var blocks: [PackPart.Block] = [.heading(summary.title), .remark(details.joined(separator: " · "))]
    blocks.append(.subheading(texts.meetingSheetHeading(.topics, aside: texts.topicsDue(detail.topicsDue))))
    blocks.append(
      detail.topics.isEmpty
        ? .remark(texts.packNothing) : .table(PackTable(MeetingColumns.topics, detail.topics, language: language)))
    blocks.append(.subheading(texts.meetingSheetLabelInPack(.decisions)))
    blocks.append(
      detail.decisions.isEmpty
        ? .remark(texts.packNothing) : .table(PackTable(MeetingColumns.decisions, detail.decisions, language: language))
    )
    if !detail.carried.isEmpty {
      blocks.append(.subheading(texts.meetingSheetLabelInPack(.carried)))
      blocks.append(.table(PackTable(MeetingColumns.packFollowups, detail.carried, language: language)))
    }
    return blocks
  }

  static func meetingItems(_ meetings: [MeetingDetail], texts: any Catalogue) -> [MeetingItem] {
    var items: [MeetingItem] = []
    for meeting in meetings {
      for topic in meeting.topics {
        var detail = (topic.by?.name ?? texts.raisedByCentre) + " · " + topic.raisedOn.iso
        if let late = topic.daysLate { detail += " · " + texts.daysLate(late) }
        items.append(
          MeetingItem(meeting: meeting.reference, isDecision: false, id: topic.id, text: topic.text, detail: detail))
      }
      for decision in meeting.decisions {
        items.append(
          MeetingItem(
            meeting: meeting.reference, isDecision: true, id: decision.id.rawValue, text: decision.text,
            detail: texts.decisionKind(decision.kind)))
      }
    }
    return items
  }
}
