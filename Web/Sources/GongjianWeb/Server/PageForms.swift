import GongjianPresentation
import GongjianRegistry

/// A form on the pages beyond a unit's (meetings, follow-ups, projects): the prefix of its
/// elements' ids, the form field that shows each field's problem, and where any other refusal
/// is shown. Its fields are named as the command line's arguments and options.
struct PageForm: Sendable, Equatable {
  var id: String
  var keys: [Field: String]
  var fallback: String

  static let meetingAdd = PageForm(
    id: "meeting-add",
    keys: [.meetingTitle: "title", .heldOn: "on", .place: "place", .chair: "chair", .recorder: "recorder"],
    fallback: "on")
  static let attend = PageForm(id: "attend", keys: [.unit: "unit", .units: "unit"], fallback: "unit")
  static let topic = PageForm(id: "topic", keys: [.topicText: "text", .raisedOn: "on", .unit: "by"], fallback: "text")
  static let decide = PageForm(id: "decide", keys: [.decisionText: "text"], fallback: "text")
  static let followupAdd = PageForm(
    id: "followup-add", keys: [.followupText: "text", .dueOn: "due", .unit: "unit"], fallback: "due")
  static let followupUpdate = PageForm(
    id: "followup-update", keys: [.reportedOn: "on", .reportNote: "note", .status: "status"], fallback: "followup")
  static let projectAdd = PageForm(
    id: "project-add",
    keys: [
      .title: "title", .category: "category", .level: "level", .description: "description", .lead: "lead",
      .needs: "need", .resources: "resource", .startOn: "start", .endOn: "end", .proposedOn: "on",
    ],
    fallback: "title")
  static let activityAdd = PageForm(
    id: "activity-add",
    keys: [
      .project: "project", .projectID: "project", .happenedOn: "on", .unit: "unit", .units: "unit",
      .volunteers: "volunteers", .hours: "hours", .served: "served", .note: "note",
    ],
    fallback: "project")
}

/// A page form that was refused: what was sent, the messages next to its fields, and the
/// whole message at the top of the page.
struct FailedForm: Sendable {
  var form: PageForm
  var values: FormValues
  var problems: [String: String]
  var message: String

  /// The values and problems to show a form with: what was sent when it is the refused one.
  func shown(_ form: PageForm, defaults: FormValues) -> (values: FormValues, problems: [String: String], open: Bool) {
    self.form == form ? (values, problems, true) : (defaults, [:], false)
  }
}

extension Optional where Wrapped == FailedForm {
  func shown(_ form: PageForm, defaults: FormValues = FormValues()) -> (
    values: FormValues, problems: [String: String], open: Bool
  ) {
    self?.shown(form, defaults: defaults) ?? (defaults, [:], false)
  }
}

/// What a form's change answers: the notice to show, and the page to go back to.
struct FormDone: Sendable {
  var notice: String
  var location: String
}

extension WebServer {
  /// A page form sent: the change made through the registry function the command line's
  /// command uses, recorded under the viewer's name, then back (303) with a notice; a refusal
  /// shows the page again (422) with the form as sent and the message next to its field, the
  /// registry unchanged.
  func submit(
    _ viewer: Viewer, _ pageForm: PageForm, values: FormValues, command: String,
    change: @escaping @Sendable (Registry, any Catalogue) throws -> FormDone,
    refused: (FailedForm) async throws -> Reply
  ) async throws -> Reply {
    if let refusal = changeRefusal(viewer) { return refusal }
    let texts = viewer.language.texts
    let language = viewer.language
    let author = author(viewer)
    do {
      let done = try await blocking { try change(try open(.write, by: author, command: command), language.texts) }
      await sessions.leaveNotice(done.notice, for: viewer.session)
      return Reply(status: .seeOther, location: done.location)
    } catch let named as FieldRefused {
      let message = texts.webRefusal(named.refusal)
      let key = pageForm.keys[named.field] ?? pageForm.fallback
      return try await refused(FailedForm(form: pageForm, values: values, problems: [key: message], message: message))
    } catch let refusal as Refusal {
      let problems = FormProblems.place(refusal, keys: pageForm.keys, fallback: pageForm.fallback, texts: texts)
      let message = texts.webRefusal(refusal)
      return try await refused(FailedForm(form: pageForm, values: values, problems: problems, message: message))
    }
  }

