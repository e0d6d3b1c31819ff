import GongjianPresentation
import GongjianRegistry

/// The three lists (资源清单, 需求清单, 项目清单): which items to show, the claim buttons on
/// needs and projects not yet finished (`need claim N UNIT`, `project claim P UNIT`), and the
/// form that adds a need (`need add`).
extension WebServer {
  /// Which items a list shows (`show` in the query): the first is the default.
  static let resourceViews = ["offered", "all"]
  static let needViews = ["open", "overdue", "all"]
  static let projectViews = ["unfinished", "all"]

  /// The add-need form's fields, as `need add`'s arguments: (form name, field).
  static func needFields(_ texts: any Catalogue) -> [(FormField, Field)] {
    [
      (FormField(key: "title", label: texts.listField(.title), required: true), .title),
      (FormField(key: "category", label: texts.listField(.category)), .category),
      (FormField(key: "raised-by", label: texts.listField(.raisedBy), hint: texts.webPage(.raisedByHint)), .raisedBy),
      (FormField(key: "raised-on", label: texts.listField(.raisedOn), hint: texts.web(.dateHint)), .raisedOn),
      (FormField(key: "people", label: texts.listField(.people), type: "number"), .people),
      (FormField(key: "deadline", label: texts.listField(.deadline), hint: texts.web(.dateHint)), .deadline),
      (FormField(key: "description", label: texts.listField(.description)), .description),
    ]
  }

  /// The add-resource form's fields, as `resource add`'s arguments: (form name, field). The unit
  /// is typed as on the command line: its id or a unique part of its name.
  static func resourceFields(_ texts: any Catalogue) -> [(FormField, Field)] {
    [
      (FormField(key: "unit", label: texts.listField(.unit), required: true), .unit),
      (FormField(key: "title", label: texts.listField(.title), required: true), .title),
      (FormField(key: "category", label: texts.listField(.category)), .category),
      (FormField(key: "capacity", label: texts.listField(.capacity)), .capacity),
      (FormField(key: "from", label: texts.listField(.availableFrom), hint: texts.web(.dateHint)), .availableFrom),
      (FormField(key: "until", label: texts.listField(.availableUntil), hint: texts.web(.dateHint)), .availableUntil),
      (FormField(key: "contact", label: texts.listField(.contact)), .contact),
      (FormField(key: "description", label: texts.listField(.description)), .description),
    ]
  }

  /// The view asked for, or the default for an unknown one.
  func view(_ query: FormValues, among views: [String]) -> String {
    query["show"].flatMap { views.contains($0) ? $0 : nil } ?? views[0]
  }

  /// The links choosing what a list shows.
  func tabs(_ path: String, _ views: [(String, String)], current: String) -> [[String: Any]] {
    views.enumerated().map { index, view in
      ["address": index == 0 ? path : "\(path)?show=\(view.0)", "label": view.1, "current": view.0 == current]
    }
  }

  /// The page of one list around its table.
  /// The form under a list that adds to it, for those who may change the registry.
  func addForm(
    _ viewer: Viewer, heading: String, action: String, fields: [[String: Any]], submit: String
  ) -> [String: Any]? {
    guard viewer.mayChange else { return nil }
    return [
      "addHeading": heading, "action": action, "csrf": viewer.session.formToken, "fields": fields, "submit": submit,
    ]
  }

  func itemListPage(
    _ viewer: Viewer, heading: String, tabs: [[String: Any]], table: String, count: Int, footer: String,
    form: [String: Any]? = nil, forms: String = "", error: String? = nil
  ) async -> Reply {
    let texts = viewer.language.texts
    let body = Pages.render(
      "itemList",
      [
        "heading": heading, "legend": texts.webPage(.showLegend), "tabs": tabs,
        "empty": count == 0 ? texts.webPage(.noItems) : false, "table": table, "footer": footer,
        "form": form ?? false, "forms": forms,
      ])
    return Reply(
      status: error == nil ? .ok : .unprocessableContent,
      body: Pages.page(viewer, title: heading, body: body, notice: await notice(viewer), error: error))
  }

