// Fuzz target: an XLSX workbook as import reads it: the ZIP directory, inflating with counted
// limits and checksums, the XML tokenizer, shared strings, styles, the sheet's cells and the
// office layout above them. Every input must end in rows or a typed problem, the same way
// twice; never a trap, a hang or unbounded memory (limits are lowered so that a run stays
// small).
//
// Input: byte 0 picks the mode. Even: the rest is a workbook file. Odd: the rest is the XML of
// one part, read whole and again byte 1 % 61 + 1 bytes at a time: the same tokens, text and
// problem both ways.
import FuzzSupport

@testable import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#endif

enum Fixture {
  static let folder = scratchFolder("fuzz-xlsx")
  static let path = folder + "/input.xlsx"
  static let limits: InputLimits = {
    var limits = InputLimits.standard
    limits.sheetBytes = 8 << 20
    limits.sharedStringsBytes = 4 << 20
    limits.otherPartBytes = 4 << 20
    limits.workbookBytes = 16 << 20
    limits.xmlTagBytes = 64 << 10
    return limits
  }()
}

/// Everything a workbook reads as, for comparing two reads.
struct Outcome: Equatable {
  var header: [String] = []
  var rows: [SourceRow] = []
  var layout: ImportLayout?
  var problem: InputProblem?
}

func read(_ source: () throws -> any RowSource) -> Outcome {
  var outcome = Outcome()
  do {
    let table = try ImportTable(source: source(), matcher: ImportColumns.matcher)
    outcome.header = table.header?.cells ?? []
    defer { outcome.layout = table.layout }
    var previous = 0
    while let row = try table.next() {
      expect(row.line > previous, "row \(row.line) after \(previous)")
      previous = row.line
      if case .row(_, let cells) = row {
        for cell in cells {
          expect(cell.column >= 0 && cell.column < Fixture.limits.columns, "a cell in column \(cell.column)")
          if case .text(let text) = cell.value {
            expect(text.utf16.count <= Fixture.limits.cellCharacters, "a cell of \(text.utf16.count) characters")
          }
        }
      }
      outcome.rows.append(row)
    }
  } catch let problem as InputProblem {
    if let part = problem.part { expect(!part.isEmpty, "a problem in a part without a name: \(problem)") }
    outcome.problem = problem
  } catch {
    expect(false, "not an InputProblem: \(error)")
  }
  return outcome
}

/// The tokens of `xml` as text, read `piece` bytes at a time.
func tokens(_ xml: [UInt8], piece: Int) -> (tokens: [String], problem: InputProblem?) {
  var tokenizer = XMLTokenizer(
    part: "part.xml", source: MemoryByteSource(xml, piece: piece), limits: Fixture.limits)
  var tokens: [String] = []
  var text: [UInt8] = []
  do {
    while true {
      switch try tokenizer.next() {
      case .start:
        if !text.isEmpty { tokens.append("text \(text)") }
        text = []
        tokens.append("start depth \(tokenizer.depth) empty \(tokenizer.isEmptyElement) c \(tokenizer.isNamed("c"))")
        if let value = try tokenizer.stringAttribute("r") { tokens.append("r=\(value)") }
      case .end:
        if !text.isEmpty { tokens.append("text \(text)") }
        text = []
        tokens.append("end depth \(tokenizer.depth) c \(tokenizer.isNamed("c"))")
      case .text:
        try tokenizer.appendText(to: &text)
      case .endOfDocument:
        if !text.isEmpty { tokens.append("text \(text)") }
        return (tokens, nil)
      }
    }
  } catch let problem as InputProblem {
    return (tokens, problem)
  } catch {
    expect(false, "not an InputProblem: \(error)")
    return (tokens, nil)
  }
}

runFuzzer { buffer in
  var input = FuzzInput(buffer)
  let mode = input.byte()
  if mode % 2 == 1 {
    let piece = Int(input.byte() % 61) + 1
    let xml = input.rest()
    let whole = tokens(xml, piece: Int.max)
    let pieces = tokens(xml, piece: piece)
    expect(
      whole.problem == pieces.problem,
      "\(String(describing: whole.problem)) whole, \(String(describing: pieces.problem)) in \(piece)-byte pieces")
    if whole.problem == nil {
      expect(whole.tokens == pieces.tokens, "other tokens in \(piece)-byte pieces")
    }
    return
  }
  let bytes = input.rest()
  let handle = open(Fixture.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  expect(handle >= 0, "cannot write \(Fixture.path)")
  let written = bytes.withUnsafeBytes { write(handle, $0.baseAddress, $0.count) }
  close(handle)
  expect(written == bytes.count, "wrote \(written) of \(bytes.count) bytes")
  let first = read { try XLSXRowSource(path: Fixture.path, limits: Fixture.limits) }
  let second = read { try XLSXRowSource(path: Fixture.path, limits: Fixture.limits) }
  expect(first == second, "two reads of one file differ")
}