  /// A form of these pages, folded away unless it was just refused.
  func pageForm(
    _ viewer: Viewer, _ form: PageForm, action: String, heading: WebPageText, submit: WebPageText,
    fields: [ChangeField], failed: FailedForm?, defaults: FormValues = FormValues()
  ) -> String {
    let texts = viewer.language.texts
    let shown = failed.shown(form, defaults: defaults)
    return Pages.form(
      viewer, id: form.id, action: action, heading: texts.webPage(heading), submit: texts.webPage(submit),
      fields: fields, values: shown.values, problems: shown.problems, open: shown.open)
  }

  /// Resolves what a field names (a unit, a project…) as the command line does; a refusal is
  /// shown next to that field.
  func named<T>(_ field: Field, _ resolve: () throws -> T) throws -> T {
    do {
      return try resolve()
    } catch let refusal as Refusal {
      throw FieldRefused(field: field, refusal: refusal)
    }
  }

  /// The units in the alliance on a day (today by default), as a select's choices (`#id`, name).
  func unitChoices(_ registry: Registry, on day: Day? = nil) throws -> [(String, String)] {
    var choices: [(String, String)] = []
    try registry.forEachUnit(UnitFilter(activeOn: day ?? registry.today)) { unit in
      choices.append(("#\(unit.id.rawValue)", unit.name))
    }
    return choices
  }

  /// A number typed in a form (`volunteers`, `hours`): nil when empty; refused next to its
  /// field when it is not one.
  func number<T: LosslessStringConvertible>(_ form: FormValues, _ name: String, field: Field, as: T.Type) throws
    -> T?
  {
    guard let text = form.given(name) else { return nil }
    guard let value = T(text.filter { $0 != " " }) else { throw Refusal.invalid(field, .lists(.notANumber(text))) }
    return value
  }

  // MARK: Meetings

  /// `POST /meetings`: `meeting add`'s fields, through the registry's `addMeeting`; on to the
  /// new meeting's page.
  func addMeeting(_ viewer: Viewer, form: FormValues) async throws -> Reply {
    try await submit(viewer, .meetingAdd, values: form, command: "POST /meetings") { registry, texts in
      guard let on = try day(form["on"], field: .heldOn, today: registry.today) else {
        throw Refusal.invalid(.heldOn, .missing)
      }
      let meeting = try registry.addMeeting(
        NewMeeting(
          title: form["title"] ?? "", heldOn: on, place: form.given("place"), chair: form.given("chair"),
          recorder: form.given("recorder")))
      return FormDone(notice: texts.meetingAdded(meeting), location: "/meetings/\(meeting.id.rawValue)")
    } refused: { failed in
      try await meetingsPage(viewer, failed: failed)
    }
  }

  /// `POST /meetings/ID/attend|topics|decisions|followups`: `meeting attend`, `meeting topic`,
  /// `meeting decide` and `followup add` for this meeting; back to its page.
  func changeMeeting(_ viewer: Viewer, id: Int?, form pageForm: PageForm, values form: FormValues) async throws
    -> Reply
  {
    guard let id else {
      let texts = viewer.language.texts
      return Reply(status: .notFound, body: Pages.message(viewer, heading: "", text: texts.web(.notFound)))
    }
    let back = "/meetings/\(id)"
    let command = "POST " + back + "/" + pageForm.id
    return try await submit(viewer, pageForm, values: form, command: command) { registry, texts in
      let meeting = MeetingID(id)
      let today = registry.today
      switch pageForm {
      case .attend:
        guard let typed = form.given("status"), let status = AttendanceStatus(typed: typed) else {
          throw BadQuery()
        }
        let units = try named(.units) { try form.all("unit").map { try registry.resolveUnit($0).id } }
        guard !units.isEmpty else { throw Refusal.invalid(.units, .missing) }
        let result = try registry.recordAttendance(meeting: meeting, units: units, status: status)
        return FormDone(notice: texts.attendanceRecorded(result), location: back)
      case .topic:
        let on = try day(form["on"], field: .raisedOn, today: today)
        let unit = try named(.unit) { try form.given("by").map { try registry.resolveUnit($0).id } }
        let result = try registry.addTopic(meeting: meeting, text: form["text"] ?? "", by: unit, raisedOn: on)
        let late = result.topic.daysLate != nil ? "\n" + texts.topicLate(result) : ""
        return FormDone(notice: texts.topicRecorded(result) + late, location: back)
      case .decide:
        var kind = DecisionKind.other
        if let typed = form.given("kind") {
          guard let chosen = DecisionKind(typed: typed) else { throw BadQuery() }
          kind = chosen
        }
        let decision = try registry.decide(meeting: meeting, text: form["text"] ?? "", kind: kind)
        return FormDone(notice: texts.webDecisionRecorded(decision, kind: kind), location: back)
      default:
        guard let due = try day(form["due"], field: .dueOn, today: today) else {
          throw Refusal.invalid(.dueOn, .missing)
        }
        guard let decisionText = form.given("decision") else { throw Refusal.invalid(.decisionText, .missing) }
        let decision = try registry.resolveDecision(decisionText).id
        let unit = try named(.unit) { try registry.resolveUnit(form["unit"] ?? "").id }
        let followup = try registry.addFollowup(decision: decision, text: form["text"] ?? "", unit: unit, dueOn: due)
        return FormDone(notice: texts.followupRecorded(followup), location: back)
      }
    } refused: { failed in
      try await meetingPage(viewer, id: id, failed: failed)
    }
  }

