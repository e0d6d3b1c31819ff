import GongjianPresentation
import GongjianRegistry
import Hummingbird

extension WebServer {
  /// Changes of a unit shown on its page.
  static let unitHistoryRows = 10

  /// `POST /units/ID/…`: one of a unit's everyday changes, through the registry function the
  /// command line's command uses, recorded under the viewer's name. A refusal shows the unit's
  /// page again with the form as sent and the message next to its field (422).
  func changeUnit(_ viewer: Viewer, id: Int?, change: UnitChange, form: FormValues) async throws -> Reply {
    if let refusal = changeRefusal(viewer) { return refusal }
    let texts = viewer.language.texts
    guard let id else {
      return Reply(status: .notFound, body: Pages.message(viewer, heading: "", text: texts.web(.notFound)))
    }
    let unit = UnitID(id)
    if change == .withdraw && !form.isChecked("confirm") {
      let failed = FailedChange(
        change: change, values: form, problems: ["confirm": texts.web(.confirmNeeded)],
        message: texts.web(.confirmNeeded))
      return try await unitPage(viewer, id: id, failed: failed)
    }
    let author = author(viewer)
    let language = viewer.language
    do {
      let notice = try await blocking {
        let registry = try open(.write, by: author, command: "POST " + change.path(unit))
        return try perform(change, unit: unit, form: form, registry: registry, texts: language.texts)
      }
      await sessions.leaveNotice(notice, for: viewer.session)
      return Reply(status: .seeOther, location: "/units/\(id)")
    } catch let refusal as Refusal {
      if case .noSuchID(.unit, id) = refusal { throw refusal }
      let failed = FailedChange(
        change: change, values: form,
        problems: FormProblems.place(
          refusal, keys: change.keys, fallback: change.fallbackKey(for: refusal), texts: texts),
        message: texts.webRefusal(refusal))
      return try await unitPage(viewer, id: id, failed: failed)
    }
  }

  /// Reads the form as the command line reads its options, and makes the change; answers what
  /// the command would print.
  func perform(_ change: UnitChange, unit: UnitID, form: FormValues, registry: Registry, texts: any Catalogue)
    throws -> String
  {
    let today = registry.today
    switch change {
    case .edit:
      let changes = try form.unitChanges(filledWith: .filled(from: try registry.unitDetail(unit)), today: today)
      return texts.edited(try registry.editUnit(unit, changes))
    case .withdraw:
      let day = try form.requiredDay("on", field: .leftOn, today: today)
      return texts.withdrew(try registry.withdraw(unit, on: day, reason: form.given("reason")))
    case .rejoin:
      let day = try form.requiredDay("on", field: .joinedOn, today: today)
      let terms = AgreementTerms(
        title: form.given("agreement"), signatory: form.given("signatory"),
        signatoryTitle: form.given("signatory-title"),
        expiresOn: try form.day("expires", field: .expiresOn, today: today))
      let groups = try form.all("group").map { try registry.resolveGroup($0).id }
      return texts.rejoined(
        try registry.rejoin(unit, on: day, agreement: terms, groups: groups, lead: form.isChecked("lead")))
    case .agreement:
      let signed = try form.requiredDay("signed", field: .signedOn, today: today)
      let terms = AgreementTerms(
        title: form.given("title"), signatory: form.given("signatory"), signatoryTitle: form.given("signatory-title"),
        expiresOn: try form.day("expires", field: .expiresOn, today: today))
      return texts.agreementRecorded(try registry.addAgreement(unit: unit, signedOn: signed, terms: terms))
    case .correct:
      let period = try form.given("period").map { text in
        guard let number = Int(text) else { throw BadQuery() }
        return number
      }
      let joined = try form.day("joined", field: .joinedOn, today: today)
      let left = try form.day("left", field: .leftOn, today: today)
      guard joined != nil || left != nil else { throw Refusal.invalid(.joinedOn, .missing) }
      return texts.corrected(try registry.correctPeriod(unit, period: period, joinedOn: joined, leftOn: left))
    case .groupJoin:
      let day = try form.day("on", field: .joinedOn, today: today)
      let group = try registry.resolveGroup(form["group"] ?? "")
      return texts.groupJoined(
        try registry.joinGroup(unit: unit, group: group.id, on: day, role: form.isChecked("lead") ? .lead : .member))
    case .groupLeave:
      let day = try form.requiredDay("on", field: .leftOn, today: today)
      let group = try registry.resolveGroup(form["group"] ?? "")
      return texts.groupLeft(try registry.leaveGroup(unit: unit, group: group.id, on: day))
    }
  }

