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
        return "自\(on)起在\(group)由\(self.role(previous))改任\(role)"
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
    case .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd, .listImport:
      return listChange(action, facts: facts)
    case .undo:
      var text = "撤销：" + actionName(facts["undone_action"]?.stringValue ?? "")
      if let removed = facts["removed_units"]?.intValue { text += "（移除导入的\(removed)家单位）" }
      if let removed = facts["removed"]?.intValue { text += "（移除导入的\(removed)条）" }
      return text
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
    case .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd, .listImport:
      listActionName(ChangeAction(rawValue: code) ?? .undo)
    case nil: code
    }
  }
}
