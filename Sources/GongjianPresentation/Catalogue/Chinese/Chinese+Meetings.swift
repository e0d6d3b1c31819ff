import GongjianRegistry

extension ChineseCatalogue: MeetingWording {
  public func attendanceStatus(_ status: AttendanceStatus) -> String {
    switch status {
    case .present: "出席"
    case .excused: "请假"
    case .absent: "缺席"
    }
  }

  public func decisionKind(_ kind: DecisionKind) -> String {
    switch kind {
    case .members: "新成员单位"
    case .groups: "专项组"
    case .lists: "年度清单"
    case .projects: "重点项目"
    case .other: "其他"
    }
  }

  public func followupStatus(_ status: FollowupStatus) -> String {
    switch status {
    case .open: "未办结"
    case .done: "已办结"
    }
  }

  public func meeting(_ meeting: MeetingReference) -> String {
    "\(meeting.title)（#\(meeting.id)，\(day(meeting.heldOn))）"
  }

  public func signatory(_ name: String?, title: String?) -> String? {
    guard let name else { return nil }
    return title.map { "\(name)（\($0)）" } ?? name
  }

  public func daysLate(_ days: Int) -> String { "晚\(days)天" }

  public var overdue: String { "（逾期）" }

  public var rejoinedMark: String { "（重新加入）" }

  public var raisedByCentre: String { "党建服务中心" }

  public var yes: String { "是" }

  func recordWord(_ kind: MeetingRecordKind) -> String {
    switch kind {
    case .meeting: "会议"
    case .decision: "决议"
    case .followup: "督办事项"
    }
  }

  func meetingLine(_ meeting: MeetingReference) -> String {
    "  \(meeting.id)  \(meeting.heldOn.iso)  \(meeting.title)"
  }

  func task(_ followup: FollowupReference) -> String { "督办事项#\(followup.id)\(quoted(followup.text))" }

  public func meetingRefusal(_ refusal: MeetingRefusal) -> String {
    switch refusal {
    case .emptyReference(let kind):
      return kind == .meeting
        ? "没有指定会议：请给出会议编号、会议日期或会议名称的一部分。"
        : "没有指定\(recordWord(kind))：请给出编号或内容的一部分。"
    case .noSuchMeeting(let text, let suggestions):
      let head = "找不到\(quoted(text))对应的会议（可写会议编号、会议日期或会议名称的一部分）。"
      if suggestions.isEmpty { return head + "可运行 gongjian meeting list 查看全部会议。" }
      return head + "相近的会议有：\n" + suggestions.map(meetingLine).joined(separator: "\n")
    case .ambiguousMeeting(let text, let candidates, let more):
      return "与\(quoted(text))相符的会议有\(candidates.count)次\(more ? "以上" : "")：\n"
        + candidates.map(meetingLine).joined(separator: "\n") + (more ? "\n  ……" : "") + "\n请给出会议编号。"
    case .noSuchRecord(let kind, let text):
      let next =
        kind == .followup
        ? "可运行 gongjian followup list 查看各督办事项的编号。" : "可运行 gongjian meeting show 会议 查看各项决议的编号。"
      return "找不到编号或内容为\(quoted(text))的\(recordWord(kind))。" + next
    case .ambiguousRecord(let kind, let text, let candidates, let more):
      return "内容含\(quoted(text))的\(recordWord(kind))有\(candidates.count)项\(more ? "以上" : "")：\n"
        + candidates.map(candidateLine).joined(separator: "\n") + (more ? "\n  ……" : "") + "\n请给出编号。"
    case .meetingExists(let existing):
      return "\(day(existing.heldOn))已有同名会议：\(meeting(existing))，未重复添加。"
    case .notYetHeld(let meeting, let today):
      return "\(self.meeting(meeting))定于\(day(meeting.heldOn))召开，尚未举行（今天是\(day(today))）。"
        + "会议召开后才能记录出席情况和决议。"
    case .notInAllianceOnMeetingDay(let reference, let meeting, let leftOn):
      return "\(unit(reference))在\(day(meeting.heldOn))不在册" + (leftOn.map { "（已于\(day($0))退出）" } ?? "")
        + "，不能记入当天召开的\(self.meeting(meeting))。联席会议只记录当天在册的共建单位。"
    case .alreadyDone(let followup, let since):
      return "\(task(followup))已于\(day(since))办结，无需再次办结。如需重新督办，请用 --status open。"
    case .alreadyOpen(let followup):
      return "\(task(followup))尚未办结，状态未变。如要记录办理进展，请加 --note 说明。"
    case .unitHasMeetingRecords(let reference, let records):
      return "\(unit(reference))在\(records)次联席会议中有记录（出席情况、议题或督办事项），不是误登记的单位，不能删除。\n"
        + "如该单位已退出，请办理退出：gongjian withdraw \(reference.id) --on 日期"
    case .strandsMeetingRecords(let reference, let meeting):
      return "\(unit(reference))在\(self.meeting(meeting))中有记录（出席情况、议题或督办事项）；"
        + "按这个日期办理，该单位在\(day(meeting.heldOn))将不在册。未做任何改动，请核对日期。"
    }
  }

