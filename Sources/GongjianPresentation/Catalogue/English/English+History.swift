import GongjianRegistry

extension EnglishCatalogue: HistoryWording {
  public var historyTimeHeading: String { "time" }

  public func change(_ entry: HistoryEntry) -> String {
    guard let facts = entry.facts, let action = entry.change else { return entry.recordedSummary }
    let on = facts["on"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? ""
    let groups = facts["groups"]?.arrayValue?.compactMap(\.stringValue) ?? []
    switch action {
    case .initialize:
      let place = (facts["district"]?.stringValue ?? "") + (facts["subdistrict"]?.stringValue ?? "")
      return place.isEmpty ? "created the registry" : "created the registry of \(place)"
    case .register:
      let joined = facts["joined_on"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? ""
      var text = "registered \(facts["name"]?.stringValue ?? ""), joined \(joined)"
      if !groups.isEmpty {
        text += "; working groups\(facts["lead"]?.boolValue == true ? " as lead" : ""): " + list(groups)
      }
      return text
    case .edit:
      let changes = facts["changes"]?.arrayValue ?? []
      return "edited: "
        + changes.map { change in
          let name = change["field"]?.stringValue.flatMap(Field.init(rawValue:)).map(field) ?? "?"
          return "\(name) \(change["old"]?.stringValue ?? "(empty)") → \(change["new"]?.stringValue ?? "(empty)")"
        }.joined(separator: "; ")
    case .withdraw:
      var text = "left the alliance on \(on)"
      if let reason = facts["reason"]?.stringValue { text += " (\(reason))" }
      if !groups.isEmpty { text += "; left the working groups " + list(groups) }
      let resources = facts["resources"]?.arrayValue?.compactMap { $0["title"]?.stringValue } ?? []
      if !resources.isEmpty { text += "; its resources " + list(resources.map(quoted)) + " closed" }
      return text
    case .rejoin:
      return "rejoined the alliance on \(on)" + (groups.isEmpty ? "" : "; working groups: " + list(groups))
    case .groupAdd:
      let founded = facts["established_on"]?.stringValue.flatMap(Day.init(iso:)).map { ", founded \(day($0))" }
      return "added the working group \(facts["name"]?.stringValue ?? "")" + (founded ?? "")
    case .groupJoin:
      let role = facts["role"]?.stringValue.flatMap(GroupRole.init(rawValue:)).map(self.role) ?? ""
      if let previous = facts["previous_role"]?.stringValue.flatMap(GroupRole.init(rawValue:)) {
        return "\(self.role(previous)) → \(role) of \(facts["group"]?.stringValue ?? "") from \(on)"
      }
      return "joined \(facts["group"]?.stringValue ?? "") as \(role) on \(on)"
    case .groupLeave:
      return "left \(facts["group"]?.stringValue ?? "") on \(on)"
    case .agreementAdd:
      let signed = facts["signed_on"]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? ""
      let expires = facts["expires_on"]?.stringValue.flatMap(Day.init(iso:)).map { ", expires \(day($0))" }
      return "signed \(facts["title"]?.stringValue ?? "") on \(signed)" + (expires ?? "")
    case .importFile:
      var text =
        "imported \(facts["file"]?.stringValue ?? ""): \(facts["added"]?.intValue ?? 0) added, "
        + "\(facts["updated"]?.intValue ?? 0) updated"
      let created = facts["groups_created"]?.arrayValue?.compactMap(\.stringValue) ?? []
      if !created.isEmpty { text += ", working groups created: " + list(created) }
      return text
    case .importUpdate:
      return "updated from \(facts["file"]?.stringValue ?? "")"
    case .correctPeriod:
      var parts: [String] = []
      if let joined = facts["joined_on"] { parts.append("joining date \(oldNew(joined))") }
      if let left = facts["left_on"] { parts.append("leaving date \(oldNew(left))") }
      return "corrected period \(facts["period"]?.intValue ?? 1): " + parts.joined(separator: "; ")
    case .remove:
      return "removed \(facts["name"]?.stringValue ?? ""), registered by mistake"
    case .registrySet:
      var parts: [String] = []
      if let value = facts["subdistrict"], value["old"] != value["new"] { parts.append("subdistrict \(oldNew(value))") }
      if let value = facts["district"], value["old"] != value["new"] { parts.append("district \(oldNew(value))") }
      return "changed the registry's details: " + parts.joined(separator: "; ")
    case .meetingAdd, .meetingAttend, .meetingTopic, .meetingDecide, .followupAdd, .followupUpdate:
      return meetingChange(action, facts)
    case .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd, .listImport:
      return listChange(action, facts: facts)
    case .undo:
      var text = "undid: " + actionName(facts["undone_action"]?.stringValue ?? "")
      if let removed = facts["removed_units"]?.intValue { text += " (removed \(removed) imported units)" }
      if let removed = facts["removed"]?.intValue { text += " (removed \(removed) imported rows)" }
      return text
    case .historyPurge:
      let fields = (facts["fields"]?.arrayValue ?? []).compactMap(\.stringValue).map(personalField)
      return "took the \(list(fields)) out of the history (\(facts["entries"]?.intValue ?? 0) entries)"
    }
  }

  func oldNew(_ value: JSONValue) -> String {
    "\(value["old"]?.stringValue ?? "(empty)") → \(value["new"]?.stringValue ?? "(empty)")"
  }

  public func actionName(_ code: String) -> String {
    switch ChangeAction(rawValue: code) {
    case .initialize: "create the registry"
    case .register: "register"
    case .edit: "edit"
    case .withdraw: "withdraw"
    case .rejoin: "rejoin"
    case .groupAdd: "add a working group"
    case .groupJoin: "join a working group"
    case .groupLeave: "leave a working group"
    case .agreementAdd: "record an agreement"
    case .importFile: "import"
    case .importUpdate: "update from a file"
    case .correctPeriod: "correct a period"
    case .remove: "remove a unit"
    case .registrySet: "change the registry's details"
    case .undo: "undo"
    case .historyPurge: "purge personal data from the history"
    case .meetingAdd: "add a joint meeting"
    case .meetingAttend: "record attendance"
    case .meetingTopic: "record a topic"
    case .meetingDecide: "record a decision"
    case .followupAdd: "add a follow-up task"
    case .followupUpdate: "report on a follow-up task"
    case .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd, .listImport:
      listActionName(ChangeAction(rawValue: code) ?? .undo)
    case nil: code
    }
  }

  /// A change to a joint meeting's records, from its facts.
  func meetingChange(_ action: ChangeAction, _ facts: JSONValue) -> String {
    func date(_ key: String) -> String { facts[key]?.stringValue.flatMap(Day.init(iso:)).map(day) ?? "" }
    let meeting = "\(facts["meeting"]?.stringValue ?? "") (\(date("held_on")))"
    let text = quoted(facts["text"]?.stringValue ?? "")
    switch action {
    case .meetingAdd:
      return "added the joint meeting \(meeting)"
    case .meetingAttend:
      let status = facts["status"]?.stringValue.flatMap(AttendanceStatus.init(rawValue:)).map(attendanceStatus) ?? ""
      if let previous = facts["previous_status"]?.stringValue.flatMap(AttendanceStatus.init(rawValue:)) {
        return "\(meeting): \(attendanceStatus(previous)) → \(status)"
      }
      return "\(meeting): \(status)"
    case .meetingTopic:
      let late = facts["days_late"]?.intValue.map { " (\(daysLate($0)))" } ?? ""
      return "raised the topic \(text) for \(meeting) on \(date("raised_on"))\(late)"
    case .meetingDecide:
      let kind = facts["kind"]?.stringValue.flatMap(DecisionKind.init(rawValue:)).map(decisionKind) ?? ""
      return "decision of \(meeting) (\(kind)): \(text)"
    case .followupAdd:
      return
        "follow-up task \(text), due \(date("due_on")) (decision #\(facts["decision_id"]?.intValue ?? 0) of \(meeting))"
    case .followupUpdate:
      let status = facts["status"]?.stringValue.flatMap(FollowupStatus.init(rawValue:)) ?? .open
      let previous = facts["previous_status"]?.stringValue.flatMap(FollowupStatus.init(rawValue:)) ?? .open
      let state =
        status == .done
        ? "done on \(date("on"))" : previous == .done ? "reopened on \(date("on"))" : "still open on \(date("on"))"
      let note = facts["note"]?.stringValue.map { ": \($0)" } ?? ""
      return "follow-up task #\(facts["followup_id"]?.intValue ?? 0) \(text) \(state)\(note)"
    default:
      return actionName(action.rawValue)
    }
  }
}
