import GongjianPresentation
import GongjianRegistry

/// The everyday changes of one unit, each a form on its page posting to `/units/ID/PATH`. The
/// form fields are named as the command line's options (`on`, `signed`, `party-org`, …).
enum UnitChange: String, CaseIterable, Sendable {
  case edit, withdraw, rejoin, agreement
  /// A correction of a period's dates (`edit --joined/--left/--period` on the command line).
  case correct = "periods"
  case groupJoin = "groups"
  case groupLeave = "groups/leave"

  /// The element ids of the form start with this.
  var id: String {
    switch self {
    case .edit: "edit"
    case .withdraw: "withdraw"
    case .rejoin: "rejoin"
    case .agreement: "agreement"
    case .correct: "correct"
    case .groupJoin: "group-join"
    case .groupLeave: "group-leave"
    }
  }

  func path(_ unit: UnitID) -> String { "/units/\(unit.rawValue)/\(rawValue)" }

  /// The form field that shows each field's problem.
  var keys: [Field: String] {
    switch self {
    case .edit:
      [
        .name: "name", .renamedOn: "renamed-on", .kind: "kind", .partyOrganisation: "party-org",
        .address: "address", .contactName: "contact", .contactPhone: "phone", .note: "note",
        .creditCode: "credit-code",
      ]
    case .withdraw: [.leftOn: "on", .leftReason: "reason"]
    case .rejoin:
      [
        .joinedOn: "on", .agreementTitle: "agreement", .signatory: "signatory", .signatoryTitle: "signatory-title",
        .expiresOn: "expires", .groups: "group",
      ]
    case .agreement:
      [
        .signedOn: "signed", .expiresOn: "expires", .signatory: "signatory", .signatoryTitle: "signatory-title",
        .agreementTitle: "title",
      ]
    case .correct: [.joinedOn: "joined", .leftOn: "left"]
    case .groupJoin: [.joinedOn: "on", .groups: "group", .groupName: "group"]
    case .groupLeave: [.leftOn: "on", .groups: "group", .groupName: "group"]
    }
  }

  /// Where a refusal about no field in particular is shown: a group that cannot be found or
  /// that the unit is not in next to the group, anything else (a day out of the alliance, a
  /// name taken) next to the field that most likely needs changing.
  func fallbackKey(for refusal: Refusal) -> String {
    switch refusal {
    case .emptyReference(.group), .noSuchID(.group, _), .noSuchName(.group, _, _), .ambiguousName(.group, _, _, _),
      .notInGroup, .alreadyInGroup, .groupDissolved:
      if self == .groupJoin || self == .groupLeave || self == .rejoin { return "group" }
    case .noSuchPeriod, .periodsWouldOverlap:
      if self == .correct { return "period" }
    case .leavingAnOpenPeriod:
      if self == .correct { return "left" }
    default: break
    }
    switch self {
    case .edit: return "name"
    case .correct: return "joined"
    case .withdraw, .rejoin, .groupJoin, .groupLeave: return "on"
    case .agreement: return "signed"
    }
  }
}

/// A form that was refused: what was sent, and the messages to show next to its fields.
struct FailedChange: Sendable {
  var change: UnitChange
  var values: FormValues
  var problems: [String: String]
  /// The whole message, at the top of the page.
  var message: String
}

enum FormProblems {
  /// Where a refusal's messages go on a form: each invalid value next to its field (by
  /// `keys`), anything else next to `fallback`.
  static func place(_ refusal: Refusal, keys: [Field: String], fallback: String, texts: any Catalogue)
    -> [String: String]
  {
    var problems: [String: String] = [:]
    if case .invalidValues(let list) = refusal {
      for item in list {
        let key = keys[item.field] ?? fallback
        let text = texts.valueProblem(item.problem)
        problems[key] = problems[key].map { $0 + "\n" + text } ?? text
      }
    } else {
      problems[fallback] = texts.webRefusal(refusal)
    }
    return problems
  }
}

extension FormValues {
  /// A date field: nil when left empty; a date that cannot be read is refused for `field`.
  func day(_ key: String, field: Field, today: Day) throws -> Day? {
    guard let text = given(key) else { return nil }
    switch DayParser.parse(text, today: today) {
    case .success(let day): return day
    case .failure(let failure): throw Refusal.invalid(field, .notADate(failure))
    }
  }

  /// A date that must be given.
  func requiredDay(_ key: String, field: Field, today: Day) throws -> Day {
    guard let day = try day(key, field: field, today: today) else { throw Refusal.invalid(field, .missing) }
    return day
  }

  /// The edit form's own details, with their form names and the unit's current values.
  static var detailKeys: [(key: String, field: Field, value: KeyPath<UnitDetails, String?>)] {
    [
      ("kind", .kind, \.kind), ("party-org", .partyOrganisation, \.partyOrganisation),
      ("address", .address, \.address), ("contact", .contactName, \.contactName),
      ("phone", .contactPhone, \.contactPhone), ("note", .note, \.note), ("credit-code", .creditCode, \.creditCode),
    ]
  }

