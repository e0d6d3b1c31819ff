import GongjianPresentation
import Testing

/// The words of the browser view's pages beyond a unit: every one in both languages, Chinese in
/// Chinese, English without Chinese, and the figures in the sentences that carry them.
@Suite struct WebPagesWordingTests {
  static func hasHan(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  @Test(arguments: WebPageText.allCases)
  func everyWordInBothLanguages(_ text: WebPageText) {
    let chinese = ChineseCatalogue().webPage(text)
    let english = EnglishCatalogue().webPage(text)
    #expect(Self.hasHan(chinese), "\(text): \(chinese)")
    #expect(!english.isEmpty && !Self.hasHan(english), "\(text): \(english)")
  }

  @Test func figuresAreInTheirSentences() {
    for texts in [ChineseCatalogue() as any Catalogue, EnglishCatalogue()] {
      let needs = texts.webOpenNeeds(open: 12, overdue: 3)
      #expect(needs.contains("12") && needs.contains("3"))
      #expect(!texts.webOpenNeeds(open: 5, overdue: 0).contains("0"))
      let followups = texts.webOpenFollowups(open: 7, overdue: 2)
      #expect(followups.contains("7") && followups.contains("2"))
      #expect(texts.webDownload("报表", format: "CSV").contains("CSV"))
      #expect(texts.webUndatedAgreements(38).contains("38"))
    }
  }
}
