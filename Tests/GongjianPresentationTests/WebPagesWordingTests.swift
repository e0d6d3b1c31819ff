import GongjianPresentation
import GongjianRegistry
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

  /// A page shows refusals without the command line's advice (a command to run, an option to
  /// add), in both languages, with the same facts.
  @Test(arguments: Refusal.allSamples)
  func refusalsOnAPageGiveNoCommandLineAdvice(_ refusal: Refusal) {
    let advice = /gongjian [a-z]|(^|[\s：:，（(])--[a-z]/
    for language in Language.allCases {
      let text = language.texts.webRefusal(refusal)
      #expect(!text.isEmpty)
      #expect(text.firstMatch(of: advice) == nil || Self.commandLineOnly(refusal), "\(language): \(text)")
      for fact in CatalogueTests.facts(of: refusal) {
        #expect(fact.contains { text.contains($0) }, "\(language) does not say \(fact) in: \(text)")
      }
    }
    #expect(Self.hasHan(ChineseCatalogue().webRefusal(refusal)))
  }

  /// Refusals a page never shows: `check` finding a damaged registry, the district's files,
  /// removing a unit registered by mistake. Their advice is for the command line only.
  static let commandLineOnlyKinds: Set<String> = [
    "registryDamaged", "district", "meetings.unitHasMeetingRecords",
  ]

  static func commandLineOnly(_ refusal: Refusal) -> Bool {
    if case .lists(.unitHasListEntries) = refusal { return true }
    return commandLineOnlyKinds.contains(CatalogueTests.kind(refusal))
  }

  @Test func theDecisionNoticeOnAPageNamesNoCommand() {
    let decision = DecisionReference(
      id: DecisionID(3), text: "同意启动楼组微更新项目",
      meeting: MeetingReference(id: MeetingID(2), title: "联席会议", heldOn: Day(iso: "2024-06-28")!))
    for texts in [ChineseCatalogue() as any Catalogue, EnglishCatalogue()] {
      let text = texts.webDecisionRecorded(decision, kind: .projects)
      #expect(text.contains("同意启动楼组微更新项目") && !text.contains("gongjian"))
    }
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