  public func meetingAdded(_ meeting: MeetingReference) -> String {
    let due = meeting.heldOn.adding(days: -Registry.topicNoticeDays).map { "；按惯例，议题应于\(day($0))前提出" } ?? ""
    return "已新增会议：\(self.meeting(meeting))\(due)。"
  }

  public func attendanceRecorded(_ result: AttendanceResult) -> String {
    var lines: [String] = []
    let changed = result.changes.filter { !$0.isUnchanged }
    for status in AttendanceStatus.allCases {
      let units = changed.filter { $0.status == status && $0.previous == nil }.map(\.unit.name)
      if !units.isEmpty { lines.append("\(attendanceStatus(status))：\(list(units))") }
    }
    for change in changed where change.previous != nil {
      lines.append(
        "\(change.unit.name)：由\(attendanceStatus(change.previous ?? change.status))改为\(attendanceStatus(change.status))"
      )
    }
    let unchanged = result.changes.filter(\.isUnchanged)
    if !unchanged.isEmpty {
      lines.append("未变（原已记录）：" + list(unchanged.map { "\($0.unit.name)（\(attendanceStatus($0.status))）" }))
    }
    let head =
      changed.isEmpty
      ? "\(meeting(result.meeting))的出席情况没有变化。" : "已记录\(meeting(result.meeting))的出席情况（\(changed.count)家）："
    return ([head] + lines.map { "  " + $0 }).joined(separator: "\n")
  }

  public func topicRecorded(_ result: TopicResult) -> String {
    let by = result.topic.by.map(unit) ?? raisedByCentre
    return "已记录议题#\(result.topic.id)：\(quoted(result.topic.text))，由\(by)于\(day(result.topic.raisedOn))提出，"
      + "提交\(meeting(result.meeting))。"
  }

  public func topicLate(_ result: TopicResult) -> String {
    let late = result.topic.daysLate ?? 0
    return "提醒：按惯例，议题应于\(day(result.dueBy))（会前\(Registry.topicNoticeDays)天）前提出，本议题晚了\(late)天；"
      + "已照常记录，会议材料中将标注“\(daysLate(late))”。"
  }

  public func decisionRecorded(_ decision: DecisionReference, kind: DecisionKind) -> String {
    "已记录\(meeting(decision.meeting))决议#\(decision.id)（\(decisionKind(kind))）：\(quoted(decision.text))。\n"
      + "可用 gongjian followup add \(decision.id) 事项 --unit 责任单位 --due 日期 为它新增督办事项。"
  }

  public func followupRecorded(_ followup: Followup) -> String {
    "已新增督办事项#\(followup.id)：\(quoted(followup.text))，责任单位\(unit(followup.unit))，"
      + "\(day(followup.dueOn))前办结（\(meeting(followup.decision.meeting))决议#\(followup.decision.id)）。"
  }

  public func followupReported(_ result: FollowupUpdateResult) -> String {
    let state: String
    switch (result.previous, result.report.status) {
    case (.open, .done): state = "已于\(day(result.report.on))办结"
    case (.done, .open): state = "自\(day(result.report.on))起重新督办"
    case (_, .open): state = "截至\(day(result.report.on))仍未办结"
    case (.done, .done): state = "已办结"
    }
    return "\(task(result.followup))（\(unit(result.unit))）\(state)" + (result.report.note.map { "：\($0)" } ?? "") + "。"
  }

  public func meetingCount(_ count: Int) -> String { "共\(count)次会议" }

  public func followupCount(_ followups: [Followup]) -> String {
    let open = followups.filter { $0.status == .open }.count
    let overdue = followups.filter(\.overdue).count
    return "共\(followups.count)项督办事项，已办结\(followups.count - open)项，未办结\(open)项"
      + (overdue > 0 ? "（其中逾期\(overdue)项）" : "")
  }

  public func participationFooter(_ report: ParticipationReport) -> String {
    let idle = report.rows.filter(\.idle).count
    return "\(report.year)年（截至\(day(report.asOf))）共召开联席会议\(report.meetings.count)次；"
      + "当年在册单位\(report.rows.count)家，其中未参与的\(idle)家（未出席、未提议题、未承担督办事项）"
  }

