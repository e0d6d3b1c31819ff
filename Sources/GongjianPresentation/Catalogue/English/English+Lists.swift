import GongjianRegistry

extension EnglishCatalogue: ListsWording {
  public func listField(_ field: Field) -> String {
    switch field {
    case .id: "id"
    case .unit: "unit"
    case .title: "title"
    case .category: "category"
    case .description: "description"
    case .capacity: "capacity"
    case .contact: "contact"
    case .availableFrom: "first day offered"
    case .availableUntil: "last day offered"
    case .withdrawnOn: "withdrawal date"
    case .raisedBy: "raised by"
    case .raisedOn: "date raised"
    case .people: "people needed"
    case .deadline: "claim deadline"
    case .status: "status"
    case .statusOn: "closing date"
    case .claims: "claims"
    case .claimedOn: "claim date"
    case .level: "level"
    case .lead: "lead unit"
    case .units: "units taking part"
    case .needs: "needs"
    case .resources: "resources"
    case .startOn: "planned start"
    case .endOn: "planned end"
    case .proposedOn: "date proposed"
    case .startedOn: "date started"
    case .endedOn: "date done or dropped"
    case .project: "project"
    case .projectID: "project id"
    case .happenedOn: "date of service"
    case .volunteers: "volunteers"
    case .hours: "hours"
    case .served: "people served"
    default: field.rawValue
    }
  }

  public func listDateRole(_ role: DateRole) -> String {
    switch role {
    case .raising: "date raised"
    case .proposing: "date proposed"
    case .claiming: "claim date"
    case .statusChange: "date"
    case .serving: "date of service"
    case .resourceWithdrawal: "withdrawal date"
    default: "date"
    }
  }

  public func item(_ item: ItemReference) -> String {
    item.kind == .activity
      ? "service record #\(item.id) of \(quoted(item.title))" : "\(entity(item.kind)) #\(item.id) \(quoted(item.title))"
  }

  public func needStatus(_ status: NeedStatus) -> String {
    switch status {
    case .open: "open"
    case .claimed: "claimed"
    case .met: "met"
    case .closed: "closed"
    }
  }

  public func projectStatus(_ status: ProjectStatus) -> String {
    switch status {
    case .proposed: "proposed"
    case .claimed: "claimed"
    case .running: "running"
    case .done: "done"
    case .dropped: "dropped"
    }
  }

  public func listName(_ list: ListFile) -> String {
    switch list {
    case .resources: "resources list"
    case .needs: "needs list"
    case .projects: "projects list"
    case .activities: "service records"
    }
  }

  public func resourceState(_ resource: Resource, today: Day) -> String {
    if let withdrawn = resource.withdrawnOn, withdrawn <= today { return "withdrawn (\(day(withdrawn)))" }
    if resource.availableFrom > today { return "offered from \(day(resource.availableFrom))" }
    if let until = resource.availableUntil, until < today { return "past its last day (\(day(until)))" }
    return "offered"
  }

  public func needRaiser(_ raiser: NeedRaiser) -> String {
    switch raiser {
    case .centre: "the party-building service centre"
    case .unit(let unit): self.unit(unit)
    case .other(let text): text
    }
  }

  // MARK: - Refusals

