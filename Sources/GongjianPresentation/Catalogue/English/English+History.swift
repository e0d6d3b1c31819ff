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
      return text
    case .rejoin:
      return "rejoined the alliance on \(on)" + (groups.isEmpty ? "" : "; working groups: " + list(groups))
    case .groupAdd:
      let founded = facts["established_on"]?.stringValue.flatMap(Day.init(iso:)).map { ", founded \(day($0))" }
      return "added the working group \(facts["name"]?.stringValue ?? "")" + (founded ?? "")
    case .groupJoin:
      let role = facts["role"]?.stringValue.flatMap(GroupRole.init(rawValue:)).map(self.role) ?? ""
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
    }
  }
}
