/// The most an import file may ask of gongjian. Each limit is far above what an office file
/// needs and far below what would exhaust a desk computer; a file past one is refused with the
/// limit named. Tests lower them to reach a limit with a small file.
struct InputLimits: Sendable {
  /// A CSV record, in bytes (a thousand times a generous row).
  var recordBytes = 1 << 20
  /// A cell's text, in UTF-16 code units: Excel's own limit.
  var cellCharacters = 32_767
  /// Excel's last column (XFD).
  var columns = 16_384
  /// Excel's last row.
  var rows = 1_048_576
  /// Piped input is copied to a temporary file first; this much at most.
  var spoolBytes = 4 << 30

  /// ZIP entries in a workbook (Excel's own have a few dozen).
  var zipEntries = 10_000
  /// The central directory, in bytes.
  var zipDirectoryBytes = 16 << 20
  /// A worksheet unpacked. gongjian's own export of a million units is about 0.8 GiB.
  var sheetBytes = 2 << 30
  /// The shared-string table unpacked.
  var sharedStringsBytes = 512 << 20
  /// Strings in the shared-string table.
  var sharedStrings = 16 << 20
  /// Any other part read (workbook, relationships, styles).
  var otherPartBytes = 64 << 20
  /// Every part read, together.
  var workbookBytes = 3 << 30

  /// One XML tag with its attributes, in bytes.
  var xmlTagBytes = 1 << 20
  /// Elements inside elements (SpreadsheetML needs about eight).
  var xmlDepth = 64

  static let standard = InputLimits()
}