  public func listRefusal(_ refusal: ListRefusal) -> String {
    switch refusal {
    case .unitNotInAlliance(let unit, let date):
      return "\(self.unit(unit)) is not in the alliance on \(day(date)): only units in the alliance that day claim, "
        + "offer resources or take part in projects."
    case .unitHasLeft(let unit, let leftOn):
      return "\(self.unit(unit)) is not in the alliance" + (leftOn.map { " (it left on \(day($0)))" } ?? "")
        + ", so it offers no new resources."
    case .resourceWithdrawn(let resource, let on):
      return "\(item(resource)) was withdrawn on \(day(on)); it can no longer be claimed or changed."
    case .resourceNotAvailable(let resource, let date, let from, let until):
      return "\(item(resource)) is not offered on \(day(date)) (offered from \(day(from))"
        + (until.map { " until \(day($0))" } ?? "") + ")."
    case .withdrawalBeforeAvailable(let resource, let date, let from):
      return "the withdrawal date \(day(date)) is before \(item(resource)) was first offered (\(day(from)))."
    case .needFinished(let need, let status, let on):
      return "\(item(need)) is \(needStatus(status)) since \(day(on)); there is nothing more to do."
    case .projectFinished(let project, let status, let on):
      return "\(item(project)) is \(projectStatus(status)) since \(day(on)); there is nothing more to do."
    case .alreadyClaimed(let target, let unit, let on):
      return "\(self.unit(unit)) already claimed \(item(target)) on \(day(on))."
    case .changeBeforePrevious(let target, let date, let previous):
      return
        "\(day(date)) is before the latest change of \(item(target)) (\(day(previous))): statuses only move forward "
        + "in time; check the date."
    case .projectStatusNotForward(let project, let from, let to):
      return "\(item(project)) is \(projectStatus(from)); it cannot become \(projectStatus(to)): a project moves "
        + "proposed → claimed → running → done or dropped."
    case .projectNotStarted(let project):
      return "\(item(project)) has not started. Record its start first: gongjian project start \(project.id) --on DATE"
    case .activityOutsideProject(let project, let date, let started, let ended):
      return "\(day(date)) is outside the days \(item(project)) ran (\(day(started))"
        + (ended.map { " to \(day($0))" } ?? " until now") + ")."
    case .creditCodeTaken(let code, let other):
      return "the credit code \(code) is \(unit(other))'s; a code belongs to one unit."
    case .unitHasListEntries(let unit, let count):
      return "\(self.unit(unit)) appears \(count) time(s) in resources, needs, claims, projects or service records, "
        + "so it cannot be removed as registered by mistake.\nIf it has left, withdraw it: gongjian withdraw \(unit.id) --on DATE"
    case .cannotUndoItem(let action, let at, let target):
      let change = "'\(actionName(action))'" + (at.isEmpty ? "" : " (\(LocalTime.minutes(at)))")
      return "cannot undo \(change): \(item(target)) has changed since. Nothing was changed."
    case .idTaken(let target):
      return "the id \(target.id) is taken by \(item(target)); leave the id column empty to number new rows."
    }
  }

  public func listValueProblem(_ problem: ListValueProblem) -> String {
    switch problem {
    case .notANumber(let text): return "\(quoted(text)) is not a number"
    case .notWhole(let number): return "\(NumberFormat.plain(number)) is not a whole number"
    case .numberOutOfRange(let number, let max):
      return "\(NumberFormat.plain(number)) is out of range: give 0 to \(NumberFormat.plain(max))"
    case .creditCodeLength(let count): return "a unified social credit code has 18 characters, this one \(count)"
    case .creditCodeCharacter(let character, let position):
      return "character \(position) of the credit code is \(quoted(character)); a code holds digits and capital "
        + "letters other than I, O, Z, S and V"
    case .creditCodeCheck(let expected, let found):
      return "the credit code's check character (the 18th) should be \(expected), not \(found); check the first 17"
    case .unknownLevel(let text, let known): return "\(quoted(text)) is not a project level; use \(list(known))"
    case .unknownStatus(let text, let known): return "\(quoted(text)) is not a status; use \(list(known))"
    case .untilBeforeFrom(let until, let from): return "the last day \(day(until)) is before the first \(day(from))"
    case .deadlineBeforeRaised(let deadline, let raised):
      return "the claim deadline \(day(deadline)) is before the need was raised (\(day(raised)))"
    case .endBeforeStart(let end, let start):
      return "the planned end \(day(end)) is before the planned start \(day(start))"
    case .statusDisagrees(let stated, let found):
      return "the status says \(quoted(stated)), but the claims and dates make it \(quoted(found))"
    case .unreadableClaim(let text):
      return "cannot read the claim \(quoted(text)); write each as 'unit name（2019-07-01）', separated by '；'"
    case .notAnID(let text): return "\(quoted(text)) is not an id; separate several ids with '、'"
    }
  }

