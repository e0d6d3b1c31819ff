import GongjianPresentation
import GongjianRegistry
import Hummingbird
import HummingbirdBcrypt
import Logging
import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A request's context: Hummingbird's, and the address it came from (for throttling only;
/// the access log leaves it out).
public struct WebContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  public let peer: String

  public init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    peer = source.channel.remoteAddress?.ipAddress ?? ""
  }
}

/// What a handler answers: a page, a redirect, or a download.
struct Reply: Sendable {
  var status: HTTPResponse.Status = .ok
  var body: String = ""
  var contentType = "text/html; charset=utf-8"
  var location: String?
  var filename: String?
  var setCookies: [String] = []
  /// A binary body (a workbook), sent instead of `body`.
  var bytes: [UInt8]?
}

/// The browser view: routes, sessions, CSRF and the headers that keep pages safe. Every rule
/// and every text comes from the registry and the catalogues.
public struct WebServer: Sendable {
  public let options: WebOptions
  let sessions = SessionStore()
  /// Read connections kept open between requests.
  let readers = ReaderPool()
  /// Pages kept until the registry changes (the roster).
  let pages = PageCache()
  /// Who changes made on this computer are recorded as (nobody signs in there).
  let localName: String
  /// A hash checked against when a name has no account, so that a missing account takes as
  /// long to refuse as a wrong password (the hash of a random password nobody kept, cost 12).
  let decoyHash = "$2b$12$EDUvKCRJyo6Vf4NQJssSwedXN0N6K2BiYQy7kss5hNF4Zxkfg1LA6"

  static let sessionCookie = "gongjian_session"
  static let languageCookie = "gongjian_lang"
  static let maximumBody = 64 * 1024
  static let pageRows = 500

  public init(options: WebOptions, localName: String) {
    self.options = options
    self.localName = localName
  }

  // MARK: Running

  /// Refuses to listen beyond this computer without accounts; opens the registry once to
  /// report a bad file before listening. Prints `listening on http://HOST:PORT/` first.
  public func run() async throws {
    let registry = try open(.read, by: localName, command: "serve")
    let hasAccounts = try registry.hasAccounts()
    // A connection that may write, held while the server runs, keeps the registry in WAL mode
    // with its -wal in place: the pages' read connections can then stay open between requests
    // (see `ReaderPool`). A file this account may not write is read without it.
    let keeper = try? open(.write, by: localName, command: "serve")
    if !options.isLoopback && !hasAccounts {
      throw WebProblem.accountsRequired(address: "\(options.host):\(options.port)")
    }
    let texts = options.language.texts
    let host = options.host.contains(":") ? "[\(options.host)]" : options.host
    let app = Application(
      router: router(),
      configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
      onServerRunning: { channel in
        let url = "http://\(host):\(channel.localAddress?.port ?? 0)/"
        Standard.output("listening on \(url)\n")
        Standard.error(texts.serveNote(url: url, loopback: options.isLoopback) + "\n")
      },
      logger: Logger(label: "gongjian-web", factory: { _ in SwiftLogNoOpLogHandler() })
    )
    defer { withExtendedLifetime(keeper) {} }
    do {
      try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    } catch let error as IOError {
      throw WebProblem.cannotListen(address: "\(host):\(options.port)", reason: error.description)
    }
  }

  // MARK: Routes