  /// The forms under a meeting: attendance, a topic, a decision, and a follow-up of one of its
  /// decisions.
  func meetingForms(_ registry: Registry, detail: MeetingDetail, viewer: Viewer, failed: FailedForm?) throws
    -> String
  {
    let texts = viewer.language.texts
    let none = ("", texts.webPage(.noChoice))
    let choose = ("", texts.webPage(.pleaseChoose))
    let action = "/meetings/\(detail.summary.id.rawValue)/"
    let units = try unitChoices(registry)
    let members = try unitChoices(registry, on: min(detail.summary.heldOn, registry.today))
    let dateHint = texts.web(.dateHint)
    var html = pageForm(
      viewer, .attend, action: action + "attend", heading: .attendHeading, submit: .attendSubmit,
      fields: [
        ChangeField(key: "unit", label: texts.webPage(.attendUnits), kind: .choices(members), required: true),
        ChangeField(
          key: "status", label: texts.webPage(.attendStatus),
          kind: .select(AttendanceStatus.allCases.map { ($0.rawValue, texts.attendanceStatus($0)) }), required: true),
      ],
      failed: failed)
    html += pageForm(
      viewer, .topic, action: action + "topics", heading: .topicHeading, submit: .topicSubmit,
      fields: [
        ChangeField(key: "text", label: Pages.label(texts.field(.topicText)), required: true),
        ChangeField(key: "by", label: texts.webPage(.topicBy), kind: .select([none] + members)),
        ChangeField(key: "on", label: Pages.label(texts.field(.raisedOn)), hint: texts.web(.defaultToday)),
      ],
      failed: failed)
    html += pageForm(
      viewer, .decide, action: action + "decisions", heading: .decideHeading, submit: .decideSubmit,
      fields: [
        ChangeField(key: "text", label: Pages.label(texts.field(.decisionText)), required: true),
        ChangeField(
          key: "kind", label: texts.webPage(.decisionKind),
          kind: .select(DecisionKind.allCases.map { ($0.rawValue, texts.decisionKind($0)) })),
      ],
      failed: failed, defaults: FormValues([("kind", DecisionKind.other.rawValue)]))
    if !detail.decisions.isEmpty || failed?.form == .followupAdd {
      html += pageForm(
        viewer, .followupAdd, action: action + "followups", heading: .followupAddHeading,
        submit: .followupAddSubmit,
        fields: [
          ChangeField(
            key: "decision", label: texts.webPage(.followupDecision),
            kind: .select(detail.decisions.map { ("#\($0.id.rawValue)", $0.text) }), required: true),
          ChangeField(key: "text", label: Pages.label(texts.field(.followupText)), required: true),
          ChangeField(
            key: "unit", label: texts.webPage(.followupUnit), kind: .select([choose] + units), required: true),
          ChangeField(key: "due", label: Pages.label(texts.field(.dueOn)), required: true, hint: dateHint),
        ],
        failed: failed)
    }
    return html
  }

  // MARK: Follow-ups

  /// `POST /followups/update`: `followup update`'s fields, through the registry's
  /// `updateFollowup`; back to the follow-ups.
  func updateFollowup(_ viewer: Viewer, form: FormValues) async throws -> Reply {
    try await submit(viewer, .followupUpdate, values: form, command: "POST /followups/update") { registry, texts in
      guard let typed = form.given("status"), let status = FollowupStatus(typed: typed) else { throw BadQuery() }
      let on = try day(form["on"], field: .reportedOn, today: registry.today)
      guard let followupText = form.given("followup") else { throw Refusal.invalid(.followupText, .missing) }
      let id = try registry.resolveFollowup(followupText).id
      let result = try registry.updateFollowup(id, status: status, on: on, note: form.given("note"))
      return FormDone(notice: texts.followupReported(result), location: "/followups")
    } refused: { failed in
      try await followupsPage(viewer, query: FormValues(), failed: failed)
    }
  }

