import GongjianRegistry

/// Every text a person reads, in one language. Each language is one type conforming to all of
/// these protocols, so a text missing from a language, or with other placeholders, does not
/// compile. The texts are grouped by what they are for, one protocol (and one file per
/// language) each.
public typealias Catalogue =
  GeneralWording & RefusalWording & ReportWording & MessageWording & HistoryWording & HelpWording & ParserWording
  & ImportWording & DistrictWording & MeetingWording & WebWording & ListsWording & WebPagesWording & Sendable

/// How a surface names a field: `--joined` on the command line, a column's header in a file.
/// Nil leaves it to the catalogue's own name of the field.
public typealias FieldNaming = @Sendable (Field) -> String?

/// Words and forms every other text uses.
public protocol GeneralWording {
  /// A day inside a sentence: 2019年6月27日 or 2019-06-27. Tables keep ISO dates (they sort).
  func day(_ day: Day) -> String
  /// Text a person typed or stored, quoted inside a sentence: “…” or '…'.
  func quoted(_ text: String) -> String
  /// Items in a sentence: 甲、乙和丙 or A, B and C.
  func list(_ items: [String]) -> String
  /// A unit named in a sentence, with its id.
  func unit(_ unit: UnitReference) -> String
  func group(_ group: GroupReference) -> String
  /// A unit or group offered as a choice: `  44  复旦大学外文学院`.
  func candidateLine(_ candidate: Candidate) -> String
  /// 单位 / unit, 专项组 / working group.
  func entity(_ kind: EntityKind) -> String
  /// 牵头单位 / lead, 成员单位 / member.
  func role(_ role: GroupRole) -> String
  /// Who signed, with their title: 罗英华（党委书记）.
  func signatory(_ name: String?, title: String?) -> String
  /// The name of a field in a sentence: 加入日期 / joining date.
  func field(_ field: Field) -> String
  /// A number of units: 43家 / 43 units.
  func unitCount(_ count: Int) -> String
  /// A signed count: +14, -3.
  func signed(_ value: Int) -> String
  /// A percentage with one decimal place: 48.3%.
  func percent(_ value: Double) -> String
  /// A signed percentage: +48.3%.
  func signedPercent(_ value: Double) -> String
  /// Shown in an empty cell where a value is expected, e.g. an open period's end.
  var none: String { get }
}

/// Refusals: what is wrong and how to fix it.
public protocol RefusalWording {
  /// The whole message for a refusal; `fields` names fields the way the surface shows them.
  func refusal(_ refusal: Refusal, fields: FieldNaming) -> String
  func valueProblem(_ problem: ValueProblem) -> String
  func dateProblem(_ failure: DayParser.Failure) -> String
  /// One problem of an imported file, with its line and column.
  func rowProblem(_ problem: RowProblem) -> String
  /// A file that could not be written.
  func output(_ problem: OutputProblem) -> String
  /// A registry that could not be opened as it should.
  func storage(_ problem: StorageProblem) -> String
  /// One way the registry's schema differs from what the migrations make (`check`).
  func schemaDifference(_ difference: SchemaDifference) -> String
  /// `--today` or `$GONGJIAN_TODAY` is not a date.
  func badToday(source: String, _ failure: DayParser.Failure) -> String
  /// The prefix of every error on the terminal: "gongjian: ".
  var errorPrefix: String { get }
}

/// Which listing a printed page or a workbook holds, with what its title names.
public enum ListingTitle: Sendable {
  case units
  case groups
  case groupRoster(group: String)
  case agreements
  case expiringAgreements(days: Int)
  case history(unit: String?)
  case meetings(year: Int?)
  case followups(year: Int?, openOnly: Bool)
  case attendance(year: Int)
  case accounts
  /// A resources, needs, projects or service-records list.
  case list(ListFile)
  /// The resources that could meet a need: the heading `match` prints.
  case matches(MatchResult)
}

