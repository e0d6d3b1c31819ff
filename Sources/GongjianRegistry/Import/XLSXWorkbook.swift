/// An XLSX workbook's structure: its sheets in order (with their visibility), where each
/// sheet's part is, its date system, its cell styles and its shared strings. Parts are found
/// the way the package format says (relationships), so a workbook from any writer is read,
/// not only one laid out as Excel lays it out.
final class XLSXWorkbook {
  struct Sheet {
    var info: SheetInfo
    /// The worksheet part, nil when the relationship names none.
    var part: String?
  }

  let archive: ZIPArchive
  let limits: InputLimits
  private(set) var sheets: [Sheet] = []
  /// `<workbookPr date1904="1"/>`: serial 0 is 1904-01-01 instead of the 1900 system's
  /// (fictional) 1900-01-00.
  private(set) var uses1904Dates = false
  private(set) var styles = XLSXStyles()
  private(set) var sharedStrings = XLSXSharedStrings()

  init(path: String, limits: InputLimits) throws {
    self.limits = limits
    archive = try ZIPArchive(file: InputFile(path: path, limits: limits), limits: limits)
    let workbookPart = try officeDocument()
    let relationships = try readRelationships(of: workbookPart)
    try readWorkbook(workbookPart, relationships: relationships)
    if let stylesPart = relationships.values.first(where: { $0.type.hasSuffix("/styles") })?.target
      ?? existing("xl/styles.xml")
    {
      var reader = try tokenizer(stylesPart, limit: limits.otherPartBytes)
      styles = try XLSXStyles.read(&reader)
    }
    if let stringsPart = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target
      ?? existing("xl/sharedStrings.xml")
    {
      var reader = try tokenizer(stringsPart, limit: limits.sharedStringsBytes)
      sharedStrings = try XLSXSharedStrings(&reader, limits: limits)
    }
  }

  private func existing(_ part: String) -> String? {
    archive.entry(part) == nil ? nil : part
  }

  /// A tokenizer over part `name`, unpacking at most `limit` bytes.
  func tokenizer(_ name: String, limit: Int) throws -> XMLTokenizer {
    let reader = try archive.open(name, limit: limit)
    return XMLTokenizer(part: reader.part, source: reader, limits: limits)
  }

  /// The workbook part, as the package's `_rels/.rels` names it (Excel: `xl/workbook.xml`).
  private func officeDocument() throws -> String {
    if archive.entry("_rels/.rels") != nil {
      let relationships = try readRelationships(of: "")
      if let target = relationships.values.first(where: { $0.type.hasSuffix("/officeDocument") })?.target,
        archive.entry(target) != nil
      {
        return target
      }
    }
    guard archive.entry("xl/workbook.xml") != nil else { throw InputProblem.notAWorkbook }
    return "xl/workbook.xml"
  }

  struct Relationship {
    var type: String
    var target: String
  }

  /// The relationships of `part` (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`; the
  /// package's own for ""), by id, targets resolved to part names. External targets are left
  /// out, and so is a target that climbs out of the package.
  private func readRelationships(of part: String) throws -> [String: Relationship] {
    let folder = part.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    let file = part.split(separator: "/").last.map(String.init) ?? ""
    let name = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
    guard archive.entry(name) != nil else { return [:] }
    var tokenizer = try tokenizer(name, limit: limits.otherPartBytes)
    var found: [String: Relationship] = [:]
    while true {
      switch try tokenizer.next() {
      case .start where tokenizer.isNamed("Relationship"):
        guard let id = try tokenizer.stringAttribute("Id"), let target = try tokenizer.stringAttribute("Target") else {
          throw tokenizer.damaged()
        }
        if try tokenizer.stringAttribute("TargetMode") == "External" { continue }
        let type = try tokenizer.stringAttribute("Type") ?? ""
        if let resolved = XLSXWorkbook.resolve(target, in: folder) {
          found[id] = Relationship(type: type, target: resolved)
        }
      case .endOfDocument:
        return found
      default:
        continue
      }
    }
  }

  /// A relationship's target as a part name: relative to the source part's folder, or from
  /// the package root with a leading `/`. Nil when `..` climbs out of the package.
  static func resolve(_ target: String, in folder: String) -> String? {
    var segments: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
    for segment in target.split(separator: "/") {
      switch segment {
      case ".": continue
      case "..":
        guard !segments.isEmpty else { return nil }
        segments.removeLast()
      default: segments.append(segment)
      }
    }
    return segments.isEmpty ? nil : segments.joined(separator: "/")
  }

  private func readWorkbook(_ part: String, relationships: [String: Relationship]) throws {
    var tokenizer = try tokenizer(part, limit: limits.otherPartBytes)
    while true {
      switch try tokenizer.next() {
      case .start:
        if tokenizer.isNamed("workbookPr") {
          let value = try tokenizer.stringAttribute("date1904") ?? "0"
          uses1904Dates = value == "1" || value.lowercased() == "true"
        } else if tokenizer.isNamed("sheet") {
          guard let name = try tokenizer.stringAttribute("name") else { throw tokenizer.damaged() }
          let visibility: SheetInfo.Visibility
          switch try tokenizer.stringAttribute("state") {
          case "hidden": visibility = .hidden
          case "veryHidden": visibility = .veryHidden
          default: visibility = .visible
          }
          let relationship = try tokenizer.stringAttribute("id").flatMap { relationships[$0] }
          let isWorksheet = relationship.map { $0.type.hasSuffix("/worksheet") } ?? false
          sheets.append(
            Sheet(
              info: SheetInfo(name: name, visibility: visibility, isWorksheet: isWorksheet),
              part: isWorksheet ? relationship?.target : nil))
        }
      case .endOfDocument:
        return
      default:
        continue
      }
    }
  }

  /// The sheet to read: the one named `name`, or the first visible worksheet.
  func sheet(named name: String?) throws -> Sheet {
    guard !sheets.isEmpty else { throw InputProblem.noSheets }
    guard let name else {
      guard let first = sheets.first(where: { $0.info.visibility == .visible && $0.part != nil }) else {
        throw InputProblem.noVisibleSheet(sheets: sheets.map(\.info))
      }
      return first
    }
    // The name as typed; else the one sheet whose name differs only in case, width or spaces.
    let found =
      sheets.first { $0.info.name == name }
      ?? {
        let key = NameKey.make(name)
        let close = sheets.filter { NameKey.make($0.info.name) == key }
        return close.count == 1 ? close[0] : nil
      }()
    guard let found else { throw InputProblem.unknownSheet(name: name, available: sheets.map(\.info.name)) }
    guard found.part != nil else { throw InputProblem.notAWorksheet(name: found.info.name) }
    return found
  }
}
