import GongjianPresentation
import GongjianRegistry
import Hummingbird

extension WebServer {
  /// Changes on one page of the history.
  static let historyRows = 50

  /// `GET /history[?page=N][&unit=ID]`: the latest changes, worded as `history` words them,
  /// `historyRows` a page. It holds contacts' phone numbers, so only for those who may read
  /// them.
  func historyPage(_ viewer: Viewer, query: FormValues) async throws -> Reply {
    let texts = viewer.language.texts
    guard viewer.mayReadContacts else {
      return Reply(status: .forbidden, body: Pages.message(viewer, heading: "", text: texts.web(.signInToSeeHistory)))
    }
    let page = try query.given("page").map { text in
      guard let number = Int(text) else { throw BadQuery() }
      return number
    }
    let unit = try query.given("unit").map { text in
      guard let number = Int(text) else { throw BadQuery() }
      return UnitID(number)
    }
    let (entries, window, total, unitName) = try await blocking {
      let registry = try open(.read, by: localName, command: "")
      let name = try unit.map { try registry.unitDetail($0).name }
      let (entries, window, total) = try latestChanges(registry, unit: unit, page: page ?? 1, size: Self.historyRows)
      return (entries, window, total, name)
    }
    let table =
      entries.isEmpty
      ? ""
      : HTMLTable.render(historyColumns(unit: unit != nil), entries, language: viewer.language) { entry, key in
        key == "unit" ? entry.unit.map { "/units/\($0.id.rawValue)" } : nil
      }
    let footer =
      window.page == 1
      ? texts.webLatestChanges(shown: entries.count, total: total)
      : texts.webChangesRange(
        first: total - window.range.upperBound + 1, last: total - window.range.lowerBound, total: total)
    func link(_ page: Int) -> String {
      "/history?" + FormValues([("page", String(page))] + (unit.map { [("unit", String($0.rawValue))] } ?? [])).query
    }
    let body = Pages.render(
      "historyPage",
      [
        "heading": texts.web(.historyHeading), "unitName": unitName ?? false, "unitID": unit?.rawValue ?? 0,
        "empty": entries.isEmpty, "noHistory": texts.web(.noHistory), "table": table, "footer": footer,
        "newer": window.hasNewer ? link(window.page - 1) : false, "newerText": texts.web(.newerChanges),
        "older": window.hasOlder ? link(window.page + 1) : false, "olderText": texts.web(.olderChanges),
        "mayChange": viewer.mayChange, "undoHeading": texts.web(.undoHeading),
      ])
    let notice = await sessions.takeNotice(viewer.session)
    return Reply(body: Pages.page(viewer, title: texts.web(.historyHeading), body: body, notice: notice))
  }

  /// `GET /undo`: the latest change and what undo would take back, as `undo` without `--yes`
  /// shows it, with the button that does it; or why it cannot be undone.
  func undoPage(_ viewer: Viewer, error: String? = nil) async throws -> Reply {
    let texts = viewer.language.texts
    guard viewer.mayReadContacts else {
      return Reply(status: .forbidden, body: Pages.message(viewer, heading: "", text: texts.web(.signInToSeeHistory)))
    }
    let plan: Result<UndoPlan, Refusal> = try await blocking {
      do {
        return .success(try open(.read, by: localName, command: "").undoPlan())
      } catch let refusal as Refusal {
        return .failure(refusal)
      }
    }
    var context: [String: Any] = [
      "heading": texts.web(.undoHeading), "explained": texts.web(.undoExplained), "submit": texts.web(.undoSubmit),
      "csrf": viewer.session.formToken, "mayChange": viewer.mayChange, "refusal": false, "plan": false,
    ]
    switch plan {
    case .success(let plan):
      context["plan"] = true
      context["batch"] = plan.batch
      context["table"] = HTMLTable.render(historyColumns(unit: false), plan.entries, language: viewer.language)
    case .failure(let refusal):
      // Shown once only when the refusal of the undo just tried says the same.
      let text = texts.webRefusal(refusal)
      if text != error { context["refusal"] = text }
    }
    let body = Pages.render("undoPage", context)
    return Reply(
      status: error == nil ? .ok : .unprocessableContent,
      body: Pages.page(viewer, title: texts.web(.undoHeading), body: body, error: error))
  }

  /// `POST /undo` (`batch`: the change the page showed): takes it back, as `undo --yes` does,
  /// unless another change was made since.
  func undo(_ viewer: Viewer, form: FormValues) async throws -> Reply {
    if let refusal = changeRefusal(viewer) { return refusal }
    let texts = viewer.language.texts
    guard let text = form.given("batch"), let batch = Int(text) else { throw BadQuery() }
    let author = author(viewer)
    do {
      let plan = try await blocking {
        try open(.write, by: author, command: "POST /undo").undo(expecting: batch)
      }
      await sessions.leaveNotice(texts.undone(plan), for: viewer.session)
      return Reply(status: .seeOther, location: "/history")
    } catch let refusal as Refusal {
      return try await undoPage(viewer, error: texts.webRefusal(refusal))
    }
  }
}
