/// The part of `xl/styles.xml` import needs: which cell styles (the `s` of a cell, an index
/// into `cellXfs`) show numbers as dates.
struct XLSXStyles {
  /// Per cell style: its number format shows a date.
  var dateStyles: [Bool] = []

  func isDate(style: Int) -> Bool {
    style >= 0 && style < dateStyles.count && dateStyles[style]
  }

  /// Reads the styles part. Formats defined in `<numFmts>` override built-in ones.
  static func read(_ tokenizer: inout XMLTokenizer) throws -> XLSXStyles {
    var custom: [Int: Bool] = [:]
    var styleFormats: [Int] = []
    var inCellStyles = false
    while true {
      switch try tokenizer.next() {
      case .start:
        if tokenizer.isNamed("numFmt") {
          guard let id = try tokenizer.integerAttribute("numFmtId") else { throw tokenizer.damaged() }
          let code = try tokenizer.stringAttribute("formatCode") ?? ""
          custom[id] = XLSXNumberFormat.isDate(code: code)
        } else if tokenizer.isNamed("cellXfs") {
          inCellStyles = true
        } else if inCellStyles && tokenizer.isNamed("xf") && tokenizer.depth == 3 {
          styleFormats.append(try tokenizer.integerAttribute("numFmtId") ?? 0)
        }
      case .end:
        if tokenizer.isNamed("cellXfs") { inCellStyles = false }
      case .text: continue
      case .endOfDocument:
        return XLSXStyles(
          dateStyles: styleFormats.map { custom[$0] ?? XLSXNumberFormat.isBuiltInDate($0) })
      }
    }
  }
}
