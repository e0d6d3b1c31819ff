import GongjianPresentation
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the pages beyond a single unit share: reading dates, years and ids from forms and
/// queries, a form's fields for its template, and files made in a temporary folder for a
/// download.
extension WebServer {
  /// A date typed in a form, read as the command line reads it; nil when left empty.
  func day(_ text: String?, field: Field, today: Day) throws -> Day? {
    guard let text, text.contains(where: { !$0.isWhitespace }) else { return nil }
    switch DayParser.parse(text, today: today) {
    case .success(let day): return day
    case .failure(let failure): throw Refusal.invalid(field, .notADate(failure))
    }
  }

  /// A year in a query (`from`, `to`, `year`): nil when absent; refused outside the years the
  /// registry knows, as the command line refuses it.
  func year(_ query: FormValues, _ name: String) throws -> Int? {
    guard let text = query.given(name) else { return nil }
    guard let year = Int(text.filter { $0 != " " }) else { throw BadQuery() }
    guard (Day.earliestYear...Day.latestYear).contains(year) else {
      throw Refusal.invalid(.year, .yearOutOfRange(year))
    }
    return year
  }

  /// A count in a form (`people`): nil when empty.
  func count(_ form: FormValues, _ name: String) throws -> Int? {
    guard let text = form.given(name) else { return nil }
    guard let value = Int(text.filter { $0 != " " }) else { throw BadQuery() }
    return value
  }

  /// The refusal's problems by field, worded, to show next to each field.
  func fieldProblems(_ refusal: Refusal, _ texts: any Catalogue) -> [Field: String] {
    var problems: [Field: String] = [:]
    if case .invalidValues(let list) = refusal {
      for item in list { problems[item.field] = texts.valueProblem(item.problem) }
    }
    return problems
  }

  /// The bytes of a file written by `write` to a temporary path (a workbook is written with
  /// seeks, so never straight into the answer).
  func temporaryFile(_ write: (String) throws -> Void) throws -> [UInt8] {
    var template = Array("/tmp/gongjian-web-XXXXXX".utf8CString)
    let descriptor = mkstemp(&template)
    guard descriptor >= 0 else { throw TemporaryFileLost() }
    close(descriptor)
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    try write(path)
    guard let file = fopen(path, "rb") else { throw TemporaryFileLost() }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = fread(&chunk, 1, chunk.count, file)
      if count <= 0 { break }
      bytes += chunk[0..<count]
    }
    return bytes
  }

  /// A download of a workbook's bytes.
  func workbookReply(_ bytes: [UInt8], filename: String) -> Reply {
    var reply = Reply(
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: filename)
    reply.bytes = bytes
    return reply
  }

  /// A download of a CSV text, with the byte-order mark Excel needs to read Chinese as such.
  func csvReply(_ text: String, filename: String) -> Reply {
    Reply(body: "\u{FEFF}" + text, contentType: "text/csv; charset=utf-8", filename: filename)
  }

  /// The page's notice left by the form just sent.
  func notice(_ viewer: Viewer) async -> String? {
    await sessions.takeNotice(viewer.session)
  }
}

/// A listing's workbook written into a temporary file by its descriptor.
final class TemporaryWorkbook: WorkbookOutput {
  let descriptor: Int32
  let destinationPath: String

  init(path: String) throws {
    descriptor = open(path, O_WRONLY | O_TRUNC)
    guard descriptor >= 0 else { throw TemporaryFileLost() }
    destinationPath = path
  }

  deinit { close(descriptor) }

  func write(_ text: String) {}
}

/// One field of a form, for the `fields` template.
struct FormField {
  var key: String
  var label: String
  var required = false
  var type: String?
  var hint: String?

  func context(_ values: FormValues, problem: String?, texts: any Catalogue) -> [String: Any] {
    [
      "key": key, "label": Pages.label(label), "value": values[key] ?? "", "required": required,
      "optional": required ? false : texts.web(.optional), "type": type ?? false, "hint": hint ?? false,
      "problem": problem ?? false, "invalid": problem != nil,
    ]
  }
}

extension Array where Element == (FormField, Field) {
  /// The fields' contexts, each with its refusal.
  func contexts(_ values: FormValues, problems: [Field: String], texts: any Catalogue) -> [[String: Any]] {
    map { field, name in field.context(values, problem: problems[name], texts: texts) }
  }
}
