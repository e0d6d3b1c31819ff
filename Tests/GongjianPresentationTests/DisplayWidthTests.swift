import Testing

@testable import GongjianPresentation

@Suite struct DisplayWidthTests {
  /// Terminal columns of text, as a terminal with East Asian Width support shows it.
  static let widths: [(text: String, width: Int)] = [
    ("", 0),
    ("abc", 3),
    ("Hello, world!", 13),
    ("2019-08-15", 10),
    // CJK ideographs and punctuation: two columns each.
    ("上海", 4),
    ("复旦大学外文学院", 16),
    ("上海长远文化(集团)有限公司", 26),
    ("上海长远文化（集团）有限公司", 28),
    ("、。《》", 8),
    ("\u{3000}", 2),  // ideographic space
    ("𠀀", 2),  // CJK Extension B (outside the BMP)
    ("欧阳路街道 2019", 15),
    // Full-width forms: two columns; half-width katakana: one.
    ("ＡＢＣ", 6),
    ("１２３", 6),
    ("ｱｲｳ", 3),
    // Combining marks and invisible characters take no column of their own.
    ("e\u{301}", 1),
    ("cafe\u{301}", 4),
    ("中\u{301}", 2),
    ("a\u{200B}b", 2),  // zero-width space
    ("\u{200B}", 0),
    ("\u{200D}", 0),  // zero-width joiner
    ("\u{FEFF}", 0),  // BOM / zero-width no-break space
    ("\u{00AD}", 0),  // soft hyphen
    // Emoji shown as pictures: two columns, however many scalars they are made of.
    ("🇨🇳", 2),
    ("👍", 2),
    ("👍🏽", 2),
    ("❤️", 2),
    ("❤", 1),  // without VS16 a text-style heart
    ("👨‍👩‍👧", 2),
    ("ok👍", 4),
    // Hangul: syllables are wide; decomposed jamo form one wide cluster.
    ("한국", 4),
    ("\u{1112}\u{1161}\u{11AB}", 2),
    // Other scripts: narrow.
    ("Zürich", 6),
    ("Ωμέγα", 5),
    ("Привет", 6),
  ]

  @Test(arguments: widths)
  func width(of text: String, is expected: Int) {
    #expect(DisplayWidth.of(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
  }

  /// ｶﾞ is one grapheme cluster (U+FF9E extends it) but a terminal draws two half-width cells;
  /// counting only the cluster's first scalar would shift the columns after it by one.
  @Test func halfWidthKatakanaWithAVoicedMarkTakesTwoColumns() {
    #expect(DisplayWidth.of("ｶﾞ") == 2)
    #expect(DisplayWidth.of("ｶ") == 1)
  }

  @Test func padFillsToDisplayWidthNotCharacterCount() {
    #expect(DisplayWidth.pad("上海", to: 6) == "上海  ")
    #expect(DisplayWidth.pad("abc", to: 6) == "abc   ")
    #expect(DisplayWidth.pad("ＡＢＣ", to: 6) == "ＡＢＣ")
    #expect(DisplayWidth.pad("上海长远", to: 4) == "上海长远", "never cut")
    #expect(DisplayWidth.padLeft("12", to: 5) == "   12")
    #expect(DisplayWidth.padLeft("十二", to: 5) == " 十二")
  }

  @Test func truncateCutsByDisplayWidthAndMarksTheCut() {
    #expect(DisplayWidth.truncate("上海长远文化", to: 12) == "上海长远文化")
    let cut = DisplayWidth.truncate("上海长远文化(集团)有限公司", to: 9)
    #expect(cut == "上海长远…")
    #expect(DisplayWidth.of(cut) <= 9)
    #expect(DisplayWidth.truncate("abcdefghij", to: 5) == "abcd…")
  }

  // MARK: - Tables

  /// The display column at which each of `cells` starts in `line`, found left to right.
  func startColumns(of cells: [String], in line: String) -> [Int]? {
    var cursor = line.startIndex
    var columns: [Int] = []
    for cell in cells {
      guard let range = line.range(of: cell, range: cursor..<line.endIndex) else { return nil }
      columns.append(DisplayWidth.of(String(line[..<range.lowerBound])))
      cursor = range.upperBound
    }
    return columns
  }

  @Test func aRenderedTableLinesUpChineseAndASCIIColumns() throws {
    var table = TextTable(titles: ["id", "name", "kind", "joined", "groups"], rightAligned: [0])
    let rows: [[String]] = [
      ["1", "复旦大学外文学院", "高校", "2019-06-20", "文明共创"],
      ["12", "Bank of Shanghai", "金融机构", "2019-06-20", "—"],
      ["3", "上海长远文化（集团）有限公司", "国有企业", "2016-03-01", "文化共享、平安共建"],
      ["144", "ＡＢＣ Ltd. 👍", "other", "2017-01-01", "x"],
      ["5", "建设银行虹口支行", "金融机构", "2019-06-20", ""],
    ]
    for row in rows { table.add(row) }
    let text = table.render(color: false)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == rows.count + 3, "header, rule, rows and the final newline")
    #expect(lines.last == "")
    #expect(!text.contains("\u{1B}["), "no escape codes without colour")

    let header = try #require(startColumns(of: ["id", "name", "kind", "joined", "groups"], in: lines[0]))
    // id is 3 wide (right-aligned), the longest name 28, kind 8, joined 10; two spaces between.
    #expect(header == [1, 5, 35, 45, 57])
    // The id column is right-aligned: its cells end where the header's "id" ends.
    let idEnd = header[0] + 2
    for (index, row) in rows.enumerated() {
      let line = lines[index + 2]
      // Skip empty cells: they cannot be found in the line.
      let present = row.enumerated().filter { !$0.element.isEmpty }
      let starts = try #require(startColumns(of: present.map(\.element), in: line), "\(line)")
      for (position, (column, cell)) in present.enumerated() {
        if column == 0 {
          #expect(starts[position] + DisplayWidth.of(cell) == idEnd, "row \(index): \(line)")
        } else {
          #expect(starts[position] == header[column], "row \(index) column \(column): \(line)")
        }
      }
      #expect(!line.hasSuffix(" "), "no trailing spaces: '\(line)'")
    }
    // Each column is as wide as its widest cell, two spaces apart.
    let nameWidth = DisplayWidth.of("上海长远文化（集团）有限公司")
    #expect(header[2] == header[1] + nameWidth + 2)
    #expect(header[3] == header[2] + DisplayWidth.of("金融机构") + 2)
    // The rule under the header has one segment per column, each as wide as the column.
    let segments = lines[1].split(separator: " ", omittingEmptySubsequences: true).map { DisplayWidth.of(String($0)) }
    #expect(segments == [3, nameWidth, 8, 10, DisplayWidth.of("文化共享、平安共建")])
  }

  @Test func aSmallTablePadsByDisplayWidth() {
    var table = TextTable(titles: ["名称", "n"])
    table.add(["上海", "1"])
    table.add(["ab", "2"])
    let lines = table.render(color: false).split(separator: "\n").map(String.init)
    #expect(lines[2] == "上海  1")
    #expect(lines[3] == "ab    2")
  }

  @Test func controlCharactersInCellsCannotBreakTheGrid() {
    var table = TextTable(titles: ["a", "b"])
    table.add(["line one\nline two", "x\ty"])
    let lines = table.render(color: false).split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[2].contains("line one⏎line two"))
    #expect(!lines[2].contains("\t"))
  }
}
