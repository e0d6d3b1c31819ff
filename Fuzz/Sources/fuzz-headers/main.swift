// Fuzz target: the import's header row (SPEC §8), `ImportColumns.map(headers:line:)`.
//
// Input: byte 0 is the line number; the rest is the header cells, separated by NUL or LF
// bytes (any byte may be in a cell: a CSV field can hold anything but those two here).
import FuzzSupport
import GongjianRegistry

/// Every header the mapper knows, and its column.
enum Fixture {
  static let known: [String: Field] = makeKnown()
}

func makeKnown() -> [String: Field] {
  var names: [String: Field] = [:]
  for column in ImportColumns.all {
    for name in [column.chinese, column.english] + column.aliases { names[name] = column.field }
  }
  return names
}

runFuzzer { buffer in
  var input = FuzzInput(buffer)
  let line = Int(input.byte()) + 1
  let headers = input.rest().split(separator: 0, omittingEmptySubsequences: false)
    .flatMap { $0.split(separator: 0x0A, omittingEmptySubsequences: false) }.map { text($0) }

  switch ImportColumns.map(headers: headers, line: line) {
  case .success(let fields):
    expect(fields.count == headers.count, "\(fields.count) fields for \(headers.count) headers")
    let named = fields.compactMap { $0 }
    expect(Set(named).count == named.count, "a column mapped twice: \(fields)")
    for required in ImportColumns.required {
      expect(named.contains(required), "success without the required column \(required)")
    }
    for (header, field) in zip(headers, fields) {
      if let exact = Fixture.known[header] {
        expect(field == exact, "\(header) mapped to \(String(describing: field))")
      }
    }
  case .failure(let failure):
    expect(failure.line == line, "a failure on line \(failure.line), not \(line)")
    expect(!failure.problems.isEmpty, "a failure without problems")
    for problem in failure.problems {
      switch problem {
      case .unnamedColumn(let column), .unknownColumn(let column, _), .repeatedColumn(_, _, _, _, let column):
        expect(column >= 0 && column < headers.count, "\(problem) for \(headers.count) headers")
      case .missingColumn(let field):
        expect(ImportColumns.required.contains(field), "\(field) reported missing but not required")
      }
    }
  }
}