  public func listUsage(_ mistake: ListUsageMistake) -> String {
    switch mistake {
    case .nothingToEdit:
      "nothing to change: give --title, --category, --capacity, --from, --until, --contact or --description."
    case .claimNeedsUnitOrResource:
      "give the claiming unit, or --resource for a resource the need claims (one of the two): gongjian need claim NEED UNIT"
    case .overdueWithStatus: "--overdue lists open needs past their deadline; it takes no other --status."
    case .limitOutOfRange(let limit): "--limit \(limit) is out of range: give 1 to 100."
    }
  }

  // MARK: - History

  public func listChange(_ action: ChangeAction, facts: JSONValue) -> String {
    let title = quoted(facts["title"]?.stringValue ?? "")
    let on = facts["on"]?.stringValue ?? ""
    switch action {
    case .resourceAdd:
      return "offered the resource \(title) (\(facts["category"]?.stringValue ?? "")) from "
        + (facts["available_from"]?.stringValue ?? "")
    case .resourceEdit:
      let changes = facts["changes"]?.arrayValue ?? []
      return "changed the resource \(title): "
        + changes.map { change in
          let name = change["field"]?.stringValue.flatMap(Field.init(rawValue:)).map(field) ?? "?"
          return "\(name) \(change["old"]?.stringValue ?? "(empty)") → \(change["new"]?.stringValue ?? "(empty)")"
        }.joined(separator: "; ")
    case .resourceWithdraw: return "withdrew the resource \(title) on \(on)"
    case .needAdd:
      return
        "need \(title) (\(facts["category"]?.stringValue ?? "")) raised on \(facts["raised_on"]?.stringValue ?? "")"
    case .needClaim:
      let resource = facts["resource"]?.stringValue.map { " with the resource \(quoted($0))" } ?? ""
      return "\(facts["unit"]?.stringValue ?? "") claimed the need \(title) on \(on)\(resource)"
    case .needClose:
      return "the need \(title) was \(facts["status"]?.stringValue ?? "") on \(on)"
    case .projectAdd:
      let lead = facts["lead"]?.stringValue.map { ", led by \($0)" } ?? ""
      return "project \(title) (\(facts["category"]?.stringValue ?? "")) proposed on "
        + (facts["proposed_on"]?.stringValue ?? "") + lead
    case .projectClaim:
      let role = facts["role"]?.stringValue == "lead" ? " as its lead" : ""
      return "\(facts["unit"]?.stringValue ?? "") claimed the project \(title) on \(on)\(role)"
    case .projectStart: return "the project \(title) started on \(on)"
    case .projectFinish: return "the project \(title) was done on \(on)"
    case .projectDrop: return "the project \(title) was dropped on \(on)"
    case .activityAdd:
      return "service of \(title) on \(on): \(facts["volunteers"]?.intValue ?? 0) volunteers, "
        + "\(facts["served"]?.intValue ?? 0) people served"
    case .listImport:
      let list = facts["list"]?.stringValue.flatMap(EntityKind.init(rawValue:)).map(entity) ?? ""
      return "imported \(facts["added"]?.intValue ?? 0) \(list)(s) from \(facts["file"]?.stringValue ?? "")"
    default: return actionName(action.rawValue)
    }
  }

  public func listActionName(_ action: ChangeAction) -> String {
    switch action {
    case .resourceAdd: "offer a resource"
    case .resourceEdit: "change a resource"
    case .resourceWithdraw: "withdraw a resource"
    case .needAdd: "raise a need"
    case .needClaim: "claim a need"
    case .needClose: "close a need"
    case .projectAdd: "propose a project"
    case .projectClaim: "claim a project"
    case .projectStart: "start a project"
    case .projectFinish: "finish a project"
    case .projectDrop: "drop a project"
    case .activityAdd: "record a service"
    case .listImport: "import a list"
    default: action.rawValue
    }
  }

  // MARK: - Messages

  public func serviceTotals(activities: Int, volunteers: Int, hours: Double, served: Int) -> String {
    "\(activities) record(s), \(volunteers) volunteers, \(NumberFormat.plain(hours)) hours, \(served) people served"
  }

  public func availability(_ resource: Resource) -> String {
    "from \(day(resource.availableFrom))" + (resource.availableUntil.map { " until \(day($0))" } ?? "")
  }