/// The growth report's words.
public protocol ReportWording {
  /// 欧阳路街道区域化党建共建单位发展情况
  func growthTitle(subdistrict: String) -> String
  /// 2016–2019年 · 按年 · 专项组：… · 类别：…
  func growthScope(first: String?, last: String?, period: PeriodLength, group: String?, kind: String?) -> String
  /// A period's label in charts and tables: 2016, 2016年第1季度 / 2016-Q1.
  func periodLabel(_ label: String, length: PeriodLength) -> String
  /// The headings of the report's table: period, joined, left, net, total, change.
  func growthHeadings(_ length: PeriodLength) -> [String]
  /// 2016年至2019年：29家 → 43家（净增14家，增长48.3%，年均增长14.0%）
  func growthSummary(_ summary: GrowthSummary, length: PeriodLength) -> String
  var growthNoPeriods: String { get }
  /// The terminal chart's caption after the title.
  var growthChartCaption: String { get }
  /// The SVG's axis titles and legend.
  var chartTotalAxis: String { get }
  var chartJoinedAxis: String { get }
  func chartPeriodAxis(_ length: PeriodLength) -> String
  var chartTotalLegend: String { get }
  var chartJoinedLegend: String { get }
  /// "As of 2026-12-07" under a page's title.
  func asOf(_ day: Day) -> String
  /// The title of a listing printed or handed over as a workbook.
  func listingTitle(_ listing: ListingTitle, subdistrict: String) -> String
  /// The `lang` of an HTML page.
  var htmlLanguage: String { get }
}

/// What commands say when they have done their work, and the words of listings.
public protocol MessageWording {
  func registryCreated(path: String, shared: Bool) -> String
  /// `init` made the folders the registry goes into.
  func foldersCreated(_ folders: [String]) -> String
  var registryNextStep: String { get }
  func registryExists(path: String, settingsGiven: Bool) -> String
  func corrected(_ correction: PeriodCorrection) -> String
  /// What `remove` would delete, and how to confirm.
  func removalPreview(_ unit: UnitDetail) -> String
  func removed(_ unit: UnitDetail) -> String
  /// What `history purge` would take out, and how to confirm.
  func purgePreview(_ purge: HistoryPurge) -> String
  func purged(_ purge: HistoryPurge) -> String
  /// 联系电话 / phone number, as the field is named in a sentence.
  func personalField(_ code: String) -> String
  /// What `undo` would take back, and how to confirm.
  func undoPreview(_ plan: UndoPlan) -> String
  func undone(_ plan: UndoPlan) -> String
  func registryDetails(_ settings: RegistrySettings, path: String) -> String
  func registryUpdated(_ settings: RegistrySettings) -> String
  func registered(_ registration: Registration) -> String
  func rejoined(_ registration: Registration) -> String
  func withdrew(_ withdrawal: Withdrawal) -> String
  func edited(_ edit: UnitEdit) -> String
  func groupAdded(_ group: GroupReference, establishedOn: Day?) -> String
  func groupJoined(_ result: GroupJoinResult) -> String
  func groupLeft(_ result: GroupLeaveResult) -> String
  func agreementRecorded(_ agreement: Agreement) -> String
  /// An agreement's state in `agreement list --expiring-within`.
  func expiry(daysLeft: Int?) -> String
  func agreementCount(_ count: Int) -> String
  /// Under a listing of units: 共43家单位 / 43 units.
  func listedUnits(_ count: Int) -> String
  func changeCount(_ count: Int) -> String
  func wroteReport(path: String, format: String) -> String
  func exported(count: Int, path: String, format: String) -> String
  func backedUp(units: Int, path: String, bytes: Int) -> String
  func imported(_ summary: ImportSummary) -> String
  func importDryRun(_ summary: ImportSummary) -> String
  /// "12,000 rows · 4,000 rows/s · 0:22 left"
  func importProgress(rows: Int, rate: Int, secondsLeft: Int?) -> String
  /// The labels of `show` and `group show`.
  func sheetLabel(_ label: SheetLabel) -> String
  /// The first line of a unit's page: #14 上海虹欧机电设备有限公司（非公企业）.
  func sheetTitle(_ unit: UnitDetail) -> String
  /// Under a unit's agreements, when its latest one has expired and it is still in the alliance.
  func latestAgreementExpired(on day: Day) -> String
  /// A unit's state: in the alliance since …, left on … (reason).
  func unitStatus(_ unit: UnitDetail) -> String
  func formerName(_ name: FormerName) -> String
  func groupSummary(_ group: WorkingGroup) -> [String]
  func checkSeverity(_ severity: CheckReport.Severity) -> String
  /// What `check` looked at, and what it found there.
  func checkFinding(_ finding: CheckFinding) -> (subject: String, detail: String)
  var checkHealthy: String { get }
  func checkHeading(path: String) -> String
  /// Usage mistakes the command line finds before anything is opened.
  func usage(_ mistake: UsageMistake) -> String
  /// The demo's narration.
  func demo(_ line: DemoLine) -> String
}

