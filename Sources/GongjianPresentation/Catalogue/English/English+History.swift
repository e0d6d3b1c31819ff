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
    case .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd, .listImport:
      return listChange(action, facts: facts)
    case .undo:
      var text = "undid: " + actionName(facts["undone_action"]?.stringValue ?? "")
      if let removed = facts["removed_units"]?.intValue { text += " (removed \(removed) imported units)" }
      if let removed = facts["removed"]?.intValue { text += " (removed \(removed) imported rows)" }
      return text
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
    case .resourceAdd, .resourceEdit, .resourceWithdraw, .needAdd, .needClaim, .needClose, .projectAdd, .projectClaim,
      .projectStart, .projectFinish, .projectDrop, .activityAdd, .listImport:
      listActionName(ChangeAction(rawValue: code) ?? .undo)
    case nil: code
    }
  }
}