  /// The units in the alliance today, as the options of a claim's select (escaped here).
  func unitOptions(_ registry: Registry) throws -> String {
    var options = ""
    try registry.forEachUnit(UnitFilter(activeOn: registry.today)) { unit in
      options += "<option value=\"\(unit.id.rawValue)\">\(HTMLTable.escape(unit.name))</option>"
    }
    return options
  }

  /// The units in the alliance today, each followed by the resources it offers: a need is
  /// claimed by a unit, or by a unit with one of its resources (`need claim N --resource R`).
  func claimantOptions(_ registry: Registry, texts: any Catalogue) throws -> String {
    var offered: [UnitID: [Resource]] = [:]
    try registry.forEachResource(ResourceFilter()) { offered[$0.unit.id, default: []].append($0) }
    var options = ""
    try registry.forEachUnit(UnitFilter(activeOn: registry.today)) { unit in
      options += "<option value=\"\(unit.id.rawValue)\">\(HTMLTable.escape(unit.name))</option>"
      for resource in offered[unit.id] ?? [] {
        options +=
          "<option value=\"resource-\(resource.id.rawValue)\">"
          + "\(HTMLTable.escape(texts.webResourceOption(resource.title)))</option>"
      }
    }
    return options
  }

  /// A claim button's form in a list's row: the unit to claim for, and the button.
  func claimForm(_ viewer: Viewer, path: String, id: Int, show: String, options: String) -> String {
    let texts = viewer.language.texts
    let label = HTMLTable.escape(texts.webPage(.claimUnit))
    return "<form method=\"post\" action=\"\(path)/\(id)/claim\">"
      + "<input type=\"hidden\" name=\"csrf\" value=\"\(viewer.session.formToken)\">"
      + "<input type=\"hidden\" name=\"show\" value=\"\(HTMLTable.escape(show))\">"
      + "<select name=\"unit\" id=\"claim-unit-\(id)\" aria-label=\"\(label)\" required>"
      + "<option value=\"\">\(label)</option>\(options)</select>"
      + "<button id=\"claim-\(id)\">\(HTMLTable.escape(texts.webPage(.claimSubmit)))</button></form>"
  }

  // MARK: Resources

  /// `GET /lists/resources?show=offered|all`; after a refused form, the same page with it.
  func resourcesPage(
    _ viewer: Viewer, query: FormValues, values: FormValues = FormValues(), problems: [Field: String] = [:],
    error: String? = nil
  ) async throws -> Reply {
    let texts = viewer.language.texts
    let show = view(query, among: Self.resourceViews)
    let rows = try await blocking {
      var rows: [Resource] = []
      try open(.read, by: localName, command: "").forEachResource(ResourceFilter(all: show == "all")) {
        rows.append($0)
      }
      return rows
    }
    let table =
      rows.isEmpty
      ? ""
      : HTMLTable.render(ListsColumns.resources, rows, language: viewer.language) { row, key in
        key == "unit" ? "/units/\(row.unit.id.rawValue)" : nil
      }
    let views = [("offered", texts.webPage(.showOffered)), ("all", texts.webPage(.showEverything))]
    let form = addForm(
      viewer, heading: texts.webPage(.resourceAddHeading), action: "/resources",
      fields: Self.resourceFields(texts).contexts(values, problems: problems, texts: texts),
      submit: texts.webPage(.resourceAddSubmit))
    return await itemListPage(
      viewer, heading: Pages.label(texts.listName(.resources)), tabs: tabs("/lists/resources", views, current: show),
      table: table,
      count: rows.count, footer: texts.listCount(.resource, rows.count), form: form, error: error)
  }