  public func router() -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.get("/style.css") { request, context in
      await respond(request, context) { _, _ in
        Reply(body: Templates.style + Templates.changeStyle, contentType: "text/css; charset=utf-8")
      }
    }
    router.get("/") { request, context in
      await respond(request, context) { viewer, _ in try await overview(viewer) }
    }
    router.get("/units") { request, context in
      await respond(request, context) { viewer, _ in try await roster(viewer, query: query(of: request)) }
    }
    router.get("/units.csv") { request, context in
      await respond(request, context) { viewer, _ in
        let query = query(of: request)
        return try await blocking { try rosterCSV(viewer, query: query) }
      }
    }
    router.get("/export.xlsx") { request, context in
      await respond(request, context) { viewer, _ in try await blocking { try workbook(viewer) } }
    }
    router.get("/accounts") { request, context in
      await respond(request, context) { viewer, _ in try await blocking { try accountsPage(viewer) } }
    }
    router.get("/units/new") { request, context in
      await respond(request, context) { viewer, _ in
        if let refusal = changeRefusal(viewer) { return refusal }
        return Reply(body: Pages.registerForm(viewer, values: FormValues(), problems: [:], error: nil))
      }
    }
    router.get("/units/:id") { request, context in
      await respond(request, context) { viewer, _ in
        try await unitPage(viewer, id: context.parameters.get("id", as: Int.self))
      }
    }
    router.post("/units") { request, context in
      await respond(request, context, form: true) { viewer, form in
        if let refusal = changeRefusal(viewer) { return refusal }
        return try await register(viewer, form: form)
      }
    }
    router.get("/login") { request, context in
      await respond(request, context) { viewer, _ in Reply(body: Pages.login(viewer, name: "", error: nil)) }
    }
    router.post("/login") { request, context in
      await respond(request, context, form: true) { viewer, form in
        try await signIn(viewer, form: form, peer: context.peer)
      }
    }
    router.post("/logout") { request, context in
      await respond(request, context, form: true) { viewer, _ in
        await sessions.signOut(viewer.session)
        return Reply(status: .seeOther, location: "/")
      }
    }
    router.post("/language") { request, context in
      await respond(request, context, form: true) { viewer, form in
        let chosen = form["lang"] == "en" ? "en" : "zh"
        return Reply(status: .seeOther, location: "/").withCookie(
          "\(Self.languageCookie)=\(chosen); Path=/; Max-Age=31536000; SameSite=Strict")
      }
    }

    // MARK: A unit's everyday changes, the history and undo
    for change in UnitChange.allCases {
      router.post(RouterPath("/units/:id/" + change.rawValue)) { request, context in
        await respond(request, context, form: true) { viewer, form in
          try await changeUnit(viewer, id: context.parameters.get("id", as: Int.self), change: change, form: form)
        }
      }
    }
    router.get("/history") { request, context in
      await respond(request, context) { viewer, _ in try await historyPage(viewer, query: query(of: request)) }
    }
    router.get("/undo") { request, context in
      await respond(request, context) { viewer, _ in try await undoPage(viewer) }
    }
    router.post("/undo") { request, context in
      await respond(request, context, form: true) { viewer, form in try await undo(viewer, form: form) }
    }
    // End of a unit's everyday changes, the history and undo.

