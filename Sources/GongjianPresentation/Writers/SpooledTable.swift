import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A terminal table of any length in bounded memory. Its columns' widths come from every row,
/// so the rows are read twice: measured as they come, kept (in memory up to a budget, past it
/// in a temporary file nobody else can open), and written once the widths are known. The
/// output is the same as `TextTable`'s, byte for byte.
final class SpooledTable {
  private let columns: [TextTable.Column]
  private var widths: [Int]
  private let spool: RowSpool

  init(_ columns: [TextTable.Column], memoryBudget: Int = RowSpool.defaultBudget) {
    self.columns = columns
    widths = TextTable.headingWidths(columns)
    spool = RowSpool(budget: memoryBudget)
  }

  func add(_ cells: [String]) {
    let row = cells.map(TerminalText.cell)
    TextTable.widen(&widths, row)
    spool.append(row)
  }

  /// Writes the table to `output`; throws when the kept rows cannot be read back.
  func write(to output: any TextOutput, color: Bool, maxWidth: Int?) throws {
    var failure: (any Error)?
    TextTable.write(columns, widths: widths, color: color, maxWidth: maxWidth, to: output) { line in
      guard failure == nil else { return }
      do { try spool.forEach(line) } catch { failure = error }
    }
    if let failure { throw failure }
  }
}

/// Rows of text cells kept to be read again, in order, as often as needed: in memory up to
/// `budget` bytes, then in a temporary file (removed from its folder as soon as it is made,
/// so nothing is left behind whatever happens to the process). Cells hold no control
/// characters (they are a terminal's), so a row is its cells joined by U+001F and ended by a
/// line feed. When no temporary file can be made or written, the rows stay in memory.
final class RowSpool {
  static let defaultBudget = 4 << 20

  private let budget: Int
  /// Rows not in the file, after those that are.
  private var memory: [[String]] = []
  private var memoryBytes = 0
  private var descriptor: Int32 = -1
  /// Bytes of whole rows in the file.
  private var fileLength = 0
  private var fileUnusable = false

  init(budget: Int = RowSpool.defaultBudget) {
    self.budget = budget
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  func append(_ row: [String]) {
    memory.append(row)
    for cell in row { memoryBytes += cell.utf8.count + 24 }
    if memoryBytes > budget { spill() }
  }

  /// Calls `body` with every row, in the order they came.
  func forEach(_ body: ([String]) -> Void) throws {
    if fileLength > 0 { try readFile(body) }
    for row in memory { body(row) }
  }

  private func spill() {
    guard !fileUnusable else { return }
    if descriptor < 0 {
      descriptor = RowSpool.makeFile()
      guard descriptor >= 0 else {
        fileUnusable = true
        return
      }
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(memoryBytes)
    for row in memory {
      for (index, cell) in row.enumerated() {
        if index > 0 { bytes.append(0x1F) }
        bytes.append(contentsOf: cell.utf8)
      }
      bytes.append(0x0A)
    }
    let written = bytes.withUnsafeBytes { RowSpool.writeAll(descriptor, $0, at: fileLength) }
    guard written else {
      // The rows stay in memory; what part of them reached the file is never read.
      fileUnusable = true
      return
    }
    fileLength += bytes.count
    memory.removeAll(keepingCapacity: true)
    memoryBytes = 0
  }

  private func readFile(_ body: ([String]) -> Void) throws {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var pending: [UInt8] = []
    var offset = 0
    while offset < fileLength {
      let wanted = min(chunk.count, fileLength - offset)
      let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw OutputProblem.cannotWrite(path: RowSpool.folder, errno: count < 0 ? errno : EIO) }
      offset += count
      var start = 0
      for index in 0..<count where chunk[index] == 0x0A {
        if pending.isEmpty {
          chunk.withUnsafeBufferPointer { body(RowSpool.cells(UnsafeBufferPointer(rebasing: $0[start..<index]))) }
        } else {
          pending.append(contentsOf: chunk[start..<index])
          pending.withUnsafeBufferPointer { body(RowSpool.cells($0)) }
          pending.removeAll(keepingCapacity: true)
        }
        start = index + 1
      }
      pending.append(contentsOf: chunk[start..<count])
    }
  }

  private static func cells(_ line: UnsafeBufferPointer<UInt8>) -> [String] {
    line.split(separator: 0x1F, omittingEmptySubsequences: false).map {
      String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self)
    }
  }

  /// Whether every byte was written.
  private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at start: Int) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var done = 0
    while done < bytes.count {
      let written = pwrite(descriptor, base + done, bytes.count - done, off_t(start + done))
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return false }
      done += written
    }
    return true
  }

  /// Where the file goes: `TMPDIR`, else /tmp.
  static var folder: String {
    if let value = getenv("TMPDIR"), case let folder = String(cString: value), !folder.isEmpty { return folder }
    return "/tmp"
  }

  /// A new file, readable and writable by its owner only, already unlinked; -1 when none
  /// can be made.
  private static func makeFile() -> Int32 {
    var template = Array((folder + "/gongjian-table-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return -1 }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return descriptor
  }
}
