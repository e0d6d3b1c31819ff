import GongjianRegistry

extension ChineseCatalogue: ListsWording {
  public func listField(_ field: Field) -> String {
    switch field {
    case .id: "编号"
    case .unit: "单位"
    case .title: "名称"
    case .category: "类别"
    case .description: "说明"
    case .capacity: "服务能力"
    case .contact: "联系人"
    case .availableFrom: "可提供起始日期"
    case .availableUntil: "可提供截止日期"
    case .withdrawnOn: "撤回日期"
    case .raisedBy: "提出方"
    case .raisedOn: "提出日期"
    case .people: "所需人数"
    case .deadline: "认领截止日期"
    case .status: "状态"
    case .statusOn: "办结日期"
    case .claims: "认领情况"
    case .claimedOn: "认领日期"
    case .level: "项目层级"
    case .lead: "牵头单位"
    case .units: "参与单位"
    case .needs: "对应需求"
    case .resources: "使用资源"
    case .startOn: "计划开始日期"
    case .endOn: "计划结束日期"
    case .proposedOn: "提出日期"
    case .startedOn: "实施日期"
    case .endedOn: "完成或终止日期"
    case .project: "项目"
    case .projectID: "项目编号"
    case .happenedOn: "服务日期"
    case .volunteers: "志愿者人次"
    case .hours: "志愿服务时长"
    case .served: "受益人次"
    default: field.rawValue
    }
  }

  public func listDateRole(_ role: DateRole) -> String {
    switch role {
    case .raising: "提出日期"
    case .proposing: "提出日期"
    case .claiming: "认领日期"
    case .statusChange: "办理日期"
    case .serving: "服务日期"
    case .resourceWithdrawal: "撤回日期"
    default: "日期"
    }
  }

  public func item(_ item: ItemReference) -> String {
    item.kind == .activity
      ? "\(quoted(item.title))的服务记录（#\(item.id)）" : "\(quoted(item.title))（\(entity(item.kind))#\(item.id)）"
  }

  public func needStatus(_ status: NeedStatus) -> String {
    switch status {
    case .open: "待认领"
    case .claimed: "已认领"
    case .met: "已解决"
    case .closed: "已关闭"
    }
  }

  public func projectStatus(_ status: ProjectStatus) -> String {
    switch status {
    case .proposed: "征集中"
    case .claimed: "已认领"
    case .running: "实施中"
    case .done: "已完成"
    case .dropped: "已终止"
    }
  }

  public func listName(_ list: ListFile) -> String {
    switch list {
    case .resources: "资源清单"
    case .needs: "需求清单"
    case .projects: "项目清单"
    case .activities: "服务记录"
    }
  }

  public func resourceState(_ resource: Resource, today: Day) -> String {
    if let withdrawn = resource.withdrawnOn, withdrawn <= today { return "已撤回（\(day(withdrawn))）" }
    if resource.availableFrom > today { return "\(day(resource.availableFrom))起提供" }
    if let until = resource.availableUntil, until < today { return "已过期（提供至\(day(until))）" }
    return "提供中"
  }

  public func needRaiser(_ raiser: NeedRaiser) -> String {
    switch raiser {
    case .centre: "党建服务中心"
    case .unit(let unit): self.unit(unit)
    case .other(let text): text
    }
  }

  // MARK: - Refusals