  public func meetingSheetTitle(_ summary: MeetingSummary) -> String {
    "#\(summary.id) \(summary.title)"
  }

  public func meetingSheetLabel(_ label: MeetingSheetLabel) -> String {
    switch label {
    case .day: "日期："
    case .place: "地点："
    case .chair: "主持："
    case .recorder: "记录："
    case .attendance: "出席情况"
    case .topics: "议题"
    case .decisions: "决议"
    case .followups: "本次会议决议的督办事项"
    case .carried: "上次会议以来督办事项办理情况"
    case .none: "（无）"
    }
  }

  public func meetingSheetHeading(_ label: MeetingSheetLabel, aside: String) -> String {
    "\(meetingSheetLabel(label))（\(aside)）"
  }

  public func meetingSheetLabelInPack(_ label: MeetingSheetLabel) -> String {
    switch label {
    case .topics: "议题"
    case .decisions: "决议"
    default: meetingSheetLabel(label)
    }
  }

  public func attendanceSummary(present: Int, excused: Int, absent: Int) -> String {
    "应到\(present + excused + absent)家，实到\(present)家，请假\(excused)家，缺席\(absent)家"
  }

  public func topicsDue(_ day: Day) -> String { "按惯例，议题应于\(self.day(day))前提出" }

  public func packTitle(subdistrict: String, year: Int) -> String {
    "\(year)年\(subdistrict)区域化党建工作联席会议材料"
  }

  public func packSubtitle(district: String, subdistrict: String, asOf: Day) -> String {
    let place = district + subdistrict
    return (place.isEmpty ? "" : place + " · ") + "数据统计截至\(day(asOf))"
  }

  static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

  public func packSectionNumber(_ index: Int) -> String {
    let number =
      index < 10
      ? Self.numerals[index]
      : index < 20 ? "十" + (index == 10 ? "" : Self.numerals[index - 11]) : String(index + 1)
    return number + "、"
  }

  public func packSectionTitle(_ part: MeetingPackPart) -> String {
    switch part {
    case .growth: "共建单位发展情况"
    case .joined: "新加入的共建单位"
    case .left: "退出的共建单位"
    case .groups: "专项组及牵头单位"
    case .expiring: "即将到期的共建协议"
    case .lists: "三张清单与项目"
    case .meetings: "联席会议议题与决议"
    case .attendance: "各单位出席联席会议情况"
    case .followups: "督办事项办理情况"
    case .idle: "未参与单位"
    }
  }

  public func packSheetName(_ part: MeetingPackPart) -> String {
    switch part {
    case .growth: "发展情况"
    case .joined: "新加入单位"
    case .left: "退出单位"
    case .groups: "专项组"
    case .expiring: "协议到期"
    case .lists: "三张清单"
    case .meetings: "议题与决议"
    case .attendance: "出席情况"
    case .followups: "督办事项"
    case .idle: "未参与单位"
    }
  }