  public func resourceAdded(_ resource: Resource) -> String {
    "Recorded \(item(resource.reference)), offered by \(unit(resource.unit)): \(resource.category), \(availability(resource))."
  }

  public func resourceEdited(_ edit: ResourceEdit) -> String {
    guard !edit.changes.isEmpty else { return "\(item(edit.resource)): nothing changed (the values were already so)." }
    return "Changed \(item(edit.resource)):\n"
      + edit.changes.map { "  \(field($0.field)): \($0.old ?? "(empty)") → \($0.new ?? "(empty)")" }
      .joined(separator: "\n")
  }

  public func resourceWithdrawn(_ resource: Resource) -> String {
    "Withdrew \(item(resource.reference)) of \(unit(resource.unit)): not offered from "
      + "\(day(resource.withdrawnOn ?? resource.availableFrom)) on."
  }

  public func needAdded(_ need: Need) -> String {
    var text =
      "Recorded \(item(need.reference)): \(need.category), raised by \(needRaiser(need.raisedBy)) on \(day(need.raisedOn))"
    if let deadline = need.deadline { text += ", to be claimed by \(day(deadline))" }
    return text + "."
  }

  public func claimed(_ claim: Claim) -> String {
    if let need = claim.need {
      let resource = claim.resource.map { " with \(item($0))" } ?? ""
      return "\(unit(claim.unit)) claimed \(item(need)) on \(day(claim.claimedOn))\(resource)."
    }
    if let project = claim.project { return "\(unit(claim.unit)) claimed \(item(project)) on \(day(claim.claimedOn))." }
    return "\(unit(claim.unit)) claimed on \(day(claim.claimedOn))."
  }

  public func needClosed(_ need: Need) -> String {
    "\(item(need.reference)) is \(needStatus(need.status)) since \(day(need.statusOn))."
  }

  public func projectAdded(_ project: Project) -> String {
    var text = "Recorded \(item(project.reference)): \(project.category)"
    if let level = project.level { text += ", \(level)" }
    text += ", proposed on \(day(project.proposedOn))"
    if let lead = project.lead { text += ", led by \(unit(lead))" }
    return text + "; status: \(projectStatus(project.status))."
  }

  public func projectAdvanced(_ project: Project) -> String {
    "\(item(project.reference)) is \(projectStatus(project.status)) since \(day(project.statusOn))."
  }

  public func activityAdded(_ activity: Activity) -> String {
    var text =
      "Recorded service #\(activity.id) of \(item(activity.project)) on \(day(activity.on)): "
      + "\(activity.volunteers) volunteers, \(NumberFormat.plain(activity.hours)) hours, \(activity.served) people served"
    if !activity.units.isEmpty { text += "; units: " + list(activity.units.map(\.name)) }
    return text + "."
  }

  public func listCount(_ kind: EntityKind, _ count: Int) -> String {
    switch kind {
    case .resource: count == 1 ? "1 resource" : "\(count) resources"
    case .need: count == 1 ? "1 need" : "\(count) needs"
    case .project: count == 1 ? "1 project" : "\(count) projects"
    case .activity: count == 1 ? "1 service record" : "\(count) service records"
    case .unit: unitCount(count)
    case .group: count == 1 ? "1 working group" : "\(count) working groups"
    }
  }

  func importFormat(_ summary: ListImportSummary) -> String {
    summary.layout.map { " (\(sourceFormat($0.format)))" } ?? ""
  }

  public func listImported(_ summary: ListImportSummary) -> String {
    (["Imported \(summary.added) row(s) of the \(listName(summary.list)) from \(summary.path)\(importFormat(summary))."]
      + (summary.layout.map(layoutNotes) ?? []).map { "  " + $0 }).joined(separator: "\n")
  }

  public func listImportDryRun(_ summary: ListImportSummary) -> String {
    ([
      "Dry run of \(summary.path)\(importFormat(summary)): \(summary.rows) row(s), no problems; an import would add "
        + "\(summary.added)."
    ] + (summary.layout.map(layoutNotes) ?? []).map { "  " + $0 } + ["Nothing was written."])
    .joined(separator: "\n")
  }