  /// The form that reports a follow-up's progress, for the follow-ups shown.
  func followupForm(_ viewer: Viewer, rows: [Followup], failed: FailedForm?) -> String {
    let texts = viewer.language.texts
    let choices = rows.map { ("#\($0.id.rawValue)", texts.webItemOfUnit($0.text, unit: $0.unit.name)) }
    guard !choices.isEmpty || failed?.form == .followupUpdate else { return "" }
    return pageForm(
      viewer, .followupUpdate, action: "/followups/update", heading: .followupUpdateHeading,
      submit: .followupUpdateSubmit,
      fields: [
        ChangeField(key: "followup", label: texts.webPage(.followupChoice), kind: .select(choices), required: true),
        ChangeField(
          key: "status", label: texts.webPage(.followupStatus),
          kind: .select(FollowupStatus.allCases.map { ($0.rawValue, texts.followupStatus($0)) }), required: true),
        ChangeField(key: "on", label: Pages.label(texts.field(.reportedOn)), hint: texts.web(.defaultToday)),
        ChangeField(key: "note", label: Pages.label(texts.field(.reportNote))),
      ],
      failed: failed, defaults: FormValues([("status", FollowupStatus.done.rawValue)]))
  }

  // MARK: Projects and their service records

  /// `POST /projects`: `project add`'s fields (one need, one resource, any units), through the registry's
  /// `addProject`.
  func addProject(_ viewer: Viewer, form: FormValues) async throws -> Reply {
    try await submit(viewer, .projectAdd, values: form, command: "POST /projects") { registry, texts in
      let today = registry.today
      let input = NewProject(
        title: form["title"] ?? "", category: form.given("category"), level: form.given("level"),
        description: form.given("description"),
        needs: try named(.needs) { try form.all("need").map { NeedID(try registry.resolveNeed($0).id) } },
        resources: try named(.resources) {
          try form.all("resource").map { ResourceID(try registry.resolveResource($0).id) }
        },
        lead: try named(.lead) { try form.given("lead").map { try registry.resolveUnit($0).id } },
        units: try named(.units) { try form.all("unit").map { try registry.resolveUnit($0).id } },
        startOn: try day(form["start"], field: .startOn, today: today),
        endOn: try day(form["end"], field: .endOn, today: today),
        proposedOn: try day(form["on"], field: .proposedOn, today: today))
      return FormDone(notice: texts.projectAdded(try registry.addProject(input)), location: "/lists/projects")
    } refused: { failed in
      try await projectsPage(viewer, query: FormValues(), failed: failed)
    }
  }

  /// `POST /activities`: `activity add`'s fields (any units taking part), through the
  /// registry's `addActivity`.
  func addActivity(_ viewer: Viewer, form: FormValues) async throws -> Reply {
    try await submit(viewer, .activityAdd, values: form, command: "POST /activities") { registry, texts in
      guard let on = try day(form["on"], field: .happenedOn, today: registry.today) else {
        throw Refusal.invalid(.happenedOn, .missing)
      }
      let input = NewActivity(
        project: try named(.project) { ProjectID(try registry.resolveProject(form["project"] ?? "").id) }, on: on,
        units: try named(.units) { try form.all("unit").map { try registry.resolveUnit($0).id } },
        volunteers: try number(form, "volunteers", field: .volunteers, as: Int.self),
        hours: try number(form, "hours", field: .hours, as: Double.self),
        served: try number(form, "served", field: .served, as: Int.self), note: form.given("note"))
      return FormDone(notice: texts.activityAdded(try registry.addActivity(input)), location: "/lists/projects")
    } refused: { failed in
      try await projectsPage(viewer, query: FormValues(), failed: failed)
    }
  }

