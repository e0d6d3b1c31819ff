import GongjianRegistry

/// One resource, need or project on a page of text (`resource show`, `need show`,
/// `project show`), and their JSON objects.
public enum ListSheet {
  public static func resource(_ detail: ResourceDetail, today: Day, language: Language) -> String {
    let texts = language.texts
    let resource = detail.resource
    var text = "\(texts.item(resource.reference))\n"
    text += fields(
      [
        (.status, texts.resourceState(resource, today: today)), (.unit, texts.unit(resource.unit)),
        (.category, resource.category), (.capacity, resource.capacity),
        (.availability, texts.availability(resource)),
        (.contact, resource.contact), (.description, resource.description),
      ], texts)
    text += "\n" + texts.listSheetLabel(.claims) + "\n"
    text += detail.claims.isEmpty ? "  \(texts.listSheetLabel(.none))\n" : lines(detail.claims.map(texts.claimLine))
    text += "\n" + texts.listSheetLabel(.projects) + "\n"
    text += detail.projects.isEmpty ? "  \(texts.listSheetLabel(.none))\n" : lines(detail.projects.map(texts.item))
    return TerminalText.sanitize(text)
  }

  public static func need(_ detail: NeedDetail, language: Language) -> String {
    let texts = language.texts
    let need = detail.need
    var text = "\(texts.item(need.reference))\n"
    text += fields(
      [
        (.status, "\(texts.needStatus(need.status))（\(need.statusOn.iso)）"), (.category, need.category),
        (.raisedBy, texts.needRaiser(need.raisedBy) + "  " + need.raisedOn.iso),
        (.people, need.people.map(String.init)),
        (.deadline, need.deadline?.iso), (.description, need.description),
      ], texts)
    text += "\n" + texts.listSheetLabel(.claims) + "\n"
    text += detail.claims.isEmpty ? "  \(texts.listSheetLabel(.none))\n" : lines(detail.claims.map(texts.claimLine))
    text += "\n" + texts.listSheetLabel(.statuses) + "\n"
    text += lines(detail.statuses.map { "\($0.on.iso)  \(texts.needStatus($0.status))" })
    text += "\n" + texts.listSheetLabel(.projects) + "\n"
    text += detail.projects.isEmpty ? "  \(texts.listSheetLabel(.none))\n" : lines(detail.projects.map(texts.item))
    return TerminalText.sanitize(text)
  }

  public static func project(_ detail: ProjectDetail, language: Language) -> String {
    let texts = language.texts
    let project = detail.project
    var text = "\(texts.item(project.reference))\n"
    let planned = (project.startOn?.iso ?? "") + " – " + (project.endOn?.iso ?? "")
    let service = texts.serviceTotals(
      activities: detail.activities, volunteers: detail.volunteers, hours: detail.hours, served: detail.served)
    text += fields(
      [
        (.status, "\(texts.projectStatus(project.status))（\(project.statusOn.iso)）"), (.category, project.category),
        (.level, project.level), (.lead, project.lead.map(texts.unit)),
        (.units, project.units.isEmpty ? nil : texts.list(project.units.map(\.name))),
        (.needs, project.needs.isEmpty ? nil : texts.list(project.needs.map(texts.item))),
        (.resources, project.resources.isEmpty ? nil : texts.list(project.resources.map(texts.item))),
        (.planned, project.startOn == nil && project.endOn == nil ? nil : planned), (.service, service),
        (.description, project.description),
      ], texts)
    text += "\n" + texts.listSheetLabel(.claims) + "\n"
    text += detail.claims.isEmpty ? "  \(texts.listSheetLabel(.none))\n" : lines(detail.claims.map(texts.claimLine))
    text += "\n" + texts.listSheetLabel(.statuses) + "\n"
    text += lines(detail.statuses.map { "\($0.on.iso)  \(texts.projectStatus($0.status))" })
    return TerminalText.sanitize(text)
  }

  static func fields(_ fields: [(ListSheetLabel, String?)], _ texts: any Catalogue) -> String {
    let shown = fields.compactMap { label, value in value.map { (label, $0) } }
    let width = shown.map { DisplayWidth.of(texts.listSheetLabel($0.0)) }.max() ?? 0
    return shown.map { "  \(DisplayWidth.pad(texts.listSheetLabel($0.0), to: width)) \(TerminalText.cell($0.1))\n" }
      .joined()
  }

  static func lines(_ items: [String]) -> String {
    items.map { "  \(TerminalText.cell($0))\n" }.joined()
  }

  // MARK: - JSON

  public static func resourceJSON(_ detail: ResourceDetail) -> JSONValue {
    var pairs = jsonPairs(ListsColumns.resources, detail.resource)
    pairs.append(("claims", .array(detail.claims.map { jsonObject(ListsColumns.claims, $0) })))
    pairs.append(("projects", .array(detail.projects.map(itemJSON))))
    return .object(JSONValue.KeyValuePairs(pairs))
  }

  public static func needJSON(_ detail: NeedDetail) -> JSONValue {
    var pairs = jsonPairs(ListsColumns.needs, detail.need)
    pairs.append(("claims", .array(detail.claims.map { jsonObject(ListsColumns.claims, $0) })))
    pairs.append(("statuses", .array(detail.statuses.map { statusJSON($0.status.rawValue, $0.on) })))
    pairs.append(("projects", .array(detail.projects.map(itemJSON))))
    return .object(JSONValue.KeyValuePairs(pairs))
  }

  public static func projectJSON(_ detail: ProjectDetail) -> JSONValue {
    var pairs = jsonPairs(ListsColumns.projects, detail.project)
    pairs.append(("claims", .array(detail.claims.map { jsonObject(ListsColumns.claims, $0) })))
    pairs.append(("statuses", .array(detail.statuses.map { statusJSON($0.status.rawValue, $0.on) })))
    pairs.append(
      (
        "service",
        .object([
          "activities": .int(detail.activities), "volunteers": .int(detail.volunteers),
          "hours": .double(detail.hours), "served": .int(detail.served),
        ])
      ))
    return .object(JSONValue.KeyValuePairs(pairs))
  }

  static func statusJSON(_ status: String, _ on: Day) -> JSONValue {
    .object(["status": .string(status), "on": .string(on.iso)])
  }

  static func itemJSON(_ item: ItemReference) -> JSONValue {
    .object(["id": .int(item.id), "title": .string(item.title)])
  }
}
