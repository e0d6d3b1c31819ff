import GongjianRegistry

/// The words of the lists and projects: resources, needs, claims, projects, service records,
/// their reports and their commands' help.
public protocol ListsWording {
  /// The name of a field of the lists in a sentence: 资源名称 / title.
  func listField(_ field: Field) -> String
  func listDateRole(_ role: DateRole) -> String
  /// An item in a sentence, with what it is and its id: “垃圾分类宣传”（需求#3）.
  func item(_ item: ItemReference) -> String
  /// 待认领 / open …
  func needStatus(_ status: NeedStatus) -> String
  /// 征集中 / proposed …
  func projectStatus(_ status: ProjectStatus) -> String
  /// 资源清单 / the resources list.
  func listName(_ list: ListFile) -> String
  /// A resource's state on a day: offered, not yet, past its last day, withdrawn.
  func resourceState(_ resource: Resource, today: Day) -> String
  /// Who raised a need: a unit, someone outside the registry, or the centre.
  func needRaiser(_ raiser: NeedRaiser) -> String

  func listRefusal(_ refusal: ListRefusal) -> String
  func listValueProblem(_ problem: ListValueProblem) -> String
  /// Usage mistakes of the lists' commands, found before anything is read.
  func listUsage(_ mistake: ListUsageMistake) -> String

  /// What one change to the lists did, from its facts.
  func listChange(_ action: ChangeAction, facts: JSONValue) -> String
  func listActionName(_ action: ChangeAction) -> String

  func resourceAdded(_ resource: Resource) -> String
  func resourceEdited(_ edit: ResourceEdit) -> String
  func resourceWithdrawn(_ resource: Resource) -> String
  func needAdded(_ need: Need) -> String
  func claimed(_ claim: Claim) -> String
  func needClosed(_ need: Need) -> String
  func projectAdded(_ project: Project) -> String
  func projectAdvanced(_ project: Project) -> String
  func activityAdded(_ activity: Activity) -> String
  /// Under a listing: 共12项资源 / 12 resources.
  func listCount(_ kind: EntityKind, _ count: Int) -> String
  func listImported(_ summary: ListImportSummary) -> String
  func listImportDryRun(_ summary: ListImportSummary) -> String
  func listExported(_ list: ListFile, count: Int, path: String, format: String) -> String
  /// The labels of the one-item pages (`resource show`, `need show`, `project show`).
  func listSheetLabel(_ label: ListSheetLabel) -> String
  /// When a resource is offered: 2019年7月1日起至2019年12月31日.
  func availability(_ resource: Resource) -> String
  /// A project's service records in a line: 12次，志愿者80人次，共160小时，受益2,000人次.
  func serviceTotals(activities: Int, volunteers: Int, hours: Double, served: Int) -> String
  /// A claim on an item's page: 复旦大学外文学院（#44）于2019年7月1日认领.
  func claimLine(_ claim: Claim) -> String

  /// `match`: the heading, each reason, and what is said when nothing fits.
  func matchHeading(_ result: MatchResult) -> String
  func matchReason(_ reason: MatchReason) -> String
  var matchNone: String { get }

  /// 欧阳路街道区域化党建项目情况
  func projectReportTitle(subdistrict: String) -> String
  func projectReportScope(first: String?, last: String?, period: PeriodLength, category: String?) -> String
  /// The totals in one sentence: needs, 认领率, projects, 完成率, service.
  func projectReportSummary(_ total: ProjectFigures) -> String
  /// The heading above the figures by category.
  var projectReportByCategory: String { get }
  /// The chart's legend and axis: needs raised, claimed, met; projects done; how many.
  var chartNeedsRaised: String { get }
  var chartNeedsClaimed: String { get }
  var chartNeedsMet: String { get }
  var chartProjectsDone: String { get }
  var chartCountAxis: String { get }
  /// 欧阳路街道共建单位2019年参与情况
  func unitReportTitle(subdistrict: String, year: Int) -> String
  /// 2019年在册单位45家，其中6家全年无资源、认领、项目和服务记录：…, in pieces around the idle
  /// units' names (written one by one: a large registry has hundreds of thousands).
  func unitReportSummary(year: Int, units: Int, idle: Int) -> NamingSentence
  /// The mark of a unit that did nothing all year.
  var idleMark: String { get }
  /// The unit report chart's axis: hours of service.
  var chartHoursAxis: String { get }