  /// `POST /projects/ID/step`: `project start|finish|drop` today, through the registry's
  /// `advanceProject`; back to the list with a notice, or the list again with the refusal.
  func advanceProject(_ viewer: Viewer, id: Int?, form: FormValues) async throws -> Reply {
    if let refusal = changeRefusal(viewer) { return refusal }
    let texts = viewer.language.texts
    let show = view(form, among: Self.projectViews)
    let list = "/lists/projects" + (show == Self.projectViews[0] ? "" : "?show=\(show)")
    do {
      guard let id else { throw Refusal.noSuchID(.project, id: 0) }
      guard let typed = form.given("step"), let step = ProjectStep(rawValue: typed) else { throw BadQuery() }
      let author = author(viewer)
      let project = try await blocking {
        let registry = try open(.write, by: author, command: "POST /projects/step")
        return try registry.advanceProject(ProjectID(id), step, on: registry.today)
      }
      await sessions.leaveNotice(texts.projectAdvanced(project), for: viewer.session)
      return Reply(status: .seeOther, location: list)
    } catch let refusal as Refusal {
      return try await projectsPage(
        viewer, query: FormValues([("show", show)]), error: texts.webRefusal(refusal))
    }
  }

  /// A project's step form in its row: the next step and the button.
  func stepForm(_ viewer: Viewer, project: Project, show: String) -> String {
    let texts = viewer.language.texts
    let steps: [ProjectStep] = project.status == .running ? [.finish, .drop] : [.start, .drop]
    let label = HTMLTable.escape(texts.webPage(.projectStepLabel))
    let id = project.id.rawValue
    return "<form method=\"post\" action=\"/projects/\(id)/step\">"
      + "<input type=\"hidden\" name=\"csrf\" value=\"\(viewer.session.formToken)\">"
      + "<input type=\"hidden\" name=\"show\" value=\"\(HTMLTable.escape(show))\">"
      + "<select name=\"step\" id=\"step-choice-\(id)\" aria-label=\"\(label)\">"
      + steps.map { "<option value=\"\($0.rawValue)\">\(HTMLTable.escape(texts.webProjectStep($0)))</option>" }
      .joined()
      + "</select><button id=\"step-\(id)\">\(HTMLTable.escape(texts.webPage(.projectStepSubmit)))</button></form>"
  }

  /// The forms under the projects: a new project, and a service record of one.
  func projectForms(_ registry: Registry, projects: [Project], viewer: Viewer, failed: FailedForm?) throws -> String {
    let texts = viewer.language.texts
    let none = ("", texts.webPage(.noChoice))
    let units = try unitChoices(registry)
    let dateHint = texts.web(.dateHint)
    var needs: [(String, String)] = []
    try registry.forEachNeed(NeedFilter()) { need in
      if !need.status.isFinal { needs.append(("#\(need.id.rawValue)", need.title)) }
    }
    var resources: [(String, String)] = []
    try registry.forEachResource(ResourceFilter()) { resource in
      resources.append(("#\(resource.id.rawValue)", texts.webItemOfUnit(resource.title, unit: resource.unit.name)))
    }
    func field(_ key: String, _ name: Field, required: Bool = false, hint: String? = nil) -> ChangeField {
      ChangeField(key: key, label: Pages.label(texts.listField(name)), required: required, hint: hint)
    }
    var html = pageForm(
      viewer, .projectAdd, action: "/projects", heading: .projectAddHeading, submit: .projectAddSubmit,
      fields: [
        field("title", .title, required: true), field("category", .category), field("level", .level),
        ChangeField(key: "lead", label: Pages.label(texts.listField(.lead)), kind: .select([none] + units)),
        ChangeField(key: "unit", label: Pages.label(texts.listField(.units)), kind: .choices(units)),
        ChangeField(key: "need", label: Pages.label(texts.listField(.needs)), kind: .select([none] + needs)),
        ChangeField(
          key: "resource", label: Pages.label(texts.listField(.resources)), kind: .select([none] + resources)),
        field("start", .startOn, hint: dateHint), field("end", .endOn, hint: dateHint),
        field("on", .proposedOn, hint: texts.web(.defaultToday)), field("description", .description),
      ],
      failed: failed)
    let running = projects.filter { !$0.status.isFinal }.map { ("#\($0.id.rawValue)", $0.title) }
    if !running.isEmpty || failed?.form == .activityAdd {
      html += pageForm(
        viewer, .activityAdd, action: "/activities", heading: .activityAddHeading, submit: .activityAddSubmit,
        fields: [
          ChangeField(
            key: "project", label: Pages.label(texts.listField(.project)), kind: .select(running), required: true,
            hint: texts.webPage(.activityHint)),
          field("on", .happenedOn, required: true, hint: dateHint),
          ChangeField(key: "unit", label: texts.webPage(.activityUnit), kind: .choices(units)),
          field("volunteers", .volunteers), field("hours", .hours), field("served", .served), field("note", .note),
        ],
        failed: failed)
    }
    return html
  }
}