  /// `POST /resources`: the fields of `resource add`, through the registry's `addResource`.
  func addResource(_ viewer: Viewer, form: FormValues) async throws -> Reply {
    let texts = viewer.language.texts
    do {
      let author = author(viewer)
      let resource = try await blocking {
        let registry = try open(.write, by: author, command: "POST /resources")
        let today = registry.today
        let unit: UnitReference
        do {
          unit = try registry.resolveUnit(form["unit"] ?? "")
        } catch let refusal as Refusal {
          throw FieldRefused(field: .unit, refusal: refusal)
        }
        let input = NewResource(
          unit: unit.id, title: form["title"] ?? "", category: form.given("category"), capacity: form.given("capacity"),
          contact: form.given("contact"), description: form.given("description"),
          availableFrom: try day(form["from"], field: .availableFrom, today: today),
          availableUntil: try day(form["until"], field: .availableUntil, today: today))
        return try registry.addResource(input)
      }
      await sessions.leaveNotice(texts.resourceAdded(resource), for: viewer.session)
      return Reply(status: .seeOther, location: "/lists/resources")
    } catch let refused as FieldRefused {
      let message = texts.webRefusal(refused.refusal)
      return try await resourcesPage(
        viewer, query: FormValues(), values: form, problems: [refused.field: message], error: message)
    } catch let refusal as Refusal {
      return try await resourcesPage(
        viewer, query: FormValues(), values: form, problems: fieldProblems(refusal, texts),
        error: texts.webRefusal(refusal))
    }
  }

  // MARK: Needs

  /// `GET /lists/needs?show=open|overdue|all`; after a refused claim or form, the same page
  /// with the refusal.
  func needsPage(
    _ viewer: Viewer, query: FormValues, values: FormValues = FormValues(), problems: [Field: String] = [:],
    error: String? = nil
  ) async throws -> Reply {
    let texts = viewer.language.texts
    let show = view(query, among: Self.needViews)
    let filter =
      switch show {
      case "overdue": NeedFilter(overdue: true)
      case "all": NeedFilter()
      default: NeedFilter(status: .open)
      }
    let mayChange = viewer.mayChange
    let language = viewer.language
    let (rows, options) = try await blocking {
      let registry = try open(.read, by: localName, command: "")
      var rows: [Need] = []
      try registry.forEachNeed(filter) { rows.append($0) }
      return (rows, mayChange ? try claimantOptions(registry, texts: language.texts) : "")
    }
    let action =
      mayChange
      ? HTMLTable.Action<Need>(heading: texts.webPage(.claimColumn)) { need in
        need.status.isFinal
          ? "" : claimForm(viewer, path: "/needs", id: need.id.rawValue, show: show, options: options)
      } : nil
    let table =
      rows.isEmpty
      ? ""
      : HTMLTable.render(ListsColumns.needs, rows, language: viewer.language, action: action)
    let views = [
      ("open", texts.webPage(.showOpenNeeds)), ("overdue", texts.webPage(.showOverdueNeeds)),
      ("all", texts.webPage(.showEverything)),
    ]
    let form = addForm(
      viewer, heading: texts.webPage(.needAddHeading), action: "/needs",
      fields: Self.needFields(texts).contexts(values, problems: problems, texts: texts),
      submit: texts.webPage(.needAddSubmit))
    return await itemListPage(
      viewer, heading: Pages.label(texts.listName(.needs)), tabs: tabs("/lists/needs", views, current: show),
      table: table,
      count: rows.count, footer: texts.listCount(.need, rows.count), form: form, error: error)
  }

  /// `POST /needs`: the fields of `need add`, through the registry's `addNeed`.
  func addNeed(_ viewer: Viewer, form: FormValues) async throws -> Reply {
    let texts = viewer.language.texts
    do {
      let author = author(viewer)
      let need = try await blocking {
        let registry = try open(.write, by: author, command: "POST /needs")
        let today = registry.today
        var raiser = NeedRaiserInput.centre
        if let raisedBy = form.given("raised-by") {
          raiser = try registry.unitOrOutsider(raisedBy).map { .unit($0.id) } ?? .other(raisedBy)
        }
        let input = NewNeed(
          title: form["title"] ?? "", category: form.given("category"), description: form.given("description"),
          raisedBy: raiser, raisedOn: try day(form["raised-on"], field: .raisedOn, today: today),
          people: try count(form, "people"), deadline: try day(form["deadline"], field: .deadline, today: today))
        return try registry.addNeed(input)
      }
      await sessions.leaveNotice(texts.needAdded(need), for: viewer.session)
      return Reply(status: .seeOther, location: "/lists/needs")
    } catch let refusal as Refusal {
      return try await needsPage(
        viewer, query: FormValues(), values: form, problems: fieldProblems(refusal, texts),
        error: texts.webRefusal(refusal))
    }
  }

  // MARK: Projects