    registerPages(router)
    return router
  }

  // MARK: The pages beyond a single unit

  /// Working groups, agreements, the three lists and their claims, meetings and follow-ups,
  /// reports and their downloads.
  func registerPages(_ router: Router<WebContext>) {
    router.get("/pages.css") { request, context in
      await respond(request, context) { _, _ in
        Reply(body: Templates.pagesStyle, contentType: "text/css; charset=utf-8")
      }
    }
    router.get("/groups") { request, context in
      await respond(request, context) { viewer, _ in try await groupsPage(viewer) }
    }
    router.get("/groups/:id") { request, context in
      await respond(request, context) { viewer, _ in
        try await groupPage(viewer, id: context.parameters.get("id", as: Int.self))
      }
    }
    router.post("/groups") { request, context in
      await respond(request, context, form: true) { viewer, form in
        if let refusal = changeRefusal(viewer) { return refusal }
        return try await addGroup(viewer, form: form)
      }
    }
    router.get("/agreements") { request, context in
      await respond(request, context) { viewer, _ in try await agreementsPage(viewer, query: query(of: request)) }
    }
    router.get("/lists/resources") { request, context in
      await respond(request, context) { viewer, _ in try await resourcesPage(viewer, query: query(of: request)) }
    }
    router.get("/lists/needs") { request, context in
      await respond(request, context) { viewer, _ in try await needsPage(viewer, query: query(of: request)) }
    }
    router.get("/lists/projects") { request, context in
      await respond(request, context) { viewer, _ in try await projectsPage(viewer, query: query(of: request)) }
    }
    router.post("/needs") { request, context in
      await respond(request, context, form: true) { viewer, form in
        if let refusal = changeRefusal(viewer) { return refusal }
        return try await addNeed(viewer, form: form)
      }
    }
    router.post("/resources") { request, context in
      await respond(request, context, form: true) { viewer, form in
        if let refusal = changeRefusal(viewer) { return refusal }
        return try await addResource(viewer, form: form)
      }
    }
    router.post("/needs/:id/claim") { request, context in
      await respond(request, context, form: true) { viewer, form in
        if let refusal = changeRefusal(viewer) { return refusal }
        return try await claim(viewer, kind: .need, id: context.parameters.get("id", as: Int.self), form: form)
      }
    }
    router.post("/projects/:id/claim") { request, context in
      await respond(request, context, form: true) { viewer, form in
        if let refusal = changeRefusal(viewer) { return refusal }
        return try await claim(viewer, kind: .project, id: context.parameters.get("id", as: Int.self), form: form)
      }
    }
    registerForms(router)
    router.get("/meetings") { request, context in
      await respond(request, context) { viewer, _ in try await meetingsPage(viewer) }
    }
    router.get("/meetings/:id") { request, context in
      await respond(request, context) { viewer, _ in
        try await meetingPage(viewer, id: context.parameters.get("id", as: Int.self))
      }
    }
    router.get("/followups") { request, context in
      await respond(request, context) { viewer, _ in try await followupsPage(viewer, query: query(of: request)) }
    }
    router.get("/reports") { request, context in
      await respond(request, context) { viewer, _ in try await reportsPage(viewer, query: query(of: request)) }
    }
    for format in ["svg", "html", "csv", "xlsx"] {
      router.get("/reports/growth.\(format)") { request, context in
        await respond(request, context) { viewer, _ in
          let query = query(of: request)
          return try await blocking { try growthFile(viewer, query: query, format: format) }
        }
      }
    }
    for report in ["projects", "units"] {
      for format in ["csv", "xlsx"] {
        router.get("/reports/\(report).\(format)") { request, context in
          await respond(request, context) { viewer, _ in
            let query = query(of: request)
            return try await blocking { try listReportFile(viewer, query: query, report: report, format: format) }
          }
        }
      }
    }
  }

  /// The everyday forms of meetings, follow-ups, projects and service records.
  func registerForms(_ router: Router<WebContext>) {
    router.post("/meetings") { request, context in
      await respond(request, context, form: true) { viewer, form in try await addMeeting(viewer, form: form) }
    }
    for (path, pageForm) in [
      ("attend", PageForm.attend), ("topics", .topic), ("decisions", .decide), ("followups", .followupAdd),
    ] {
      router.post(RouterPath("/meetings/:id/" + path)) { request, context in
        await respond(request, context, form: true) { viewer, form in
          try await changeMeeting(
            viewer, id: context.parameters.get("id", as: Int.self), form: pageForm, values: form)
        }
      }
    }
    router.post("/followups/update") { request, context in
      await respond(request, context, form: true) { viewer, form in try await updateFollowup(viewer, form: form) }
    }
    router.post("/projects") { request, context in
      await respond(request, context, form: true) { viewer, form in try await addProject(viewer, form: form) }
    }
    router.post("/projects/:id/step") { request, context in
      await respond(request, context, form: true) { viewer, form in
        try await advanceProject(viewer, id: context.parameters.get("id", as: Int.self), form: form)
      }
    }
    router.post("/activities") { request, context in
      await respond(request, context, form: true) { viewer, form in try await addActivity(viewer, form: form) }
    }
  }

  // MARK: Every request

  /// The frame of every request: the address it was sent to, the session, the language, the
  /// form and its token, the reply's safety headers and the access log.
  func respond(
    _ request: Request, _ context: WebContext, form isForm: Bool = false,
    _ handler: (Viewer, FormValues) async throws -> Reply
  ) async -> Response {
    let started = SessionStore.now()
    var request = request
    let cookieID = request.cookies[Self.sessionCookie]?.value
    var (session, isNew) = await sessions.session(cookieID)
    if let name = session.accountName {
      // An account removed or given another role since signing in counts from its next request.
      do {
        if let current = try await blocking({ try open(.read, by: localName, command: "").credentials(name: name) }) {
          session.role = current.account.role
        } else {
          await sessions.signOut(session)
          (session, isNew) = await sessions.session(nil)
        }
      } catch {
        session.accountName = nil
        session.role = nil
      }
    }
    let viewer = makeViewer(request, session: session)
    let texts = viewer.language.texts
    var reply: Reply
    do {
      if !hostAccepted(request) {
        reply = Reply(
          status: .misdirectedRequest, body: Pages.message(viewer, heading: "", text: texts.web(.hostRefused)))
      } else if isForm {
        let bytes = try await request.collectBody(upTo: Self.maximumBody)
        if let form = FormValues.parse(bytes.readableBytesView) {
          if isNew || form["csrf"] != session.formToken || !originAccepted(request) {
            reply = Reply(status: .forbidden, body: Pages.message(viewer, heading: "", text: texts.web(.staleForm)))
          } else {
            reply = try await handler(viewer, form)
          }
        } else {
          reply = Reply(status: .badRequest, body: Pages.message(viewer, heading: "", text: texts.web(.badRequest)))
        }
      } else {
        reply = try await handler(viewer, FormValues())
      }
    } catch {
      reply = failure(error, viewer)
    }
    var headers: HTTPFields = [
      .contentType: reply.contentType,
      .contentSecurityPolicy:
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      .xContentTypeOptions: "nosniff",
      .init("Referrer-Policy")!: "same-origin",
      .init("X-Frame-Options")!: "DENY",
      .cacheControl: "no-store",
    ]
    if let location = reply.location { headers[.location] = location }
    if let filename = reply.filename { headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
    if isNew && !reply.replacesSession {
      headers.append(.init(name: .setCookie, value: Self.sessionCookieValue(session.id)))
    }
    for cookie in reply.cookies { headers.append(.init(name: .setCookie, value: cookie)) }
    let milliseconds = Int((SessionStore.now() - started) * 1000)
    Standard.error("\(request.method) \(request.uri.path) \(reply.status.code) \(milliseconds)ms\n")
    let buffer = reply.bytes.map { ByteBuffer(bytes: $0) } ?? ByteBuffer(string: reply.body)
    return Response(status: reply.status, headers: headers, body: .init(byteBuffer: buffer))
  }

  static func sessionCookieValue(_ id: String) -> String {
    "\(sessionCookie)=\(id); Path=/; HttpOnly; SameSite=Strict"
  }

  func makeViewer(_ request: Request, session: Session) -> Viewer {
    let texts0 = language(of: request).texts
    let signedIn = session.accountName != nil
    let who: String
    if let name = session.accountName, let role = session.role {
      who = texts0.webSignedIn(name, role: role)
    } else if options.isLoopback {
      who = texts0.webLocalUser(localName)
    } else {
      who = ""
    }
    return Viewer(
      language: language(of: request), session: session, mayReadContacts: signedIn || options.isLoopback,
      mayChange: session.role?.mayChange ?? options.isLoopback,
      mayAdminister: session.role?.mayAdminister ?? options.isLoopback, who: who, signedIn: signedIn)
  }

  /// The language chosen with the switch, else the browser's first preference, else the default.
  func language(of request: Request) -> Language {
    if let chosen = request.cookies[Self.languageCookie]?.value {
      if chosen == "en" { return .en }
      if chosen == "zh" { return .zh }
    }
    if let accepted = request.headers[.acceptLanguage] {
      let first = accepted.split(separator: ",").first.map { $0.filter { $0 != " " }.lowercased() }
      if let first, first.hasPrefix("en") { return .en }
      if let first, first.hasPrefix("zh") { return .zh }
    }
    return options.language
  }

  /// On this computer only the addresses it listens on are accepted, so that a web page
  /// elsewhere cannot reach the registry through a name that points here.
  func hostAccepted(_ request: Request) -> Bool {
    guard options.isLoopback else { return true }
    guard let host = request.head.authority else { return false }
    let name: Substring
    if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
      name = host[host.index(after: host.startIndex)..<close]
    } else {
      name = host.split(separator: ":", maxSplits: 1).first ?? ""
    }
    return WebOptions.isLoopback(String(name))
  }

  /// A form must come from these pages: when the browser says where from, it must be here.
  func originAccepted(_ request: Request) -> Bool {
    guard let origin = request.headers[.origin] else { return true }
    guard let host = request.head.authority else { return false }
    return origin == "http://\(host)" || origin == "https://\(host)"
  }

  func changeRefusal(_ viewer: Viewer) -> Reply? {
    guard !viewer.mayChange else { return nil }
    let texts = viewer.language.texts
    let text = viewer.signedIn ? texts.web(.viewerCannotChange) : texts.web(.signInToChange)
    return Reply(status: .forbidden, body: Pages.message(viewer, heading: "", text: text))
  }

  func failure(_ error: any Error, _ viewer: Viewer) -> Reply {
    let texts = viewer.language.texts
    let status: HTTPResponse.Status
    let text: String
    switch error {
    case let refusal as Refusal:
      text = texts.webRefusal(refusal)
      if case .noSuchID = refusal { status = .notFound } else { status = .unprocessableContent }
    case let problem as StorageProblem:
      text = texts.storage(problem)
      status = problem.outcome == .busy ? .serviceUnavailable : .internalServerError
    case let problem as WebProblem:
      text = texts.webProblem(problem)
      status = .badRequest
    case is BadQuery:
      text = texts.web(.badRequest)
      status = .badRequest
    case let error as HTTPError where error.status == .contentTooLarge:
      text = texts.web(.tooLarge)
      status = .contentTooLarge
    default:
      text = texts.web(.serverError)
      status = .internalServerError
    }
    return Reply(status: status, body: Pages.message(viewer, heading: "", text: text))
  }

  // MARK: The registry

  func open(_ access: Registry.Access, by: String, command: String) throws -> Registry {
    let location = RegistryLocation(path: options.databasePath, isDefault: false)
    let context = ChangeContext(changedBy: by, command: command)
    if access == .read {
      return try Registry.open(at: location, today: try today(), context: context, readers: readers)
    }
    return try Registry.open(at: location, access: access, today: try today(), context: context)
  }

  func today() throws -> Day {
    let system = Self.systemToday()
    guard let text = options.todayText, !text.isEmpty else { return system }
    switch DayParser.parse(text, today: system) {
    case .success(let day): return day
    case .failure(let failure): throw Refusal.invalid(.joinedOn, .notADate(failure))
    }
  }

  static func systemToday() -> Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(year: 2026, month: 1, day: 1)!
  }

  func query(of request: Request) -> FormValues {
    FormValues.parse(Array((request.uri.query ?? "").utf8)) ?? FormValues()
  }
}

extension Reply {
  var cookies: [String] { setCookies }
  var replacesSession: Bool { setCookies.contains { $0.hasPrefix(WebServer.sessionCookie + "=") } }

  func withCookie(_ cookie: String) -> Reply {
    var reply = self
    reply.setCookies.append(cookie)
    return reply
  }
}

/// Writing to stdout and stderr without buffering.
enum Standard {
  static func output(_ text: String) { put(text, to: 1) }
  static func error(_ text: String) { put(text, to: 2) }

  static func put(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written <= 0 { break }
        offset += written
      }
    }
  }
}