  public func listRefusal(_ refusal: ListRefusal) -> String {
    switch refusal {
    case .unitNotInAlliance(let unit, let date):
      return "\(self.unit(unit))在\(day(date))不在册：只有当天在册的共建单位才能认领、提供资源或参与项目。"
    case .unitHasLeft(let unit, let leftOn):
      return "\(self.unit(unit))目前不在册" + (leftOn.map { "（已于\(day($0))退出）" } ?? "") + "，不能再提供新的资源。"
    case .resourceWithdrawn(let resource, let on):
      return "\(item(resource))已于\(day(on))撤回，不能再认领或修改。"
    case .resourceNotAvailable(let resource, let date, let from, let until):
      return "\(item(resource))在\(day(date))不可提供（可提供期间：\(day(from))"
        + (until.map { "至\(day($0))" } ?? "起") + "）。"
    case .withdrawalBeforeAvailable(let resource, let date, let from):
      return "撤回日期\(day(date))早于\(item(resource))开始提供的日期\(day(from))，请核对。"
    case .needFinished(let need, let status, let on):
      return "\(item(need))已于\(day(on))\(needStatus(status))，无需再办理。"
    case .projectFinished(let project, let status, let on):
      return "\(item(project))已于\(day(on))\(projectStatus(status))，无需再办理。"
    case .alreadyClaimed(let target, let unit, let on):
      return "\(self.unit(unit))已于\(day(on))认领\(item(target))，不能重复认领。"
    case .changeBeforePrevious(let target, let date, let previous):
      return "\(day(date))早于\(item(target))最近一次办理的日期\(day(previous))：状态只能按时间先后向前推进，请核对日期。"
    case .projectStatusNotForward(let project, let from, let to):
      return "\(item(project))目前为“\(projectStatus(from))”，不能改为“\(projectStatus(to))”：项目状态只能依次推进"
        + "（征集中 → 已认领 → 实施中 → 已完成或已终止）。"
    case .projectNotStarted(let project):
      return "\(item(project))尚未开始实施。请先办理：gongjian project start \(project.id) --on 日期"
    case .activityOutsideProject(let project, let date, let started, let ended):
      return "服务日期\(day(date))不在\(item(project))的实施期间内（\(day(started))"
        + (ended.map { "至\(day($0))" } ?? "起至今") + "）。"
    case .creditCodeTaken(let code, let other):
      return "统一社会信用代码\(code)已属于\(unit(other))，同一代码只能对应一家单位。"
    case .unitHasListEntries(let unit, let count):
      return "\(self.unit(unit))在资源、需求、认领、项目或服务记录中出现\(count)次，不能作为误登记删除。"
        + "\n如该单位已经退出，请办理退出：gongjian withdraw \(unit.id) --on 日期"
    case .cannotUndoItem(let action, let at, let target):
      let change = "“\(actionName(action))”" + (at.isEmpty ? "" : "（\(LocalTime.minutes(at))）")
      return "无法撤销\(change)：\(item(target))在那次改动之后又有变动，已无法原样撤销。未做任何改动。"
    case .idTaken(let target):
      return "编号\(target.id)已被\(item(target))使用；请清空编号列，由登记簿自动编号。"
    }
  }

  public func listValueProblem(_ problem: ListValueProblem) -> String {
    switch problem {
    case .notANumber(let text): return "\(quoted(text))不是数字"
    case .notWhole(let number): return "\(NumberFormat.plain(number))不是整数"
    case .numberOutOfRange(let number, let max):
      return "\(NumberFormat.plain(number))超出范围：应在0至\(NumberFormat.plain(max))之间"
    case .creditCodeLength(let count): return "统一社会信用代码应为18位，这里有\(count)位"
    case .creditCodeCharacter(let character, let position):
      return "统一社会信用代码第\(position)位是\(quoted(character))，代码中只能有数字和除I、O、Z、S、V以外的大写字母"
    case .creditCodeCheck(let expected, let found):
      return "统一社会信用代码的校验位（第18位）应为\(expected)，这里是\(found)；请核对前17位是否抄错"
    case .unknownLevel(let text, let known): return "\(quoted(text))不是项目层级；可选：\(list(known))"
    case .unknownStatus(let text, let known): return "\(quoted(text))不是可识别的状态；可填：\(list(known))"
    case .untilBeforeFrom(let until, let from): return "截止日期\(day(until))早于起始日期\(day(from))"
    case .deadlineBeforeRaised(let deadline, let raised): return "认领截止日期\(day(deadline))早于提出日期\(day(raised))"
    case .endBeforeStart(let end, let start): return "计划结束日期\(day(end))早于计划开始日期\(day(start))"
    case .statusDisagrees(let stated, let found):
      return "状态填的是“\(statusWord(stated))”，但按认领记录和日期应为“\(statusWord(found))”"
    case .unreadableClaim(let text):
      return "无法识别认领记录\(quoted(text))；每条应写作“单位名称（2019-07-01）”，多条用“；”分隔"
    case .notAnID(let text): return "\(quoted(text))不是编号；多个编号用“、”分隔"
    }
  }

  /// A status code in a sentence, whichever list it is of.
  func statusWord(_ code: String) -> String {
    if let status = NeedStatus(rawValue: code) { return needStatus(status) }
    if let status = ProjectStatus(rawValue: code) { return projectStatus(status) }
    return code
  }

