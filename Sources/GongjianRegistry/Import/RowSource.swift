import Foundation

/// A cell of an imported row: text (CSV, or an XLSX string), or a number (an XLSX numeric
/// cell: a date column holds an Excel serial day).
public enum ImportCell: Equatable, Sendable {
  case empty
  case text(String)
  case number(Double)

  /// The cell as text: numbers without a needless ".0" (a phone number stored as a number).
  public var text: String? {
    switch self {
    case .empty: return nil
    case .text(let value): return value
    case .number(let value):
      if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
      return String(value)
    }
  }
}

/// Rows of a spreadsheet file, header first.
protocol RowSource: AnyObject {
  /// The header row, or nil for an empty file.
  func header() throws -> (line: Int, cells: [String])?
  /// The next data row: its line (CSV) or row number (XLSX) and cells, or a problem with
  /// that row (bad bytes), or nil at the end.
  func next() throws -> SourceRow?
  /// A description of the encoding, for the summary ("UTF-8", "GB18030").
  var encodingName: String { get }
  var bytesRead: Int { get }
  var totalBytes: Int { get }
}

enum SourceRow {
  case row(line: Int, cells: [ImportCell])
  case unreadable(line: Int, message: String)
}

/// How the bytes of a CSV file are text (SPEC §8).
public enum TextEncodingChoice: String, CaseIterable, Sendable {
  /// A UTF-8 BOM or valid UTF-8 is UTF-8; anything else is GB18030 (what Chinese Excel writes).
  case auto
  case utf8 = "utf-8"
  case gb18030
}

/// CSV rows, decoded field by field. With `auto`, the first field that is not plain ASCII
/// decides: valid UTF-8 makes the file UTF-8, anything else GB18030. (UTF-8 is tried first
/// because GB18030 would "decode" UTF-8 bytes into nonsense.) A field that is not valid in
/// the decided encoding is reported with its line, never replaced.
final class CSVRowSource: RowSource {
  private let reader: CSVReader
  private var decided: TextEncodingChoice?
  private let choice: TextEncodingChoice
  private var hadBOM = false

  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  convenience init(path: String, encoding: TextEncodingChoice) throws {
    try self.init(reader: CSVReader(path: path), encoding: encoding)
  }

  /// CSV held in memory (tests and fuzz targets); `chunkSize` as in `CSVReader`.
  convenience init(bytes: [UInt8], chunkSize: Int? = nil, encoding: TextEncodingChoice) throws {
    try self.init(reader: CSVReader(bytes: bytes, chunkSize: chunkSize ?? bytes.count), encoding: encoding)
  }

  private init(reader: CSVReader, encoding: TextEncodingChoice) throws {
    self.reader = reader
    choice = encoding
    decided = encoding == .auto ? nil : encoding
    let start = try reader.peek(3)
    if start.starts(with: [0xEF, 0xBB, 0xBF]) {
      reader.skip(3)
      hadBOM = true
      if encoding == .auto { decided = .utf8 }
    } else if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
      throw RegistryError.invalid(
        "the file is UTF-16 text; save it from Excel as \"CSV UTF-8 (逗号分隔)\" or \"CSV (逗号分隔)\" and import that")
    }
  }

  var encodingName: String {
    switch decided ?? .utf8 {
    case .gb18030: return "GB18030"
    default: return hadBOM ? "UTF-8 with BOM" : "UTF-8"
    }
  }

  var bytesRead: Int { reader.bytesRead }
  var totalBytes: Int { reader.fileSize }

  func header() throws -> (line: Int, cells: [String])? {
    guard try readRecord() else { return nil }
    switch try decodeCurrent() {
    case .success(let cells): return (reader.recordLine, cells.map { $0.text ?? "" })
    case .failure(let message): throw RegistryError.invalid("line \(reader.recordLine): \(message)")
    }
  }

  func next() throws -> SourceRow? {
    guard try readRecord() else { return nil }
    switch try decodeCurrent() {
    case .success(let cells): return .row(line: reader.recordLine, cells: cells)
    case .failure(let message): return .unreadable(line: reader.recordLine, message: message)
    }
  }

  private func readRecord() throws -> Bool {
    do {
      return try reader.next()
    } catch let failure as CSVReader.Failure {
      throw RegistryError.invalid("line \(failure.line): \(failure.message)")
    }
  }

  private enum Decoded {
    case success([ImportCell])
    case failure(String)
  }

  private func decodeCurrent() throws -> Decoded {
    var cells: [ImportCell] = []
    cells.reserveCapacity(reader.fieldCount)
    for index in 0..<reader.fieldCount {
      let result: String? = reader.withField(index) { bytes in
        if bytes.isEmpty { return "" }
        if !bytes.contains(where: { $0 >= 0x80 }) {
          return String(decoding: bytes, as: UTF8.self)
        }
        if decided == nil {
          decided = String(validating: bytes, as: UTF8.self) == nil ? .gb18030 : .utf8
        }
        if decided == .gb18030 {
          return String(bytes: bytes, encoding: CSVRowSource.gb18030)
        }
        return String(validating: bytes, as: UTF8.self)
      }
      guard let text = result else {
        let what = decided == .gb18030 ? "GB18030" : "UTF-8"
        let hint =
          choice == .auto
          ? (decided == .utf8
            ? "the lines before were UTF-8; save the whole file in one encoding (Excel: \"CSV UTF-8\")"
            : "save the file from Excel as \"CSV UTF-8 (逗号分隔)\"")
          : "check --encoding (auto, utf-8 or gb18030)"
        return .failure("column \(index + 1) holds bytes that are not valid \(what); \(hint)")
      }
      cells.append(text.isEmpty ? .empty : .text(text))
    }
    return .success(cells)
  }
}
