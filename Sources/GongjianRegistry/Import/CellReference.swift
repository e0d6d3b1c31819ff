/// Where a cell is in its file: the row (an XLSX row number, or the physical line a CSV record
/// starts on) and the zero-based column. Printed as Excel names it, `D12`.
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
  public var row: Int
  public var column: Int

  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  public var description: String { CellReference.columnName(column) + String(row) }

  /// `0` → `A`, `25` → `Z`, `26` → `AA`, `16383` → `XFD`.
  public static func columnName(_ column: Int) -> String {
    var scalars: [Unicode.Scalar] = []
    var value = max(column, 0) + 1
    while value > 0 {
      let remainder = (value - 1) % 26
      scalars.append(Unicode.Scalar(UInt8(65 + remainder)))
      value = (value - 1) / 26
    }
    var name = ""
    name.unicodeScalars.append(contentsOf: scalars.reversed())
    return name
  }

  /// Parses the bytes of an XLSX reference (`D12`, or `D` alone): the zero-based column and the
  /// row, nil for the row when there are no digits. Nil for anything that is not a reference,
  /// or a column past `maxColumns`.
  static func parse(_ bytes: UnsafeRawBufferPointer, maxColumns: Int) -> (column: Int, row: Int?)? {
    var index = 0
    var column = 0
    while index < bytes.count {
      let byte = bytes[index] & ~0x20  // upper case
      guard byte >= 0x41 && byte <= 0x5A else { break }
      column = column * 26 + Int(byte - 0x40)
      // Past XFD is damage whatever follows; stopping here also keeps the number small.
      if column > maxColumns { return nil }
      index += 1
    }
    guard index > 0 else { return nil }
    if index == bytes.count { return (column - 1, nil) }
    var row = 0
    while index < bytes.count {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      row = row * 10 + Int(digit)
      if row > 100_000_000 { return nil }
      index += 1
    }
    return (column - 1, row)
  }
}
