import GongjianPresentation
import Testing

/// The browser view's tables: every value escaped, links where asked, and a last column of
/// controls (a claim button) after the listing's own.
@Suite struct HTMLTableTests {
  struct Row: Sendable {
    var id: Int
    var title: String
  }

  static let columns: [Column<Row>] = [
    Column("id", "编号", "id", alignment: .right, value: { .int($0.id) }),
    Column("title", "名称", "title", value: { .text($0.title) }),
  ]

  @Test func valuesAreEscapedAndLinked() {
    let html = HTMLTable.render(Self.columns, [Row(id: 7, title: "<script>alert(1)</script>")], language: .zh) {
      row, key in key == "title" ? "/needs/\(row.id)" : nil
    }
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"))
    #expect(html.contains("<a href=\"/needs/7\">"))
    #expect(!html.contains("class=\"action\""))
  }

  @Test func anActionColumnComesLast() {
    let action = HTMLTable.Action<Row>(heading: "认领") { row in row.id == 1 ? "<button id=\"claim-1\">认领</button>" : "" }
    let html = HTMLTable.render(
      Self.columns, [Row(id: 1, title: "甲"), Row(id: 2, title: "乙")], language: .zh, action: action)
    #expect(html.contains("<th scope=\"col\">认领</th></tr></thead>"))
    #expect(html.contains("<td class=\"action\"><button id=\"claim-1\">认领</button></td></tr>"))
    #expect(html.contains("<td class=\"action\"></td></tr>"))
  }
}
