import GongjianRegistry

extension ChineseCatalogue: ImportWording {
  static let saveAgain = "请用Excel或WPS打开后另存为.xlsx，或另存为CSV后导入"

  /// A problem in one row, said after the line and column the row listing already names.
  func rowInputProblem(_ problem: InputProblem) -> String {
    switch problem {
    case .notValidText(_, _, let encoding):
      return "内容不是有效的\(encodingName(encoding))文字；请检查 --encoding（auto、utf-8 或 gb18030）"
    case .mixedEncodings(_, _, let first):
      return "既不是UTF-8（文件从第\(first)行起不再是UTF-8）也不是GB18030；请把整个文件存成同一种编码（Excel：“CSV UTF-8”）"
    case .fieldTooLong(_, _, let limit): return "超过\(limit)个字，是一个单元格能容纳的上限"
    default: return inputProblem(problem, path: "")
    }
  }

  public func inputProblem(_ problem: InputProblem, path: String) -> String {
    let file = path.isEmpty ? "" : "\(path)："
    switch problem {
    case .cannotOpen(let name, let code): return "无法打开\(name)：\(FilePath.reason(code))。"
    case .isFolder(let name): return "\(name)是文件夹，请给出要导入的CSV或XLSX文件。"
    case .readFailed(let code): return "\(file)读取失败：\(FilePath.reason(code))。"
    case .spoolFailed(let code): return "\(file)无法为输入内容建立临时副本：\(FilePath.reason(code))。"
    case .inputTooLarge(let limit): return "\(file)输入内容超过\(ByteCount.text(limit))，不予导入。"
    case .utf16:
      return "\(file)这是UTF-16编码的文本。请在Excel中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”后导入。"
    case .notValidText(let line, let column, let encoding):
      return "\(file)第\(line)行第\(column + 1)列的内容不是有效的\(encodingName(encoding))文字；"
        + "请检查 --encoding（auto、utf-8 或 gb18030）"
    case .mixedEncodings(let line, let column, let first):
      return "\(file)第\(first)行起文件不再是UTF-8编码，而第\(line)行第\(column + 1)列按GB18030也读不通；"
        + "请把整个文件存成同一种编码（Excel：“CSV UTF-8”）"
    case .unclosedQuote(let line): return "\(file)第\(line)行开始的带引号内容没有结束（少了一个 \"）"
    case .recordTooLong(let line, let limit): return "\(file)第\(line)行超过\(ByteCount.text(limit))，不像一行表格数据"
    case .fieldTooLong(let line, let column, let limit):
      return "\(file)第\(line)行第\(column + 1)列超过\(limit)个字，是一个单元格能容纳的上限"
    case .tooManyFields(let line, let limit): return "\(file)第\(line)行超过\(limit)列"
    case .notZip: return "\(file)不是可以读取的XLSX工作簿。\(Self.saveAgain)。"
    case .compoundFile: return "\(file)是旧版Excel文件（.xls）或设了密码的工作簿。请去掉密码，另存为.xlsx或CSV后导入。"
    case .archiveTruncated, .truncated: return "\(file)文件不完整（可能下载或复制时被截断了），请取得完整的文件。"
    case .zip64, .splitArchive, .tooManyEntries, .badEntryName, .duplicateEntry, .unsupportedCompression,
      .encryptedPart:
      return "\(file)不是Excel或WPS通常保存的那种工作簿（\(part(problem))）。\(Self.saveAgain)。"
    case .zipDirectoryDamaged, .partHeaderDamaged, .sizeMismatch, .deflateDamaged, .crcMismatch, .xmlDamaged,
      .cellDamaged, .xmlNotUTF8, .rowOutOfOrder:
      return "\(file)工作簿已损坏（\(part(problem))）。\(Self.saveAgain)，或取得一份完好的文件。"
    case .missingPart(let name): return "\(file)工作簿缺少\(name)。\(Self.saveAgain)。"
    case .partTooLarge(let name, let limit):
      return "\(file)工作簿中的\(name)解压后超过\(ByteCount.text(limit))，不予导入；请另存为CSV后导入。"
    case .workbookTooLarge(let limit): return "\(file)工作簿解压后超过\(ByteCount.text(limit))，不予导入；请另存为CSV后导入。"
    case .xmlDoctype(let name): return "\(file)工作簿中的\(name)带有文档类型声明，不是正常的工作簿，不予导入。"
    case .xmlTooComplex(let name, let offset, _):
      return "\(file)工作簿中的\(name)在第\(offset)字节处结构异常复杂，不是正常的工作簿，不予导入。"
    case .notAWorkbook: return "\(file)是压缩文件，但不是Excel工作簿。"
    case .noSheets: return "\(file)工作簿中没有工作表。"
    case .noVisibleSheet(let sheets):
      return "\(file)工作簿中的工作表都是隐藏的（\(list(sheets.map { quoted($0.name) }))）；"
        + "请用 --sheet 名称 指定要导入的工作表"
    case .unknownSheet(let name, let available):
      return "\(file)工作簿中没有名为\(quoted(name))的工作表；现有：\(list(available.map(quoted)))"
    case .notAWorksheet(let name): return "\(file)\(quoted(name))是图表或对话框，不是数据表。"
    case .tooManyRows(let name, let limit): return "\(file)\(name)超过\(limit)行，超出了Excel的上限，不予导入。"
    case .tooManyColumns(let name, let row, let limit):
      return "\(file)\(name)第\(row)行超过\(limit)列，超出了Excel的上限，不予导入。"
    case .cellTextTooLong(let name, let cell, let limit):
      return "\(file)\(name)\(cell.map { "的单元格\($0)" } ?? "中的一段共享文字")超过\(limit)个字，是一个单元格能容纳的上限。"
    case .tooManySharedStrings(let limit): return "\(file)工作簿中的文字超过\(limit)段，不予导入。"
    }
  }