  /// Below a unit's sheet: the forms of its changes (for those who may change) and its latest
  /// changes.
  func unitSections(_ registry: Registry, detail: UnitDetail, viewer: Viewer, failed: FailedChange?) throws
    -> String
  {
    let texts = viewer.language.texts
    // The history holds contacts' old and new phone numbers: only for those who may read them.
    let (entries, window, total) =
      viewer.mayReadContacts
      ? try latestChanges(registry, unit: detail.id, page: 1, size: Self.unitHistoryRows)
      : ([], HistoryWindow(total: 0, page: 1, size: 1), 0)
    let table =
      entries.isEmpty
      ? "" : HTMLTable.render(historyColumns(unit: true), entries, language: viewer.language)
    return Pages.render(
      "unitChanges",
      [
        "mayChange": viewer.mayChange, "changesHeading": texts.web(.changesHeading),
        "forms": viewer.mayChange ? try unitForms(registry, detail: detail, viewer: viewer, failed: failed) : "",
        "historyHeading": texts.web(.unitHistoryHeading), "empty": entries.isEmpty,
        "noHistory": texts.web(viewer.mayReadContacts ? .noHistory : .signInToSeeHistory), "table": table,
        "footer": total == 0 ? "" : texts.webLatestChanges(shown: window.range.count, total: total),
        "seeAll": texts.web(.seeAllHistory), "unitID": detail.id.rawValue, "mayRead": viewer.mayReadContacts,
      ])
  }

  /// The history's columns, what changed first (a phone shows the first columns only); the
  /// unit's name left out on its own page.
  func historyColumns(unit: Bool) -> [Column<HistoryEntry>] {
    let order = unit ? ["at", "summary", "user", "command"] : ["at", "unit", "summary", "user", "command"]
    return order.compactMap { key in ListingColumns.history.first { $0.key == key } }
  }