  public func listUsage(_ mistake: ListUsageMistake) -> String {
    switch mistake {
    case .nothingToEdit:
      "没有要修改的内容：请给出 --title、--category、--capacity、--from、--until、--contact 或 --description。"
    case .claimNeedsUnitOrResource:
      "请指定认领单位，或用 --resource 指定被认领的资源（二者选一）：gongjian need claim 需求 单位 --on 日期"
    case .overdueWithStatus: "--overdue 列出逾期仍待认领的需求，不能与其他 --status 同时使用。"
    case .limitOutOfRange(let limit): "--limit \(limit) 超出范围：请给出1至100之间的数。"
    }
  }

  // MARK: - History

  public func listChange(_ action: ChangeAction, facts: JSONValue) -> String {
    let title = quoted(facts["title"]?.stringValue ?? "")
    let on = facts["on"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? ""
    switch action {
    case .resourceAdd:
      let from = facts["available_from"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? ""
      return "提供资源\(title)（\(facts["category"]?.stringValue ?? "")），\(from)起"
    case .resourceEdit:
      let changes = facts["changes"]?.arrayValue ?? []
      return "修改资源\(title)："
        + changes.map { change in
          let name = change["field"]?.stringValue.flatMap(Field.init(rawValue:)).map(field) ?? "?"
          return "\(name) \(change["old"]?.stringValue ?? "（空）") → \(change["new"]?.stringValue ?? "（空）")"
        }.joined(separator: "；")
    case .resourceWithdraw: return "\(on)撤回资源\(title)"
    case .needAdd:
      let raised = facts["raised_on"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? ""
      return "\(raised)提出需求\(title)（\(facts["category"]?.stringValue ?? "")）"
    case .needClaim:
      let resource = facts["resource"]?.stringValue.map { "，以资源\(quoted($0))" } ?? ""
      return "\(facts["unit"]?.stringValue ?? "")\(on)认领需求\(title)\(resource)"
    case .needClose:
      let status = facts["status"]?.stringValue.flatMap(NeedStatus.init(rawValue:)).map(needStatus) ?? ""
      return "需求\(title)\(on)\(status)"
    case .projectAdd:
      let proposed = facts["proposed_on"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? ""
      let lead = facts["lead"]?.stringValue.map { "，牵头单位：\($0)" } ?? ""
      return "\(proposed)提出项目\(title)（\(facts["category"]?.stringValue ?? "")）\(lead)"
    case .projectClaim:
      let role = facts["role"]?.stringValue == "lead" ? "（牵头）" : ""
      return "\(facts["unit"]?.stringValue ?? "")\(on)认领项目\(title)\(role)"
    case .projectStart: return "项目\(title)\(on)开始实施"
    case .projectFinish: return "项目\(title)\(on)完成"
    case .projectDrop: return "项目\(title)\(on)终止"
    case .activityAdd:
      let volunteers = facts["volunteers"]?.intValue ?? 0
      let served = facts["served"]?.intValue ?? 0
      return "记录项目\(title)\(on)的服务：志愿者\(volunteers)人次，受益\(served)人次"
    case .listImport:
      let list = facts["list"]?.stringValue.flatMap(EntityKind.init(rawValue:)).map(entity) ?? ""
      return "从 \(facts["file"]?.stringValue ?? "") 导入\(list)\(facts["added"]?.intValue ?? 0)条"
    default: return actionName(action.rawValue)
    }
  }

  public func listActionName(_ action: ChangeAction) -> String {
    switch action {
    case .resourceAdd: "提供资源"
    case .resourceEdit: "修改资源"
    case .resourceWithdraw: "撤回资源"
    case .needAdd: "提出需求"
    case .needClaim: "认领需求"
    case .needClose: "办结需求"
    case .projectAdd: "提出项目"
    case .projectClaim: "认领项目"
    case .projectStart: "项目开始实施"
    case .projectFinish: "项目完成"
    case .projectDrop: "项目终止"
    case .activityAdd: "记录服务"
    case .listImport: "导入清单"
    default: action.rawValue
    }
  }

  // MARK: - Messages

  public func serviceTotals(activities: Int, volunteers: Int, hours: Double, served: Int) -> String {
    "\(activities)次，志愿者\(volunteers)人次，共\(NumberFormat.plain(hours))小时，受益\(served)人次"
  }

  public func availability(_ resource: Resource) -> String {
    "\(day(resource.availableFrom))起" + (resource.availableUntil.map { "至\(day($0))" } ?? "")
  }

  public func resourceAdded(_ resource: Resource) -> String {
    "已登记资源\(item(resource.reference))：\(unit(resource.unit))提供，\(resource.category)，\(availability(resource))。"
  }

  public func resourceEdited(_ edit: ResourceEdit) -> String {
    guard !edit.changes.isEmpty else { return "\(item(edit.resource))的信息与原来相同，未做改动。" }
    return "已修改\(item(edit.resource))：\n"
      + edit.changes.map { "  \(field($0.field))：\($0.old ?? "（空）") → \($0.new ?? "（空）")" }.joined(separator: "\n")
  }

  public func resourceWithdrawn(_ resource: Resource) -> String {
    "已撤回\(item(resource.reference))（\(unit(resource.unit))提供），自\(day(resource.withdrawnOn ?? resource.availableFrom))起不再提供。"
  }

  public func needAdded(_ need: Need) -> String {
    var text = "已登记需求\(item(need.reference))：\(need.category)，\(needRaiser(need.raisedBy))于\(day(need.raisedOn))提出"
    if let deadline = need.deadline { text += "，认领截止\(day(deadline))" }
    return text + "。"
  }

  public func claimed(_ claim: Claim) -> String {
    if let need = claim.need {
      let resource = claim.resource.map { "，提供资源\(item($0))" } ?? ""
      return "\(unit(claim.unit))于\(day(claim.claimedOn))认领\(item(need))\(resource)。"
    }
    if let project = claim.project { return "\(unit(claim.unit))于\(day(claim.claimedOn))认领\(item(project))。" }
    return "\(unit(claim.unit))于\(day(claim.claimedOn))认领。"
  }

  public func needClosed(_ need: Need) -> String {
    "\(item(need.reference))已于\(day(need.statusOn))办结：\(needStatus(need.status))。"
  }

  public func projectAdded(_ project: Project) -> String {
    var text = "已登记项目\(item(project.reference))：\(project.category)"
    if let level = project.level { text += "，\(level)" }
    text += "，\(day(project.proposedOn))提出"
    if let lead = project.lead { text += "，牵头单位\(unit(lead))" }
    return text + "；状态：\(projectStatus(project.status))。"
  }

  public func projectAdvanced(_ project: Project) -> String {
    "\(item(project.reference))自\(day(project.statusOn))起\(projectStatus(project.status))。"
  }

  public func activityAdded(_ activity: Activity) -> String {
    var text =
      "已记录\(item(activity.project))\(day(activity.on))的服务（#\(activity.id)）：志愿者\(activity.volunteers)人次，"
      + "服务\(NumberFormat.plain(activity.hours))小时，受益\(activity.served)人次"
    if !activity.units.isEmpty { text += "；参与单位：" + list(activity.units.map(\.name)) }
    return text + "。"
  }

  public func listCount(_ kind: EntityKind, _ count: Int) -> String {
    switch kind {
    case .resource: "共\(count)项资源"
    case .need: "共\(count)项需求"
    case .project: "共\(count)个项目"
    case .activity: "共\(count)条服务记录"
    case .unit: "共\(count)家单位"
    case .group: "共\(count)个专项组"
    }
  }

  func importFormat(_ summary: ListImportSummary) -> String {
    summary.layout.map { "（\(sourceFormat($0.format))）" } ?? ""
  }

  public func listImported(_ summary: ListImportSummary) -> String {
    (["已导入 \(summary.path)\(importFormat(summary))：\(listName(summary.list))新增\(summary.added)条。"]
      + (summary.layout.map(layoutNotes) ?? []).map { "  " + $0 }).joined(separator: "\n")
  }

  public func listImportDryRun(_ summary: ListImportSummary) -> String {
    (["试导入 \(summary.path)\(importFormat(summary))：共\(summary.rows)行，未发现错误；正式导入将新增\(summary.added)条。"]
      + (summary.layout.map(layoutNotes) ?? []).map { "  " + $0 } + ["本次未写入任何内容。"]).joined(separator: "\n")
  }

  public func listExported(_ list: ListFile, count: Int, path: String, format: String) -> String {
    "已将\(listName(list))\(count)条导出至 \(path)（\(format)）。"
  }

  public func listSheetLabel(_ label: ListSheetLabel) -> String {
    switch label {
    case .status: "状态："
    case .unit: "提供单位："
    case .category: "类别："
    case .capacity: "服务能力："
    case .availability: "可提供："
    case .contact: "联系人："
    case .description: "说明："
    case .raisedBy: "提出方："
    case .people: "所需人数："
    case .deadline: "认领截止："
    case .claims: "认领情况"
    case .statuses: "办理过程"
    case .projects: "相关项目"
    case .level: "层级："
    case .lead: "牵头单位："
    case .units: "参与单位："
    case .needs: "对应需求："
    case .resources: "使用资源："
    case .planned: "计划时间："
    case .service: "服务记录："
    case .none: "（无）"
    }
  }

  public func claimLine(_ claim: Claim) -> String {
    var text = "\(day(claim.claimedOn))  \(unit(claim.unit))"
    if let resource = claim.resource { text += "  以资源\(item(resource))" }
    return text
  }

  // MARK: - Match

  public func matchHeading(_ result: MatchResult) -> String {
    "可满足\(item(result.need.reference))（\(result.need.category)）的资源，按\(day(result.day))的情况排序："
  }

  public func matchReason(_ reason: MatchReason) -> String {
    switch reason {
    case .sameCategory(let category): "类别相同（\(category)）"
    case .available(let on): "\(day(on))可提供"
    case .availableFrom(let from): "\(day(from))起可提供"
    case .inAlliance(let since): "自\(day(since))起在册"
    case .sharedGroup(let group): "与提出方同在\(groupName(group.name))"
    case .groupForCategory(let group): "属\(groupName(group.name))"
    case .earlierActivities(let count, let category): "参与过\(count)次\(category)类服务"
    case .similarWording: "名称或说明相近"
    }
  }

  public var matchNone: String { "没有可提供的资源：目前没有在册单位提供、未撤回且未过期的资源。" }

  // MARK: - Reports

  public func projectReportTitle(subdistrict: String) -> String { "\(subdistrict)区域化党建项目情况" }

  public func projectReportScope(first: String?, last: String?, period: PeriodLength, category: String?) -> String {
    var text = growthScope(first: first, last: last, period: period, group: nil, kind: nil)
    if let category { text += " · 类别：\(category)" }
    return text
  }

  public func projectReportSummary(_ total: ProjectFigures) -> String {
    let claimRate = total.claimRatePercent.map { "（认领率\(percent($0))）" } ?? ""
    let completion = total.completionRatePercent.map { "（完成率\(percent($0))）" } ?? ""
    return "需求\(total.needsRaised)项，已认领\(total.needsClaimed)项\(claimRate)，已解决\(total.needsMet)项；"
      + "项目\(total.projectsProposed)个，已认领\(total.projectsClaimed)个，已完成\(total.projectsDone)个\(completion)；"
      + "服务\(total.activities)次，志愿者\(total.volunteers)人次，共\(NumberFormat.plain(total.hours))小时，"
      + "受益\(total.served)人次"
  }

  public var projectReportByCategory: String { "按类别" }
  public var chartNeedsRaised: String { "提出需求" }
  public var chartNeedsClaimed: String { "已认领" }
  public var chartNeedsMet: String { "已解决" }
  public var chartProjectsDone: String { "完成项目" }
  public var chartCountAxis: String { "数量（项）" }

  public func unitReportTitle(subdistrict: String, year: Int) -> String { "\(subdistrict)共建单位\(year)年参与情况" }

  public func unitReportSummary(year: Int, units: Int, idle: Int) -> NamingSentence {
    let text = "\(year)年在册单位\(units)家"
    if idle == 0 { return NamingSentence(head: text + "，均有资源、认领、项目或服务记录。") }
    return NamingSentence(head: text + "，其中\(idle)家全年没有资源、认领、项目或服务记录：", separator: "、", tail: "。")
  }

  public var idleMark: String { "无活动" }
  public var chartHoursAxis: String { "志愿服务时长（小时）" }
}