  public func packSummary(_ section: MeetingPackSection, pack: MeetingPack) -> [String] {
    let year = pack.year
    switch section {
    case .growth(let report):
      return report.summary.map { [growthSummary($0, length: report.request.period)] } ?? [growthNoPeriods]
    case .joined(let units):
      let rejoined = units.filter(\.rejoined).count
      return ["\(year)年新加入\(units.count)家" + (rejoined > 0 ? "（其中重新加入\(rejoined)家）" : "") + "。"]
    case .left(let units):
      return ["\(year)年退出\(units.count)家。"]
    case .groups(let groups):
      let leads = Set(groups.flatMap(\.leads)).count
      return ["共\(groups.count)个专项组，牵头单位\(leads)家；单位数为\(day(pack.asOf))参加各专项组的单位数。"]
    case .expiringAgreements(let expiring):
      if expiring.agreements.isEmpty { return ["\(day(expiring.until))前没有到期的共建协议。"] }
      let dated = expiring.agreements.filter { $0.daysLeft != nil }
      let expired = dated.filter { ($0.daysLeft ?? 0) < 0 }.count
      let undated = expiring.agreements.count - dated.count
      var lines: [String] = []
      if !dated.isEmpty {
        lines.append(
          "\(day(expiring.until))前到期的共建协议\(dated.count)份"
            + (expired > 0 ? "，其中已到期尚未续签\(expired)份" : "") + "，请在到期前办理续签。")
      }
      if undated > 0 { lines.append("另有\(undated)份协议未填到期日期，请核对后补登。") }
      return lines
    case .lists(let lists):
      guard let lists else { return ["本登记册尚未建立资源清单、需求清单和项目清单。"] }
      return [
        "\(year)年在册单位提供资源\(lists.resources)项。",
        "\(year)年" + projectReportSummary(lists.figures) + "。",
        "需求、项目按提出年份统计，认领、解决、完成情况截至\(day(lists.asOf))；服务记录按服务日期统计。",
      ]
    case .meetings(let meetings):
      let topics = meetings.reduce(0) { $0 + $1.topics.count }
      let decisions = meetings.reduce(0) { $0 + $1.decisions.count }
      return ["\(year)年召开联席会议\(meetings.count)次，收到议题\(topics)项，形成决议\(decisions)项。"]
    case .attendance(let report):
      let present = report.rows.reduce(0) { $0 + $1.present }
      let excused = report.rows.reduce(0) { $0 + $1.excused }
      let absent = report.rows.reduce(0) { $0 + $1.absent }
      return [
        "\(year)年召开联席会议\(report.meetings.count)次，当年在册单位\(report.rows.count)家；"
          + "合计出席\(present)家次，请假\(excused)家次，缺席\(absent)家次。"
      ]
    case .followups(let tasks):
      return [
        "截至\(day(tasks.asOf))，" + followupCount(tasks.followups) + "。",
        "包括\(year)年会议决议交办的事项，以及以往会议交办、截至\(year)年初仍未办结而结转的事项。",
      ]
    case .idleUnits(let idle):
      let measures = idle.measures.map(activityWord)
      let all =
        measures.count > 1 ? measures.dropLast().joined(separator: "、") + "、也" + (measures.last ?? "") : list(measures)
      return [
        "\(year)年在册、但全年\(all)的单位共\(idle.units.count)家（依据当年召开的\(idle.meetings)次联席会议）。"
      ]
    }
  }

  func activityWord(_ activity: UnitActivity) -> String {
    switch activity {
    case .attendedMeeting: "未出席联席会议"
    case .raisedTopic: "未提出议题"
    case .responsibleForFollowup: "未承担督办事项"
    }
  }

  public func meetingColumnHeading(_ day: Day) -> String { "\(day.month)月\(day.day)日会议" }

  public var packSource: String { "数据来源：" }

  public var packNothing: String { "（无）" }

  public var packContents: String { "目录" }

  public var packIndexSheetName: String { "说明" }

  public var packIndexHeadings: [String] { ["部分", "概要", "数据来源（命令）"] }