  /// `GET /lists/projects?show=unfinished|all`; after a refused claim, the same page with it.
  func projectsPage(_ viewer: Viewer, query: FormValues, error: String? = nil, failed: FailedForm? = nil)
    async throws -> Reply
  {
    let texts = viewer.language.texts
    let show = view(query, among: Self.projectViews)
    let mayChange = viewer.mayChange
    let (rows, options, forms) = try await blocking {
      let registry = try open(.read, by: localName, command: "")
      var rows: [Project] = []
      var every: [Project] = []
      try registry.forEachProject(ProjectFilter()) { project in
        every.append(project)
        if show == "all" || !project.status.isFinal { rows.append(project) }
      }
      guard mayChange else { return (rows, "", "") }
      return (
        rows, try unitOptions(registry),
        try projectForms(registry, projects: every, viewer: viewer, failed: failed)
      )
    }
    let action =
      mayChange
      ? HTMLTable.Action<Project>(heading: texts.webPage(.projectColumn)) { project in
        project.status.isFinal
          ? ""
          : claimForm(viewer, path: "/projects", id: project.id.rawValue, show: show, options: options)
            + stepForm(viewer, project: project, show: show)
      } : nil
    let table =
      rows.isEmpty
      ? ""
      : HTMLTable.render(
        ListsColumns.projects, rows, language: viewer.language,
        link: { project, key in key == "lead" ? project.lead.map { "/units/\($0.id.rawValue)" } : nil },
        action: action)
    let views = [("unfinished", texts.webPage(.showUnfinishedProjects)), ("all", texts.webPage(.showEverything))]
    return await itemListPage(
      viewer, heading: Pages.label(texts.listName(.projects)), tabs: tabs("/lists/projects", views, current: show),
      table: table,
      count: rows.count, footer: texts.listCount(.project, rows.count), forms: forms, error: error ?? failed?.message)
  }

  // MARK: Claims

  /// `POST /needs/ID/claim` and `POST /projects/ID/claim`: `unit` (its id) claims the item
  /// today, through the registry's `claimNeed` or `claimProject`; back to the list with a
  /// notice, or the list again with the refusal.
  func claim(_ viewer: Viewer, kind: EntityKind, id: Int?, form: FormValues) async throws -> Reply {
    let texts = viewer.language.texts
    let views = kind == .need ? Self.needViews : Self.projectViews
    let show = view(form, among: views)
    let back = FormValues([("show", show)])
    let list = (kind == .need ? "/lists/needs" : "/lists/projects") + (show == views[0] ? "" : "?show=\(show)")
    do {
      guard let id else { throw Refusal.noSuchID(kind, id: 0) }
      guard let unitText = form.given("unit") else { throw Refusal.invalid(.unit, .missing) }
      let resource = kind == .need ? Self.resourceClaimant(unitText) : nil
      guard let unit = Int(unitText) ?? resource else { throw BadQuery() }
      let author = author(viewer)
      let claim = try await blocking {
        let registry = try open(
          .write, by: author, command: kind == .need ? "POST /needs/claim" : "POST /projects/claim")
        if let resource {
          return try registry.claimResource(NeedID(id), resource: ResourceID(resource), on: registry.today)
        }
        return kind == .need
          ? try registry.claimNeed(NeedID(id), unit: UnitID(unit), on: registry.today)
          : try registry.claimProject(ProjectID(id), unit: UnitID(unit), on: registry.today)
      }
      await sessions.leaveNotice(texts.claimed(claim), for: viewer.session)
      return Reply(status: .seeOther, location: list)
    } catch let refusal as Refusal {
      let message = texts.webRefusal(refusal)
      return kind == .need
        ? try await needsPage(viewer, query: back, error: message)
        : try await projectsPage(viewer, query: back, error: message)
    }
  }
}

extension WebServer {
  /// The resource chosen in a need's claim (`resource-12`), if one was.
  static func resourceClaimant(_ value: String) -> Int? {
    guard value.hasPrefix("resource-") else { return nil }
    return Int(value.dropFirst("resource-".count))
  }
}

/// A refusal about what one field names (the unit typed in a form), shown next to it.
struct FieldRefused: Error {
  var field: Field
  var refusal: Refusal
}