  func help(_ key: ListsHelpKey) -> String
}

/// A sentence that names things: its words before the names, between two names (and between
/// the last two), and after them. Written piece by piece when the names are too many to hold.
public struct NamingSentence: Equatable, Sendable {
  public var head: String
  public var separator: String
  public var lastSeparator: String
  public var tail: String

  public init(head: String, separator: String = "", lastSeparator: String? = nil, tail: String = "") {
    self.head = head
    self.separator = separator
    self.lastSeparator = lastSeparator ?? separator
    self.tail = tail
  }

  /// What goes before the name at `index` of `count` names.
  public func before(_ index: Int, of count: Int) -> String {
    index == 0 ? "" : index == count - 1 ? lastSeparator : separator
  }

  public func text(_ names: [String]) -> String {
    var text = head
    for (index, name) in names.enumerated() { text += before(index, of: names.count) + name }
    return text + tail
  }
}

extension ListsWording {
  public func unitReportSummary(_ report: UnitReport) -> String {
    let idle = report.rows.filter(\.idle).map(\.unit.name)
    return unitReportSummary(year: report.year, units: report.rows.count, idle: idle.count).text(idle)
  }
}

/// The labels of the one-item pages.
public enum ListSheetLabel: Sendable, CaseIterable {
  case status, unit, category, capacity, availability, contact, description, raisedBy, people, deadline, claims
  case statuses, projects, level, lead, units, needs, resources, planned, service, none
}

/// Mistakes in how a command of the lists was used, found before anything is read.
public enum ListUsageMistake: Error, Equatable, Sendable {
  /// `resource edit` without anything to change.
  case nothingToEdit
  /// `need claim` needs a unit or `--resource`, not both.
  case claimNeedsUnitOrResource
  /// `--overdue` lists open needs: another `--status` contradicts it.
  case overdueWithStatus
  /// `match --limit` outside 1…100.
  case limitOutOfRange(Int)
}

/// Every help text of the lists' commands.
public enum ListsHelpKey: String, CaseIterable, Sendable {
  case valueResource, valueNeed, valueProject, valueCategory, valueCount, valueHours, valueStatus, valueLevel, valueList
  case valueWho
  case resourceAbstract, resourceAddAbstract, resourceAddDiscussion, resourceUnit, resourceTitle, resourceCategory
  case resourceCapacity, resourceFrom, resourceUntil, resourceContact, resourceDescription
  case resourceListAbstract, resourceListUnit, resourceListCategory, resourceListAvailableOn, resourceListAll
  case resourceShowAbstract, resourceArgument, resourceEditAbstract, resourceEditTitle
  case resourceWithdrawAbstract, resourceWithdrawOn
  case needAbstract, needAddAbstract, needAddDiscussion, needTitle, needCategory, needRaisedBy, needOn, needPeople
  case needDeadline, needDescription
  case needListAbstract, needListStatus, needListOverdue, needListCategory, needShowAbstract, needArgument
  case needCloseAbstract, needCloseOn, needCloseMet
  case needClaimAbstract, needClaimDiscussion, needClaimUnit, needClaimResource, needClaimOn
  case projectAbstract, projectAddAbstract, projectAddDiscussion, projectTitle, projectCategory, projectLevel
  case projectNeed, projectResource, projectLead, projectUnit, projectStart, projectEnd, projectOn, projectDescription
  case projectListAbstract, projectListStatus, projectListUnit, projectListYear, projectShowAbstract, projectArgument
  case projectClaimAbstract, projectClaimUnit, projectClaimOn
  case projectStartAbstract, projectFinishAbstract, projectDropAbstract, projectStepOn
  case activityAbstract, activityAddAbstract, activityAddDiscussion, activityProject, activityOn, activityUnit
  case activityVolunteers, activityHours, activityServed, activityNote
  case activityListAbstract, activityListProject, activityListUnit, activityListYear
  case matchAbstract, matchDiscussion, matchNeed, matchLimit
  case reportProjectsAbstract, reportProjectsDiscussion, reportProjectsCategory
  case reportUnitsAbstract, reportUnitsDiscussion, reportUnitsYear, reportUnitsIdle, reportFormatWithWorkbook
  case importListAbstract, importListDiscussion, importListFile, exportList
  case creditCodeOption
}