  public func meetingHelp(_ key: MeetingHelpKey) -> String {
    switch key {
    case .valueMeeting: "会议"
    case .valueDecision: "决议"
    case .valueFollowup: "督办事项"
    case .valueAttendance: "出席情况"
    case .valueDecisionKind: "决议类别"
    case .valueStatus: "状态"
    case .valueMeetingTitle: "会议名称"
    case .meetingAbstract: "联席会议：会议、出席情况、议题和决议。"
    case .meetingAddAbstract: "新增一次联席会议（可以是即将召开的会议）。"
    case .meetingAddDiscussion:
      """
      示例：gongjian meeting add 2019年欧阳路街道区域化党建工作联席会议 --on 2019-06-27 --place 街道党群服务中心

      会议日期可以在今天之后：按惯例，议题在会前15天收集。出席情况和决议在会议召开后记录。
      """
    case .meetingAddTitle: "会议名称。"
    case .meetingAddOn: "会议日期。"
    case .meetingAddPlace: "会议地点。"
    case .meetingAddChair: "主持人。"
    case .meetingAddRecorder: "记录人。"
    case .meetingListAbstract: "列出联席会议，以及各次会议的出席、议题、决议和督办事项数。"
    case .meetingListYear: "只列出这一年的会议。"
    case .meetingShowAbstract: "查看一次会议：出席情况、议题、决议和督办事项。"
    case .meetingShowDiscussion:
      "会议可用编号、日期（如2019-06-27）或会议名称的一部分指定。\n“上次会议以来督办事项办理情况”列出上次会议新增的督办事项，以及此前会议交办、到上次会议仍未办结的事项，状态以本次会议当天为准。督办事项每次会议都会列出，直至办结。"
    case .meetingShowMeeting: "会议：编号、日期或会议名称的一部分。"
    case .meetingShowFormat: "输出格式：table（表格）或 json。"
    case .meetingAttendAbstract: "记录单位出席会议的情况：出席、请假或缺席。"
    case .meetingAttendDiscussion:
      """
      示例：gongjian meeting attend 2019-06-27 复旦大学外文学院 建设银行虹口支行 --as 出席

      可以一次记录多家单位；只能记录会议当天在册的单位，且须在会议召开之后。已记录过的单位改为新的状态。
      """
    case .meetingAttendUnits: "一家或多家单位：编号或名称（名称可只写其中一部分）。"
    case .meetingAttendAs: "present（出席）、excused（请假）或 absent（缺席），也可直接写 出席、请假、缺席。"
    case .meetingTopicAbstract: "为会议记录一项议题（由单位或党建服务中心提出）。"
    case .meetingTopicDiscussion:
      "按惯例，议题应在会前15天提出；晚于这一天提出的议题照常记录，并给出提醒。议题不能在会议之后提出：补录以往会议的议题时，请用 --on 写明当时的提出日期。"
    case .meetingTopicText: "议题内容。"
    case .meetingTopicBy: "提出议题的单位（不写则为党建服务中心）；须为会议当天在册的单位。"
    case .meetingTopicOn: "提出日期（默认：今天）。"
    case .meetingDecideAbstract: "记录会议的一项决议，并显示决议编号。"
    case .meetingDecideDiscussion:
      "决议类别：members（新成员单位）、groups（专项组）、lists（年度清单）、projects（重点项目）、other（其他），也可直接写中文。\n记录后可用 gongjian followup add 决议编号 … 为它新增督办事项。"
    case .meetingDecideText: "决议内容。"
    case .meetingDecideKind: "决议类别（默认：other，其他）。"
    case .meetingAttendanceAbstract: "列出某一年各单位参与联席会议的情况，以及未参与的单位。"
    case .meetingAttendanceDiscussion:
      "列出该年在册的每一家单位：可出席的会议次数、出席、请假、缺席、未记录的次数，提出的议题数和承担的督办事项数。\n“未参与”指全年未出席会议、未提出议题、也未承担督办事项；当年没有应出席的会议（如在当年最后一次会议之后加入）的单位不计。"
    case .meetingAttendanceYear: "年份（默认：今年）。"
    case .followupAbstract: "联席会议决议交办给责任单位的事项，每次会议跟踪督办，直至办结。"
    case .followupAddAbstract: "为一项决议新增督办事项。"
    case .followupAddDiscussion:
      "示例：gongjian followup add 3 汇总各单位资源清单 --unit 虹口烟草糖酒有限公司 --due 2019-09-30\n责任单位须为会议当天在册的单位；办结期限不能早于会议日期。"
    case .followupAddDecision: "决议：编号或内容的一部分（meeting show 会列出决议编号）。"
    case .followupAddText: "督办事项内容。"
    case .followupAddUnit: "责任单位。"
    case .followupAddDue: "办结期限。"
    case .followupListAbstract: "列出督办事项及其办理状态。"
    case .followupListDiscussion:
      "状态为今天的状态（可用 --today 查看以往某天的状态）。\n--year 年份：该年会议决议的督办事项，加上以往会议决议中、该年年初仍未办结而结转的事项。"
    case .followupListOpen: "只列出未办结的事项。"
    case .followupListYear: "只列出这一年的督办事项（含结转的事项）。"
    case .followupUpdateAbstract: "记录督办事项的办理情况：已办结（done），或仍未办结（open）。"
    case .followupUpdateDiscussion:
      "示例：gongjian followup update 5 --status done --on 2019-09-26 --note 已在平台发布\n每次办理情况都会保留；日期不能早于会议日期和上一次办理情况的日期。已办结的事项可用 --status open 重新督办。"
    case .followupUpdateFollowup: "督办事项：编号或内容的一部分。"
    case .followupUpdateStatus: "open（未办结）或 done（已办结）。"
    case .followupUpdateOn: "办理情况的日期（默认：今天）。"
    case .followupUpdateNote: "办理情况说明。"
    case .packAbstract: "生成某一年联席会议的会议材料：一份可打印的文件（HTML，A4纵向）或XLSX工作簿。"
    case .packDiscussion:
      """
      内容：共建单位发展情况（含图表）、新加入（含签约人）和退出的单位、专项组及牵头单位、\
      一年内到期的共建协议、当年联席会议的议题与决议、各单位出席情况、督办事项办理情况、未参与单位。\
      每一部分都注明重现其数字的命令。

      数据统计截至该年年底（今年则截至今天；可用 --today 指定）。
      示例：gongjian report meeting-pack --year 2019 -o 2019年联席会议材料.html
      """
    case .packYear: "会议年份。"
    case .packFormat: "html 或 xlsx（默认：html，或按 -o 文件的扩展名）。"
    case .packOutput: "写入文件（.html 或 .xlsx；XLSX必须写入文件）。"
    }
  }
}
