import GongjianPresentation
import GongjianRegistry

/// Working groups (专项组): the list with their lead units and member counts, one group's
/// current roster, and the form that adds a group (`group add`).
extension WebServer {
  /// The add-group form's fields, as `group add`'s arguments: (form name, field).
  static func groupFields(_ texts: any Catalogue) -> [(FormField, Field)] {
    [
      (FormField(key: "name", label: texts.field(.groupName), required: true), .groupName),
      (FormField(key: "description", label: texts.field(.groupDescription)), .groupDescription),
      (FormField(key: "established", label: texts.field(.establishedOn), hint: texts.web(.dateHint)), .establishedOn),
    ]
  }

  /// `GET /groups`; after a refused form, the same page with its values and refusals.
  func groupsPage(
    _ viewer: Viewer, values: FormValues = FormValues(), problems: [Field: String] = [:], error: String? = nil
  ) async throws -> Reply {
    let texts = viewer.language.texts
    let groups = try await blocking { try open(.read, by: localName, command: "").groups() }
    let table =
      groups.isEmpty
      ? ""
      : HTMLTable.render(ListingColumns.groups, groups, language: viewer.language) { group, key in
        key == "name" ? "/groups/\(group.id.rawValue)" : nil
      }
    let body = Pages.render(
      "groups",
      [
        "heading": texts.web(.groupsHeading), "empty": groups.isEmpty ? texts.web(.noGroups) : false,
        "table": table, "footer": texts.listCount(.group, groups.count), "mayChange": viewer.mayChange,
        "addHeading": texts.web(.groupAddHeading), "csrf": viewer.session.formToken,
        "fields": Self.groupFields(texts).contexts(values, problems: problems, texts: texts),
        "submit": texts.web(.groupAddSubmit),
      ])
    return Reply(
      status: error == nil ? .ok : .unprocessableContent,
      body: Pages.page(
        viewer, title: texts.web(.groupsHeading), body: body, notice: await notice(viewer), error: error))
  }

  /// `GET /groups/ID`: the members today, each with its role; contacts only for those who may
  /// read them.
  func groupPage(_ viewer: Viewer, id: Int?) async throws -> Reply {
    let texts = viewer.language.texts
    guard let id else {
      return Reply(status: .notFound, body: Pages.message(viewer, heading: "", text: texts.web(.notFound)))
    }
    let detail = try await blocking { try open(.read, by: localName, command: "").groupDetail(GroupID(id)) }
    let hidden: Set<String> = viewer.mayReadContacts ? [] : ["contact", "phone"]
    let columns = ListingColumns.groupRoster.filter { !hidden.contains($0.key) }
    let table =
      detail.memberships.isEmpty
      ? ""
      : HTMLTable.render(columns, detail.memberships, language: viewer.language) { member, key in
        key == "unit" ? "/units/\(member.unit.id.rawValue)" : nil
      }
    let body = Pages.render(
      "group",
      [
        "heading": detail.group.name, "description": detail.group.description ?? false,
        "contactsHidden": viewer.mayReadContacts ? false : texts.web(.contactsHidden),
        "membersHeading": texts.web(.membersHeading),
        "empty": detail.memberships.isEmpty ? texts.webPage(.noMembers) : false, "table": table,
        "footer": texts.listedUnits(detail.memberships.count), "back": texts.web(.groupsHeading),
      ])
    return Reply(body: Pages.page(viewer, title: detail.group.name, body: body, notice: await notice(viewer)))
  }

  /// `POST /groups`: `name`, `description`, `established`, through the registry's `addGroup`.
  func addGroup(_ viewer: Viewer, form: FormValues) async throws -> Reply {
    let texts = viewer.language.texts
    do {
      let author = author(viewer)
      let (group, established) = try await blocking {
        let registry = try open(.write, by: author, command: "POST /groups")
        let established = try day(form["established"], field: .establishedOn, today: registry.today)
        let group = try registry.addGroup(
          NewGroup(name: form["name"] ?? "", description: form.given("description"), establishedOn: established))
        return (group, established)
      }
      await sessions.leaveNotice(texts.groupAdded(group, establishedOn: established), for: viewer.session)
      return Reply(status: .seeOther, location: "/groups/\(group.id.rawValue)")
    } catch let refusal as Refusal {
      var problems = fieldProblems(refusal, texts)
      let message = texts.webRefusal(refusal)
      if case .groupExists = refusal { problems[.groupName] = message }
      return try await groupsPage(viewer, values: form, problems: problems, error: message)
    }
  }
}
