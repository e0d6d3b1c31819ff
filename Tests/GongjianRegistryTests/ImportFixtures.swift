import Foundation
import Testing

@testable import GongjianRegistry

/// Files made by the tools offices use (Tests/Fixtures/make-office-files.py: openpyxl,
/// XlsxWriter, LibreOffice Calc, Python's codecs) and hostile ones made by hand
/// (Tests/Fixtures/make-hostile-files.py), each generated once per test run into a scratch
/// folder. A test that needs a tool that is not installed is skipped, and says which.
enum ImportFixtures {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The office files' folder and the tools that made them; nil when python3 or openpyxl is
  /// missing.
  static let office: (folder: String, tools: Set<String>)? = {
    let folder = NSTemporaryDirectory() + "gongjian-office-files-\(getpid())"
    removeAtExit()
    guard run(["python3", fixtures.appendingPathComponent("make-office-files.py").path, folder]) == 0,
      let tools = try? String(contentsOfFile: folder + "/tools.txt", encoding: .utf8)
    else { return nil }
    return (folder, Set(tools.split(separator: "\n").map(String.init)))
  }()

  /// The hostile files' folder; nil without python3.
  static let hostile: String? = {
    let folder = NSTemporaryDirectory() + "gongjian-hostile-files-\(getpid())"
    removeAtExit()
    guard run(["python3", fixtures.appendingPathComponent("make-hostile-files.py").path, folder]) == 0 else {
      return nil
    }
    return folder
  }()

  /// The generated files (a quarter of a gigabyte) go when the test run ends.
  private static func removeAtExit() {
    atexit {
      for name in ["gongjian-office-files", "gongjian-hostile-files"] {
        try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "\(name)-\(getpid())")
      }
    }
  }

  static var hasOpenpyxl: Bool { office != nil }
  static var hasLibreOffice: Bool { office?.tools.contains("libreoffice") == true }
  static var hasXlsxWriter: Bool { office?.tools.contains("xlsxwriter") == true }
  static var hasHostileFiles: Bool { hostile != nil }

  static func officeFile(_ name: String) throws -> String {
    try #require(office).folder + "/" + name
  }

  static func hostileFile(_ name: String) throws -> String {
    try #require(hostile) + "/" + name
  }

  /// Runs a command with its output discarded; its exit status, or -1 when it cannot start.
  static func run(_ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return -1
    }
    process.waitUntilExit()
    return process.terminationStatus
  }
}

/// A table read to its end: its header, rows and layout, or the problem it stopped on.
struct ReadTable {
  var header: [String] = []
  var headerColumns: [Int] = []
  var rows: [(line: Int, cells: [ImportCell])] = []
  var unreadable: [(line: Int, problem: InputProblem)] = []
  var layout: ImportLayout?
  var problem: InputProblem?

  init(path: String, encoding: TextEncodingChoice = .auto, sheet: String? = nil, limits: InputLimits = .standard) {
    do {
      let table = try ImportTable(
        path: path, encoding: encoding, sheet: sheet, matcher: ImportColumns.matcher, limits: limits)
      try read(table)
    } catch let problem as InputProblem {
      self.problem = problem
    } catch {
      Issue.record("not an InputProblem: \(error)")
    }
  }

  init(source: () throws -> any RowSource) {
    do {
      try read(ImportTable(source: source(), matcher: ImportColumns.matcher))
    } catch let problem as InputProblem {
      self.problem = problem
    } catch {
      Issue.record("not an InputProblem: \(error)")
    }
  }

  private mutating func read(_ table: ImportTable) throws {
    header = table.header?.cells ?? []
    headerColumns = table.header?.columns ?? []
    defer { layout = table.layout }
    while let row = try table.next() {
      switch row {
      case .row(let line, let cells): rows.append((line, cells))
      case .unreadable(let line, let problem): unreadable.append((line, problem))
      }
    }
  }

  /// Each row's values, in the header's order.
  var values: [[CellValue]] { rows.map { $0.cells.map(\.value) } }

  /// The values of the column whose header is `header`.
  func column(_ header: String) -> [CellValue] {
    guard let index = self.header.firstIndex(of: header) else { return [] }
    return rows.map { index < $0.cells.count ? $0.cells[index].value : .empty }
  }
}