  func part(_ problem: InputProblem) -> String {
    problem.part.map { "部件 \($0)" } ?? "目录"
  }

  func encodingName(_ encoding: TextEncoding) -> String {
    switch encoding {
    case .utf8: "UTF-8"
    case .gb18030: "GB18030"
    }
  }

  public func headerFailure(_ failure: HeaderFailure, path: String, layout: ImportLayout) -> String {
    var lines = ["\(path)：第\(failure.line)行的表头有问题，未导入任何内容："]
    for problem in failure.problems {
      switch problem {
      case .unnamedColumn(let column):
        lines.append("  第\(column + 1)列（\(CellReference.columnName(column))列）有数据但没有表头")
      case .unknownColumn(let column, let header):
        lines.append("  第\(column + 1)列的表头\(quoted(header))不是认识的列")
      case .repeatedColumn(_, let first, _, let header, _):
        lines.append("  \(quoted(first))和\(quoted(header))是同一列")
      case .missingColumn(let field):
        let column = ImportColumns.column(field)
        lines.append("  缺少必填的列：\(column.chinese)（\(column.english)）")
      }
    }
    lines.append("认识的列有：" + ImportColumns.all.map { "\($0.chinese)（\($0.english)）" }.joined(separator: "、") + "。")
    if !layout.headerRecognised && failure.line > 1 || !layout.titleRows.isEmpty {
      lines.append("表头之上有\(layout.titleRows.count)行标题，已跳过。")
    }
    if case .xlsx(let sheet, let sheets) = layout.format, sheets.count > 1 {
      lines.append(
        "读取的是工作表\(quoted(sheet))；工作簿中共有：\(list(sheets.map { quoted($0.name) }))。可用 --sheet 名称 指定其他工作表。")
    }
    return lines.joined(separator: "\n")
  }

  public func sourceFormat(_ format: SourceFormat) -> String {
    switch format {
    case .csv(let encoding, let bom, let separator):
      let name = encodingName(encoding) + (bom ? "（带BOM）" : "")
      let by: String
      switch separator {
      case .comma: by = "逗号分隔"
      case .semicolon: by = "分号分隔"
      case .tab: by = "制表符分隔"
      }
      return "\(name)，\(by)"
    case .xlsx(let sheet, _): return "工作表\(quoted(sheet))"
    }
  }

  public func layoutNotes(_ layout: ImportLayout) -> [String] {
    var notes: [String] = []
    if case .xlsx(let sheet, let sheets) = layout.format, sheets.count > 1 {
      let hidden = sheets.filter { $0.visibility != .visible }.map { quoted($0.name) }
      notes.append("读取了工作表\(quoted(sheet))" + (hidden.isEmpty ? "" : "，跳过了隐藏的工作表\(list(hidden))"))
    }
    if !layout.titleRows.isEmpty {
      notes.append(
        "跳过了表头之上的\(layout.titleRows.count)行标题（第\(layout.titleRows.map(String.init).joined(separator: "、"))行）")
    }
    for column in layout.ignoredColumns {
      notes.append("没有导入\(quoted(column.header))列（\(CellReference.columnName(column.column))列）")
    }
    if layout.blankRows > 0 { notes.append("跳过了\(layout.blankRows)个空行") }
    for total in layout.totalRows { notes.append("跳过了第\(total.line)行的\(quoted(total.label))行") }
    return notes
  }

  public func otherKinds(_ kinds: [String]) -> String {
    "以下单位类别不是标准类别，按原样保存：\(list(kinds.map(quoted)))（标准类别：\(list(UnitKind.standard))）"
  }
}
