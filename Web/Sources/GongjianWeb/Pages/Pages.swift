import GongjianPresentation
import GongjianRegistry

/// Who is looking at a page, in which language, with which form token.
struct Viewer: Sendable {
  var language: Language
  var session: Session
  /// Signed in, or on this computer where nobody needs to.
  var mayReadContacts: Bool
  var mayChange: Bool
  /// May see who has an account: an administrator, or anyone on this computer.
  var mayAdminister: Bool
  /// What the header says about who is there.
  var who: String
  var signedIn: Bool
}

/// The pages as HTML: the layout around a page's body, every text from the catalogues.
enum Pages {
  static func page(
    _ viewer: Viewer, title: String, body: String, notice: String? = nil, error: String? = nil
  ) -> String {
    let values: [LayoutFrame.Slot: String] = [
      .title: viewer.language.texts.webPageTitle(title, site: viewer.language.texts.webSiteName(subdistrict: "")),
      .who: viewer.who, .csrf: viewer.session.formToken, .notice: notice ?? "", .error: error ?? "", .body: body,
    ]
    let key = LayoutFrame.Key(
      language: viewer.language, mayAdminister: viewer.mayAdminister, signedIn: viewer.signedIn,
      notice: notice != nil, error: error != nil)
    // An empty notice or error is rare, and Mustache's reading of it is its own: rendered whole.
    if notice?.isEmpty != true && error?.isEmpty != true,
      let frame = LayoutFrame.frame(
        key,
        render: {
          render("layout", layoutContext(viewer, values: LayoutFrame.markers, notice: key.notice, error: key.error))
        })
    {
      return frame.filled(with: values)
    }
    return render("layout", layoutContext(viewer, values: values, notice: key.notice, error: key.error))
  }

  /// What the layout shows: the viewer's language and rights, and a request's own `values`
  /// (or the markers that stand for them).
  static func layoutContext(
    _ viewer: Viewer, values: [LayoutFrame.Slot: String], notice: Bool, error: Bool
  ) -> [String: Any] {
    let texts = viewer.language.texts
    let value = { (slot: LayoutFrame.Slot) in values[slot] ?? "" }
    return [
      "lang": viewer.language == .zh ? "zh-CN" : "en",
      "title": value(.title),
      "site": texts.webSiteName(subdistrict: ""),
      "skip": texts.web(.skipToContent),
      "navOverview": texts.web(.navOverview),
      "navUnits": texts.web(.navUnits),
      "navRegister": texts.web(.navRegister),
      "navGroups": texts.web(.navGroups), "navAgreements": texts.web(.navAgreements),
      "navResources": label(texts.listName(.resources)), "navNeeds": label(texts.listName(.needs)),
      "navProjects": label(texts.listName(.projects)), "navMeetings": texts.webPage(.navMeetings),
      "navFollowups": texts.webPage(.navFollowups), "navReports": texts.web(.navReports),
      "navHistory": texts.web(.navHistory),
      "mayAdminister": viewer.mayAdminister, "navAccounts": texts.web(.navAccounts),
      "who": value(.who),
      "signedIn": viewer.signedIn,
      "signIn": texts.web(.signIn),
      "signOut": texts.web(.signOut),
      "csrf": value(.csrf),
      "otherLang": viewer.language == .zh ? "en" : "zh",
      "switchLanguage": texts.web(.switchLanguage),
      "notice": notice ? value(.notice) : false,
      "error": error ? value(.error) : false,
      "body": value(.body),
    ]
  }

  static func render(_ template: String, _ context: [String: Any]) -> String {
    Templates.library.render(context, withTemplate: template) ?? ""
  }

  /// A unit's sheet as the terminal shows it, for a page whose font sets a Chinese character
  /// two columns wide and a Latin one one, as the terminal does. Those fonts draw the
  /// box-drawing rule under the headings two columns wide too, so the rule becomes hyphens.
  static func browserSheet(_ sheet: String) -> String {
    String(sheet.map { $0 == "─" ? "-" : $0 })
  }

  static func message(_ viewer: Viewer, heading: String, text: String) -> String {
    page(viewer, title: heading, body: render("message", ["heading": heading, "text": text]))
  }

  /// A field's name as a form's label: the first letter capitalised (English names fields in
  /// lower case inside sentences; Chinese has no case).
  static func label(_ name: String) -> String {
    name.prefix(1).uppercased() + name.dropFirst()
  }

  /// The register form's fields: (form name, field, required).
  static let registerFields: [(String, Field, Bool)] = [
    ("name", .name, true), ("joined", .joinedOn, true), ("kind", .kind, false),
    ("party-org", .partyOrganisation, false), ("address", .address, false), ("contact", .contactName, false),
    ("phone", .contactPhone, false), ("note", .note, false),
  ]

  static func registerForm(_ viewer: Viewer, values: FormValues, problems: [Field: String], error: String?) -> String {
    let texts = viewer.language.texts
    let fields: [[String: Any]] = registerFields.map { key, field, required in
      [
        "key": key, "label": label(texts.field(field)), "value": values[key] ?? "", "required": required,
        "optional": required ? false : texts.web(.optional),
        "hint": field == .joinedOn ? texts.web(.dateHint) : false,
        "problem": problems[field] ?? false, "invalid": problems[field] != nil,
      ]
    }
    let body = render(
      "register",
      [
        "heading": texts.web(.registerHeading), "csrf": viewer.session.formToken, "fields": fields,
        "forceLabel": texts.web(.forceLabel), "submit": texts.web(.registerSubmit),
      ])
    return page(viewer, title: texts.web(.registerHeading), body: body, error: error)
  }

  static func login(_ viewer: Viewer, name: String, error: String?) -> String {
    let texts = viewer.language.texts
    let body = render(
      "login",
      [
        "heading": texts.web(.loginHeading), "csrf": viewer.session.formToken, "name": name,
        "nameLabel": label(texts.field(.accountName)), "passwordLabel": label(texts.field(.password)),
        "submit": texts.web(.loginSubmit),
      ])
    return page(viewer, title: texts.web(.loginHeading), body: body, error: error)
  }
}
