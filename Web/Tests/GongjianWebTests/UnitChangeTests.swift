import GongjianPresentation
import GongjianRegistry
import Testing

@testable import GongjianWeb

@Suite struct UnitChangeTests {
  let today = Day(year: 2024, month: 6, day: 30)!
  let filled = FormValues([("name", "复旦大学外文学院"), ("kind", "高校"), ("phone", "021-1234"), ("note", "")])

  @Test func anUntouchedEditFormChangesNothing() throws {
    let changes = try filled.unitChanges(filledWith: filled, today: today)
    #expect(changes.isEmpty)
  }

  @Test func onlyWhatWasChangedIsSent() throws {
    let form = FormValues([("name", "复旦大学外文学院"), ("kind", "社会组织"), ("phone", ""), ("note", "新备注")])
    let changes = try form.unitChanges(filledWith: filled, today: today)
    #expect(changes.name == nil && changes.renamedOn == nil)
    #expect(changes.details.kind == "社会组织")
    #expect(changes.details.contactPhone == "", "an emptied field clears the value")
    #expect(changes.details.note == "新备注")
    #expect(changes.details.address == nil && changes.details.partyOrganisation == nil)
  }

  @Test func aRenameTakesItsDayAndIgnoresItOtherwise() throws {
    let renamed = FormValues([("name", "复旦大学外国语言文学学院"), ("renamed-on", "2024年6月1日")])
    let changes = try renamed.unitChanges(filledWith: filled, today: today)
    #expect(changes.name == "复旦大学外国语言文学学院" && changes.renamedOn == Day(year: 2024, month: 6, day: 1))
    let sameName = FormValues([("name", "复旦大学外文学院"), ("renamed-on", "not a date")])
    #expect(try sameName.unitChanges(filledWith: filled, today: today).isEmpty)
    let badDay = FormValues([("name", "新名称"), ("renamed-on", "2024-13-45")])
    #expect(throws: Refusal.self) { try badDay.unitChanges(filledWith: filled, today: today) }
  }

  @Test func datesOfFormsAreReadAsTheCommandLineReadsThem() throws {
    let form = FormValues([("on", "2019/6/27"), ("blank", " ")])
    #expect(try form.day("on", field: .leftOn, today: today) == Day(year: 2019, month: 6, day: 27))
    #expect(try form.day("blank", field: .leftOn, today: today) == nil)
    #expect(throws: Refusal.invalid(.leftOn, .missing)) { try form.requiredDay("blank", field: .leftOn, today: today) }
  }

  @Test func refusalsAreShownNextToTheirFields() {
    let texts = Language.en.texts
    let problems = FormProblems.place(
      .invalidValues([FieldProblem(.signedOn, .missing), FieldProblem(.expiresOn, .missing)]),
      keys: UnitChange.agreement.keys, fallback: "signed", texts: texts)
    #expect(Set(problems.keys) == ["signed", "expires"])
    let unit = UnitReference(id: UnitID(1), name: "复旦大学")
    let other = FormProblems.place(
      .notInAlliance(unit, leftOn: nil), keys: UnitChange.withdraw.keys,
      fallback: UnitChange.withdraw.fallbackKey(for: .notInAlliance(unit, leftOn: nil)), texts: texts)
    #expect(Array(other.keys) == ["on"])
    #expect(other["on"] == texts.refusal(.notInAlliance(unit, leftOn: nil), fields: { _ in nil }))
  }

  @Test func groupRefusalsGoNextToTheGroup() {
    let missing = Refusal.noSuchID(.group, id: 99)
    #expect(UnitChange.groupJoin.fallbackKey(for: missing) == "group")
    #expect(UnitChange.groupLeave.fallbackKey(for: missing) == "group")
    let outside = Refusal.groupJoinOutsideAlliance(UnitReference(id: UnitID(1), name: "甲"), day: today)
    #expect(UnitChange.groupJoin.fallbackKey(for: outside) == "on")
    #expect(UnitChange.edit.fallbackKey(for: missing) == "name")
  }

  @Test func historyPagesCountFromTheLatest() {
    let first = HistoryWindow(total: 120, page: 1, size: 50)
    #expect(first.range == 70..<120 && !first.hasNewer && first.hasOlder)
    let last = HistoryWindow(total: 120, page: 3, size: 50)
    #expect(last.range == 0..<20 && last.hasNewer && !last.hasOlder)
    #expect(HistoryWindow(total: 120, page: 99, size: 50) == last)
    #expect(HistoryWindow(total: 120, page: -4, size: 50) == first)
    let empty = HistoryWindow(total: 0, page: 1, size: 50)
    #expect(empty.range.isEmpty && !empty.hasNewer && !empty.hasOlder)
  }

  @Test func everyWordOfThePagesIsInBothLanguagesWithChinesePunctuation() {
    for text in WebText.allCases {
      let chinese = Language.zh.texts.web(text)
      let english = Language.en.texts.web(text)
      #expect(!chinese.isEmpty && !english.isEmpty && chinese != english || text == .switchLanguage, "\(text)")
      #expect(!chinese.contains { ",;()?!".contains($0) }, "\(text): \(chinese)")
    }
  }

  @Test func formsAreAddressedByUnit() {
    #expect(UnitChange.groupLeave.path(UnitID(7)) == "/units/7/groups/leave")
    #expect(Set(UnitChange.allCases.map(\.id)).count == UnitChange.allCases.count)
  }
}