/// The labels of the one-unit and one-group pages.
public enum SheetLabel: Sendable {
  case status, partyOrganisation, contact, phone, address, note, formerly, periods, agreements, groups, none
  case creditCode
}

/// Lines the demo says between its commands.
public enum DemoLine: Sendable {
  case opening
  case registryAt(String)
  /// What to try next, with the sample registry's path as a shell word.
  case tryNext(String)
}

/// Mistakes in how a command was used, found before anything is read.
public enum UsageMistake: Error, Equatable, Sendable {
  case activeOnAndActiveIn
  case allWithActive
  case renamedOnWithoutName
  case nothingToEdit
  case expiringWithUnit
  case bomNotCSV
  case purgeNeedsField
  case workbookNeedsFile
  case outputIsRegistry(String)
  case outputNotRegularFile(String)
  case unknownExtension(String, known: [String])
  case outputNameEmpty
  case todayEmpty
  case demoTargetExists(String)
  /// The sample records events up to `lastEvent`: an earlier "today" would put them in the future.
  case demoTodayBeforeSample(today: Day, lastEvent: Day)
  case backupExists(String)
  case correctionWithDetails
  /// `edit --period N` without a date to correct.
  case periodWithoutDate
  case registrySetNeedsValue
  case unknownLanguage(String)
  case optionNeedsValue(String)
}

/// The change log, worded.
public protocol HistoryWording {
  /// What one change did, in a sentence.
  func change(_ entry: HistoryEntry) -> String
  /// The name of a kind of change (登记, 修改…), from its stored code.
  func actionName(_ code: String) -> String
  /// A time stored in UTC, shown in the machine's time zone.
  var historyTimeHeading: String { get }
}

/// The argument parser's errors in the reader's language.
public protocol ParserWording {
  func parserError(_ error: ParserMistake) -> String
  func seeHelp(_ command: String) -> String
  /// The usage line after a parser error.
  func usageLine(_ usage: String) -> String
}

/// A mistake the argument parser found, with what it names.
public enum ParserMistake: Error, Equatable, Sendable {
  case unknownOption(String, suggestion: String?)
  case unknownCommand(String, suggestions: [String])
  case unexpectedArgument(String)
  case missingArgument(String)
  case missingValue(String)
  case invalidValue(String, option: String, allowed: [String])
  case other(String)
}

/// Import files: what is wrong with one, and what was made of its layout.
public protocol ImportWording {
  /// A file that cannot be read as a whole.
  func inputProblem(_ problem: InputProblem, path: String) -> String
  /// A header that names unknown columns or lacks required ones, with the columns known.
  func headerFailure(_ failure: HeaderFailure, path: String, layout: ImportLayout) -> String
  /// What the file turned out to be: "UTF-8, 逗号分隔" or "工作表“名单”".
  func sourceFormat(_ format: SourceFormat) -> String
  /// What was set aside: title rows, the 序号 column, blank and 合计 rows, the sheet read.
  func layoutNotes(_ layout: ImportLayout) -> [String]
  /// Kinds kept as written because they are none of the standard ones.
  func otherKinds(_ kinds: [String]) -> String
}