  public func listExported(_ list: ListFile, count: Int, path: String, format: String) -> String {
    "Exported \(count) row(s) of the \(listName(list)) to \(path) (\(format))."
  }

  public func listSheetLabel(_ label: ListSheetLabel) -> String {
    switch label {
    case .status: "status:"
    case .unit: "offered by:"
    case .category: "category:"
    case .capacity: "capacity:"
    case .availability: "offered:"
    case .contact: "contact:"
    case .description: "description:"
    case .raisedBy: "raised by:"
    case .people: "people needed:"
    case .deadline: "claim by:"
    case .claims: "Claims"
    case .statuses: "Status changes"
    case .projects: "Projects"
    case .level: "level:"
    case .lead: "lead:"
    case .units: "units:"
    case .needs: "needs:"
    case .resources: "resources:"
    case .planned: "planned:"
    case .service: "service:"
    case .none: "(none)"
    }
  }

  public func claimLine(_ claim: Claim) -> String {
    var text = "\(day(claim.claimedOn))  \(unit(claim.unit))"
    if let resource = claim.resource { text += "  with \(item(resource))" }
    return text
  }

  // MARK: - Match

  public func matchHeading(_ result: MatchResult) -> String {
    "Resources that could meet \(item(result.need.reference)) (\(result.need.category)), as of \(day(result.day)):"
  }

  public func matchReason(_ reason: MatchReason) -> String {
    switch reason {
    case .sameCategory(let category): "same category (\(category))"
    case .available(let on): "offered on \(day(on))"
    case .availableFrom(let from): "offered from \(day(from))"
    case .inAlliance(let since): "in the alliance since \(day(since))"
    case .sharedGroup(let group): "in \(group.name) with the need's unit"
    case .groupForCategory(let group): "in \(group.name)"
    case .earlierActivities(let count, let category): "\(count) earlier service record(s) in \(category)"
    case .similarWording: "similar wording"
    }
  }

  public var matchNone: String {
    "no resource to suggest: no unit in the alliance offers a resource that is not withdrawn or past its last day."
  }

  // MARK: - Reports

  public func projectReportTitle(subdistrict: String) -> String {
    subdistrict.isEmpty ? "Party-building projects" : "Party-building projects of \(subdistrict)"
  }

  public func projectReportScope(first: String?, last: String?, period: PeriodLength, category: String?) -> String {
    var text = growthScope(first: first, last: last, period: period, group: nil, kind: nil)
    if let category { text += " · category: \(category)" }
    return text
  }

  public func projectReportSummary(_ total: ProjectFigures) -> String {
    let claimRate = total.claimRatePercent.map { ", claim rate \(percent($0))" } ?? ""
    let completion = total.completionRatePercent.map { ", completion rate \(percent($0))" } ?? ""
    return "needs \(total.needsRaised), claimed \(total.needsClaimed)\(claimRate), met \(total.needsMet); "
      + "projects \(total.projectsProposed), claimed \(total.projectsClaimed), done \(total.projectsDone)\(completion); "
      + "\(total.activities) service records, \(total.volunteers) volunteers, \(NumberFormat.plain(total.hours)) hours, "
      + "\(total.served) people served"
  }

  public var projectReportByCategory: String { "By category" }
  public var chartNeedsRaised: String { "needs raised" }
  public var chartNeedsClaimed: String { "claimed" }
  public var chartNeedsMet: String { "met" }
  public var chartProjectsDone: String { "projects done" }
  public var chartCountAxis: String { "count" }

  public func unitReportTitle(subdistrict: String, year: Int) -> String {
    subdistrict.isEmpty ? "What the units did in \(year)" : "What the units of \(subdistrict) did in \(year)"
  }

  public func unitReportSummary(year: Int, units: Int, idle: Int) -> NamingSentence {
    let text = "\(unitCount(units)) in the alliance in \(year)"
    if idle == 0 { return NamingSentence(head: text + "; every one offered, claimed, led, joined or served.") }
    return NamingSentence(
      head: text + "; \(idle) with no resource, claim, project or service record all year: ", separator: ", ",
      lastSeparator: " and ", tail: ".")
  }

  public var idleMark: String { "idle" }
  public var chartHoursAxis: String { "hours of service" }
}
