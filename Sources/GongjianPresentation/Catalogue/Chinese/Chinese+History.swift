import GongjianRegistry

extension ChineseCatalogue: HistoryWording {
  public var historyTimeHeading: String { "时间" }

  public func change(_ entry: HistoryEntry) -> String {
    guard let facts = entry.facts, let action = entry.change else { return entry.recordedSummary }
    let on = facts["on"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? ""
    let groups = facts["groups"]?.arrayValue?.compactMap(\.stringValue) ?? []
    switch action {
    case .initialize:
      let place = (facts["district"]?.stringValue ?? "") + (facts["subdistrict"]?.stringValue ?? "")
      return place.isEmpty ? "新建登记簿" : "新建\(place)登记簿"
    case .register:
      let joined = facts["joined_on"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? ""
      var text = "登记\(facts["name"]?.stringValue ?? "")，\(joined)加入"
      if !groups.isEmpty {
        text += "；所在专项组\(facts["lead"]?.boolValue == true ? "（牵头单位）" : "")：" + list(groups)
      }
      return text
    case .edit:
      let changes = facts["changes"]?.arrayValue ?? []
      return "修改："
        + changes.map { change in
          let name = change["field"]?.stringValue.flatMap(Field.init(rawValue:)).map(field) ?? "?"
          return "\(name) \(change["old"]?.stringValue ?? "（空）") → \(change["new"]?.stringValue ?? "（空）")"
        }.joined(separator: "；")
    case .withdraw:
      var text = "\(on)退出"
      if let reason = facts["reason"]?.stringValue { text += "，原因：\(reason)" }
      if !groups.isEmpty { text += "；同时退出" + list(groups.map(groupName)) }
      let resources = facts["resources"]?.arrayValue?.compactMap { $0["title"]?.stringValue } ?? []
      if !resources.isEmpty { text += "；停止提供资源" + list(resources.map(quoted)) }
      return text
    case .rejoin:
      return "\(on)重新加入" + (groups.isEmpty ? "" : "；所在专项组：" + list(groups))
    case .groupAdd:
      let founded = facts["established_on"]?.stringValue.flatMap(Day.init(iso:)).map { "，\(day($0))成立" }
      return "新增" + groupName(facts["name"]?.stringValue ?? "") + (founded ?? "")
    case .groupJoin:
      let role = facts["role"]?.stringValue.flatMap(GroupRole.init(rawValue:)).map(self.role) ?? ""
      let group = groupName(facts["group"]?.stringValue ?? "")
      if let previous = facts["previous_role"]?.stringValue.flatMap(GroupRole.init(rawValue:)) {
        return "自\(on)起在\(group)由\(self.role(previous))改为\(role)"
      }
      return "自\(on)起以\(role)身份加入" + group
    case .groupLeave:
      return "\(on)退出" + groupName(facts["group"]?.stringValue ?? "")
    case .agreementAdd:
      let signed = facts["signed_on"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? ""
      let expires = facts["expires_on"]?.stringValue.flatMap(Day.init(iso:)).map { "，\(day($0))到期" }
      return "\(signed)签订" + documentTitle(facts["title"]?.stringValue ?? "") + (expires ?? "")
    case .importFile:
      var text =
        "从 \(facts["file"]?.stringValue ?? "") 导入：新增\(facts["added"]?.intValue ?? 0)家，"
        + "更新\(facts["updated"]?.intValue ?? 0)家"
      let created = facts["groups_created"]?.arrayValue?.compactMap(\.stringValue) ?? []
      if !created.isEmpty { text += "，新建" + list(created.map(groupName)) }
      return text
    case .importUpdate:
      return "按 \(facts["file"]?.stringValue ?? "") 更新"
    case .correctPeriod:
      var parts: [String] = []
      if let joined = facts["joined_on"] { parts.append("加入日期 \(oldNew(joined))") }
      if let left = facts["left_on"] { parts.append("退出日期 \(oldNew(left))") }
      return "更正第\(facts["period"]?.intValue ?? 1)段共建期间：" + parts.joined(separator: "；")
    case .remove:
      return "删除误登记的单位\(facts["name"]?.stringValue ?? "")"
    case .registrySet:
      var parts: [String] = []
      if let value = facts["subdistrict"], value["old"] != value["new"] { parts.append("街道 \(oldNew(value))") }
      if let value = facts["district"], value["old"] != value["new"] { parts.append("区 \(oldNew(value))") }
      return "修改登记簿信息：" + parts.joined(separator: "；")
    case .meetingAdd, .meetingAttend, .meetingTopic, .meetingDecide, .followupAdd, .followupUpdate:
      return meetingChange(action, facts)
    case .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd, .listImport:
      return listChange(action, facts: facts)
    case .undo:
      var text = "撤销：" + actionName(facts["undone_action"]?.stringValue ?? "")
      if let removed = facts["removed_units"]?.intValue { text += "（移除导入的\(removed)家单位）" }
      if let removed = facts["removed"]?.intValue { text += "（移除导入的\(removed)条）" }
      return text
    case .historyPurge:
      let fields = (facts["fields"]?.arrayValue ?? []).compactMap(\.stringValue).map(personalField)
      return "从修改记录中清除\(list(fields))（涉及\(facts["entries"]?.intValue ?? 0)条记录）"
    }
  }

  func oldNew(_ value: JSONValue) -> String {
    let old = value["old"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? value["old"]?.stringValue ?? "（空）"
    let new = value["new"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? value["new"]?.stringValue ?? "（空）"
    return "\(old) → \(new)"
  }

  public func actionName(_ code: String) -> String {
    switch ChangeAction(rawValue: code) {
    case .initialize: "新建登记簿"
    case .register: "登记"
    case .edit: "修改"
    case .withdraw: "退出"
    case .rejoin: "重新加入"
    case .groupAdd: "新增专项组"
    case .groupJoin: "加入专项组"
    case .groupLeave: "退出专项组"
    case .agreementAdd: "记录协议"
    case .importFile: "导入"
    case .importUpdate: "导入更新"
    case .correctPeriod: "更正共建期间"
    case .remove: "删除单位"
    case .registrySet: "修改登记簿信息"
    case .undo: "撤销"
    case .historyPurge: "清除修改记录中的个人信息"
    case .meetingAdd: "新增联席会议"
    case .meetingAttend: "记录出席情况"
    case .meetingTopic: "记录议题"
    case .meetingDecide: "记录决议"
    case .followupAdd: "新增督办事项"
    case .followupUpdate: "记录督办事项办理情况"
    case .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd, .listImport:
      listActionName(ChangeAction(rawValue: code) ?? .undo)
    case nil: code
    }
  }

  /// A change to a joint meeting's records, from its facts.
  func meetingChange(_ action: ChangeAction, _ facts: JSONValue) -> String {
    func date(_ key: String) -> String { facts[key]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? "" }
    let meeting = "\(facts["meeting"]?.stringValue ?? "")（\(date("held_on"))）"
    let text = quoted(facts["text"]?.stringValue ?? "")
    switch action {
    case .meetingAdd:
      return "新增联席会议：\(meeting)"
    case .meetingAttend:
      let status = facts["status"]?.stringValue.flatMap(AttendanceStatus.init(rawValue:)).map(attendanceStatus) ?? ""
      if let previous = facts["previous_status"]?.stringValue.flatMap(AttendanceStatus.init(rawValue:)) {
        return "\(meeting)：由\(attendanceStatus(previous))改为\(status)"
      }
      return "\(meeting)：\(status)"
    case .meetingTopic:
      let late = facts["days_late"]?.intValue.map { "（\(daysLate($0))）" } ?? ""
      return "\(date("raised_on"))为\(meeting)提出议题\(text)\(late)"
    case .meetingDecide:
      let kind = facts["kind"]?.stringValue.flatMap(DecisionKind.init(rawValue:)).map(decisionKind) ?? ""
      return "\(meeting)决议（\(kind)）：\(text)"
    case .followupAdd:
      return "承担督办事项\(text)，\(date("due_on"))前办结（\(meeting)决议#\(facts["decision_id"]?.intValue ?? 0)）"
    case .followupUpdate:
      let status = facts["status"]?.stringValue.flatMap(FollowupStatus.init(rawValue:)) ?? .open
      let previous = facts["previous_status"]?.stringValue.flatMap(FollowupStatus.init(rawValue:)) ?? .open
      let state =
        status == .done ? "\(date("on"))办结" : previous == .done ? "\(date("on"))重新督办" : "截至\(date("on"))仍未办结"
      let note = facts["note"]?.stringValue.map { "：\($0)" } ?? ""
      return "督办事项#\(facts["followup_id"]?.intValue ?? 0)\(text)\(state)\(note)"
    default:
      return actionName(action.rawValue)
    }
  }
}
