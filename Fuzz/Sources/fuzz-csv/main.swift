// Fuzz target: a CSV file as import reads it (SPEC §8): `CSVReader`'s records, the same bytes
// read through a small chunk (records across refills, as in a large file), and
// `CSVRowSource`'s decoding (BOM, UTF-8 or GB18030, bad bytes reported by line).
//
// Input: byte 0 picks the small chunk's size (3–66 bytes), byte 1 the encoding choice; the
// rest is the file.
import FuzzSupport

@testable import GongjianRegistry

struct Record: Equatable {
  var line: Int
  var fields: [[UInt8]]
}

/// Every record of `reader`, or where it stopped with a structural error.
func readAll(_ reader: CSVReader) -> (records: [Record], failure: CSVReader.Failure?) {
  var records: [Record] = []
  do {
    while try reader.next() {
      records.append(Record(line: reader.recordLine, fields: (0..<reader.fieldCount).map(reader.field)))
    }
    return (records, nil)
  } catch let failure as CSVReader.Failure {
    return (records, failure)
  } catch {
    expect(false, "CSVReader threw \(error)")
    return (records, nil)
  }
}

/// A plain model of the format `CSVReader` reads, written for clarity rather than speed, over
/// the whole input at once: the records (blank ones skipped) with the physical line each starts
/// on, and the line of a quoted field that is never closed.
func model(_ bytes: [UInt8]) -> (records: [Record], failureLine: Int?) {
  let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
  var records: [Record] = []
  var index = 0
  var line = 1
  while index < bytes.count {
    let start = line
    var fields: [[UInt8]] = []
    while true {
      var field: [UInt8] = []
      if index < bytes.count && bytes[index] == quote {
        index += 1
        while true {
          guard index < bytes.count else { return (records, start) }
          let byte = bytes[index]
          if byte == quote {
            if index + 1 < bytes.count && bytes[index + 1] == quote {
              field.append(quote)
              index += 2
              continue
            }
            index += 1
            break
          }
          if byte == lf || (byte == cr && !(index + 1 < bytes.count && bytes[index + 1] == lf)) { line += 1 }
          field.append(byte)
          index += 1
        }
      }
      // Unquoted text, or text after a closing quote (kept).
      while index < bytes.count && bytes[index] != comma && bytes[index] != lf && bytes[index] != cr {
        field.append(bytes[index])
        index += 1
      }
      fields.append(field)
      guard index < bytes.count else { break }
      let separator = bytes[index]
      index += 1
      if separator == comma {
        if index == bytes.count {
          fields.append([])
          break
        }
        continue
      }
      line += 1
      if separator == cr && index < bytes.count && bytes[index] == lf { index += 1 }
      break
    }
    if fields.contains(where: { !$0.isEmpty }) { records.append(Record(line: start, fields: fields)) }
  }
  return (records, nil)
}

/// Physical lines in `bytes`: CRLF, LF and a lone CR each end one.
func lineCount(_ bytes: [UInt8]) -> Int {
  var count = 1
  for (index, byte) in bytes.enumerated() {
    if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) { count += 1 }
  }
  return count
}

runFuzzer { buffer in
  var input = FuzzInput(buffer)
  let chunkSize = Int(input.byte() % 64) + 3  // 3 at least: the BOM check peeks 3 bytes
  let encoding = TextEncodingChoice.allCases[Int(input.byte()) % TextEncodingChoice.allCases.count]
  let file = input.rest()

  // 1. Records, read in one piece.
  let whole = readAll(CSVReader(bytes: file))
  let lines = lineCount(file)
  var previousLine = 0
  for record in whole.records {
    expect(record.fields.count >= 1, "a record with no fields at line \(record.line)")
    expect(record.fields.contains { !$0.isEmpty }, "a blank record at line \(record.line) was not skipped")
    expect(record.line > previousLine && record.line <= lines, "record line \(record.line) after \(previousLine)")
    previousLine = record.line
  }
  if let failure = whole.failure {
    let line = failure.line ?? 0
    expect(line >= 1 && line <= lines, "failure at line \(line) of \(lines)")
  }

  // The model reads the same records and fails on the same line.
  let expected = model(file)
  expect(whole.records == expected.records, "the records differ from the model's: \(expected.records)")
  expect(
    whole.failure?.line == expected.failureLine,
    "failure \(String(describing: whole.failure)), the model's at line \(String(describing: expected.failureLine))")

  // 2. The same bytes through a small chunk: the same records, the same failure.
  let chunked = readAll(CSVReader(bytes: file, chunkSize: chunkSize))
  expect(chunked.records == whole.records, "a \(chunkSize)-byte chunk reads other records")
  expect(
    chunked.failure == whole.failure,
    "a \(chunkSize)-byte chunk fails otherwise: \(String(describing: chunked.failure))")

  // 3. Writing the records back out and reading them again gives the same fields.
  if whole.failure == nil {
    var output = ""
    let written = whole.records.map { $0.fields.map { text($0) } }
    for fields in written { CSVWriter.append(fields, to: &output) }
    let again = readAll(CSVReader(bytes: Array(output.utf8)))
    expect(again.failure == nil, "written CSV does not read back: \(String(describing: again.failure))")
    let reread = again.records.map { $0.fields.map { Array(CSVWriter.removeNeutralizingQuote(text($0)).utf8) } }
    expect(reread == written.map { $0.map { Array($0.utf8) } }, "written CSV reads back otherwise")
  }

  // 4. Decoding, as import does it: never a trap; every row has its record's cells.
  do {
    let source = try CSVRowSource(bytes: file, chunkSize: chunkSize, encoding: encoding)
    var rows: [(line: Int, cells: Int)] = []
    while let row = try source.next() {
      switch row {
      case .row(let line, let cells):
        expect(cells.map(\.column) == Array(cells.indices), "columns \(cells.map(\.column)) at line \(line)")
        rows.append((line, cells.count))
      case .unreadable(let line, let problem):
        expect(problem.line == line, "a problem \(problem) for line \(line)")
        rows.append((line, -1))
      }
    }
    expect(source.bytesRead == file.count, "read \(source.bytesRead) of \(file.count) bytes")
    // Without a BOM, decoding sees the records a reader with the same separator sees, line for
    // line.
    let same = readAll(CSVReader(bytes: file, chunkSize: file.count, separator: source.separator))
    if same.failure == nil && !file.starts(with: [0xEF, 0xBB, 0xBF]) {
      expect(rows.count == same.records.count, "\(rows.count) rows from \(same.records.count) records")
      for (row, record) in zip(rows, same.records) {
        expect(row.line == record.line, "row at line \(row.line), record at line \(record.line)")
        expect(row.cells == -1 || row.cells == record.fields.count, "\(row.cells) cells at line \(row.line)")
      }
    }
  } catch let problem as InputProblem {
    switch problem {
    case .utf16, .unclosedQuote, .recordTooLong, .tooManyFields: break
    default: expect(false, "CSVRowSource threw \(problem)")
    }
  } catch {
    expect(false, "CSVRowSource threw \(error)")
  }
}