  /// The forms that make sense for the unit as it is now (a refused one always).
  func unitForms(_ registry: Registry, detail: UnitDetail, viewer: Viewer, failed: FailedChange?) throws -> String {
    let texts = viewer.language.texts
    func label(_ field: Field) -> String { Pages.label(texts.field(field)) }
    let dateHint = texts.web(.dateHint)
    let inAlliance = detail.openPeriod != nil
    var html = ""
    func add(
      _ change: UnitChange, shown: Bool, heading: WebText, submit: WebText, fields: [ChangeField],
      defaults: FormValues = FormValues()
    ) {
      let refused = failed?.change == change
      guard shown || refused else { return }
      html += Pages.changeForm(
        viewer, change: change, unit: detail.id, heading: texts.web(heading), submit: texts.web(submit),
        fields: fields, values: refused ? failed?.values ?? defaults : defaults,
        problems: refused ? failed?.problems ?? [:] : [:],
        open: refused)
    }

    let current = FormValues.filled(from: detail)
    add(
      .edit, shown: true, heading: .editHeading, submit: .editSubmit,
      fields: [ChangeField(key: "name", label: label(.name), required: true)]
        + [ChangeField(key: "renamed-on", label: label(.renamedOn), hint: texts.web(.defaultToday))]
        + FormValues.detailKeys.map { ChangeField(key: $0.key, label: label($0.field)) },
      defaults: current)

    add(
      .withdraw, shown: inAlliance, heading: .withdrawHeading, submit: .withdrawSubmit,
      fields: [
        ChangeField(key: "on", label: label(.leftOn), required: true, hint: dateHint),
        ChangeField(key: "reason", label: label(.leftReason)),
        ChangeField(key: "confirm", label: texts.web(.confirmWithdraw), kind: .checkbox),
      ])

    let openGroups = try registry.groups().filter { $0.dissolvedOn == nil }
    let groupChoices = openGroups.map { ("#\($0.id.rawValue)", $0.name) }
    let agreementFields = { (titleKey: String) in
      [
        ChangeField(key: titleKey, label: label(.agreementTitle)),
        ChangeField(key: "signatory", label: label(.signatory)),
        ChangeField(key: "signatory-title", label: label(.signatoryTitle)),
        ChangeField(key: "expires", label: label(.expiresOn), hint: dateHint),
      ]
    }
    add(
      .rejoin, shown: !inAlliance, heading: .rejoinHeading, submit: .rejoinSubmit,
      fields: [ChangeField(key: "on", label: label(.joinedOn), required: true, hint: dateHint)]
        + agreementFields("agreement")
        + (groupChoices.isEmpty
          ? []
          : [
            ChangeField(key: "group", label: label(.groups), kind: .choices(groupChoices)),
            ChangeField(key: "lead", label: texts.web(.leadLabel), kind: .checkbox),
          ]))

    add(
      .agreement, shown: true, heading: .agreementHeading, submit: .agreementSubmit,
      fields: [ChangeField(key: "signed", label: label(.signedOn), required: true, hint: dateHint)]
        + agreementFields("title"))

    add(
      .groupJoin, shown: inAlliance && !groupChoices.isEmpty, heading: .groupJoinHeading, submit: .groupJoinSubmit,
      fields: [
        ChangeField(key: "group", label: label(.groups), kind: .select(groupChoices), required: true),
        ChangeField(key: "on", label: label(.joinedOn), hint: texts.web(.defaultToday)),
        ChangeField(key: "lead", label: texts.web(.joinAsLead), kind: .checkbox),
      ])

    let periods = detail.periods.enumerated().map { index, period in
      ("\(index + 1)", "\(index + 1) · \(period.joinedOn.iso) – \(period.leftOn?.iso ?? texts.none)")
    }
    add(
      .correct, shown: !periods.isEmpty, heading: .correctHeading, submit: .correctSubmit,
      fields: [
        ChangeField(
          key: "period", label: texts.web(.periodLabel), kind: .select(periods), required: true,
          hint: texts.web(.correctHint)),
        ChangeField(key: "joined", label: label(.joinedOn), hint: dateHint),
        ChangeField(key: "left", label: label(.leftOn), hint: dateHint),
      ],
      defaults: FormValues([("period", "\(periods.count)")]))

    let memberships = detail.currentGroups.map { ("#\($0.group.id.rawValue)", $0.group.name) }
    add(
      .groupLeave, shown: !memberships.isEmpty, heading: .groupLeaveHeading, submit: .groupLeaveSubmit,
      fields: [
        ChangeField(key: "group", label: label(.groups), kind: .select(memberships), required: true),
        ChangeField(key: "on", label: label(.leftOn), required: true, hint: dateHint),
      ])
    return html
  }

  /// One page of the history (of one unit, or of the whole registry), latest first.
  func latestChanges(_ registry: Registry, unit: UnitID?, page: Int, size: Int) throws
    -> (entries: [HistoryEntry], window: HistoryWindow, total: Int)
  {
    var total = 0
    try registry.forEachHistoryEntry(unit: unit) { _ in total += 1 }
    let window = HistoryWindow(total: total, page: page, size: size)
    var entries: [HistoryEntry] = []
    var position = 0
    try registry.forEachHistoryEntry(unit: unit) { entry in
      if window.range.contains(position) { entries.append(entry) }
      position += 1
    }
    return (entries.reversed(), window, total)
  }
}
