import GongjianRegistry

/// The meeting pack as an XLSX workbook: a first sheet naming every section with its summary
/// and the commands that reproduce it, then one sheet per section, its summary and sources
/// under the table.
public enum MeetingPackWorkbook {
  public static func sheets(_ pack: MeetingPack, language: Language) -> [WorkbookSheet] {
    let texts = language.texts
    let parts = MeetingPackLayout.parts(pack, language: language)
    let headings = texts.packIndexHeadings
    let index = WorkbookSheet(
      name: texts.packIndexSheetName,
      columns: [
        WorkbookSheet.Column(title: headings[0], kind: .text, width: 26),
        WorkbookSheet.Column(title: headings[1], kind: .text, width: 60),
        WorkbookSheet.Column(title: headings[2], kind: .text, width: 60),
      ],
      rows: parts.map { part in
        [
          part.title, part.summary.joined(separator: "\n"),
          part.commands.map(MeetingPackCommands.line).joined(separator: "\n"),
        ]
      },
      notes: [
        texts.packTitle(subdistrict: pack.subdistrict, year: pack.year),
        texts.packSubtitle(district: pack.district, subdistrict: pack.subdistrict, asOf: pack.asOf),
      ])
    return [index]
      + parts.map { part in
        WorkbookSheet(
          name: texts.packSheetName(part.part),
          columns: part.sheet.headings.enumerated().map { column, heading in
            WorkbookSheet.Column(title: heading, kind: part.sheet.kinds[column], width: width(part.sheet, column))
          },
          rows: part.sheet.rows.map { $0.map { Optional($0.value) } },
          notes: part.summary + part.commands.map { texts.packSource + MeetingPackCommands.line($0) })
      }
  }

  /// Writes the workbook at `path` (never over the registry).
  public static func write(_ pack: MeetingPack, language: Language, to path: String, protecting registryPath: String)
    throws
  {
    let texts = language.texts
    try Workbook.write(
      sheets(pack, language: language), title: texts.packTitle(subdistrict: pack.subdistrict, year: pack.year),
      to: path, protecting: registryPath)
  }

  /// A column wide enough for its heading and most of its cells, in Excel's characters.
  static func width(_ table: PackTable, _ column: Int) -> Int {
    var widest = DisplayWidth.of(table.headings[column])
    for row in table.rows { widest = max(widest, DisplayWidth.of(row[column].text)) }
    return min(max(widest + 2, 8), 60)
  }
}