  /// The edit form filled with the unit's current name and details.
  static func filled(from detail: UnitDetail) -> FormValues {
    FormValues([("name", detail.name)] + detailKeys.map { ($0.key, detail.details[keyPath: $0.value] ?? "") })
  }

  /// What the edit form asks to change: only the fields whose text differs from what the form
  /// was filled with (the unit's current values), so that saving an untouched form changes
  /// nothing. An emptied field clears the value, as an empty option does on the command line.
  func unitChanges(filledWith current: FormValues, today: Day) throws -> UnitChanges {
    var changes = UnitChanges()
    if let name = self["name"], name != current["name"] {
      changes.name = name
      changes.renamedOn = try day("renamed-on", field: .renamedOn, today: today)
    }
    for (key, _, _) in Self.detailKeys {
      guard let text = self[key], text != (current[key] ?? "") else { continue }
      switch key {
      case "kind": changes.details.kind = text
      case "party-org": changes.details.partyOrganisation = text
      case "address": changes.details.address = text
      case "contact": changes.details.contactName = text
      case "phone": changes.details.contactPhone = text
      case "note": changes.details.note = text
      default: changes.details.creditCode = text
      }
    }
    return changes
  }
}

/// One field of a change form.
struct ChangeField {
  enum Kind {
    case text, checkbox
    /// One choice among these (value, text).
    case select([(String, String)])
    /// Any number of these (value, text), each a check box.
    case choices([(String, String)])
  }

  var key: String
  var label: String
  var kind: Kind = .text
  var required = false
  var hint: String?
}

extension Pages {
  /// A change form's context for the `changeForm` template: its fields filled with `values`,
  /// each refused field with its message and marked invalid.
  static func changeForm(
    _ viewer: Viewer, change: UnitChange, unit: UnitID, heading: String, submit: String, fields: [ChangeField],
    values: FormValues, problems: [String: String], open: Bool
  ) -> String {
    form(
      viewer, id: change.id, action: change.path(unit), heading: heading, submit: submit, fields: fields,
      values: values, problems: problems, open: open)
  }

  /// A form folded away until opened (open when it was just refused), posting to `action`;
  /// its elements' ids start with `prefix`.
  static func form(
    _ viewer: Viewer, id prefix: String, action: String, heading: String, submit: String, fields: [ChangeField],
    values: FormValues, problems: [String: String], open: Bool
  ) -> String {
    let texts = viewer.language.texts
    let rendered: [[String: Any]] = fields.map { field in
      var context: [String: Any] = [
        "id": "\(prefix)-\(field.key)", "key": field.key, "label": field.label, "required": field.required,
        "optional": field.required || isCheckbox(field) ? false : texts.web(.optional),
        "hint": field.hint ?? false, "problem": problems[field.key] ?? false, "invalid": problems[field.key] != nil,
        "value": values[field.key] ?? "", "text": false, "checkbox": false, "select": false, "choices": false,
        "checked": values.isChecked(field.key),
      ]
      switch field.kind {
      case .text: context["text"] = true
      case .checkbox: context["checkbox"] = true
      case .select(let options):
        context["select"] = true
        context["options"] = options.map { value, text in
          ["value": value, "text": text, "selected": values[field.key] == value] as [String: Any]
        }
      case .choices(let options):
        let chosen = Set(values.all(field.key))
        context["choices"] = true
        context["options"] = options.enumerated().map { index, option in
          [
            "id": "\(prefix)-\(field.key)-\(index)", "value": option.0, "text": option.1,
            "checked": chosen.contains(option.0),
          ] as [String: Any]
        }
      }
      return context
    }
    return render(
      "changeForm",
      [
        "formID": prefix, "action": action, "heading": heading, "submit": submit,
        "csrf": viewer.session.formToken, "fields": rendered, "open": open,
      ])
  }

  static func isCheckbox(_ field: ChangeField) -> Bool {
    if case .checkbox = field.kind { return true }
    if case .choices = field.kind { return true }
    return false
  }
}

/// Which changes of the history one page shows, latest first.
struct HistoryWindow: Equatable {
  /// Positions in the history, oldest first (0-based), of the page's changes.
  var range: Range<Int>
  var page: Int
  var hasNewer: Bool
  var hasOlder: Bool

  /// Page 1 holds the latest `size` changes, page 2 the ones before, and so on; a page past
  /// the last shows the last.
  init(total: Int, page requested: Int, size: Int) {
    let pages = max(1, (total + size - 1) / size)
    page = min(max(1, requested), pages)
    let upper = max(0, total - (page - 1) * size)
    range = max(0, upper - size)..<upper
    hasNewer = page > 1
    hasOlder = range.lowerBound > 0
  }
}
