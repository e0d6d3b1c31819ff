import GongjianPresentation
import GongjianRegistry
import Hummingbird
import HummingbirdBcrypt
import NIOPosix

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension WebServer {
  /// Who a change from this viewer is recorded as.
  func author(_ viewer: Viewer) -> String { viewer.session.accountName ?? localName }

  func overview(_ viewer: Viewer) async throws -> Reply {
    let texts = viewer.language.texts
    let (count, today, report) = try await blocking {
      let registry = try open(.read, by: localName, command: "")
      var count = 0
      try registry.forEachUnit(UnitFilter(activeOn: registry.today)) { _ in count += 1 }
      return (count, registry.today, try registry.growth(GrowthRequest()))
    }
    let body = Pages.render(
      "overview",
      [
        "heading": texts.web(.overviewHeading), "unitsToday": texts.webUnitsToday(count, on: today),
        "seeAllUnits": texts.web(.seeAllUnits), "growthHeading": texts.web(.growthHeading),
        "growthTable": HTMLTable.growth(report, language: viewer.language),
        "downloadsHeading": texts.web(.downloadsHeading), "downloadSVG": texts.web(.downloadSVG),
        "downloadHTML": texts.web(.downloadHTML), "downloadCSV": texts.web(.downloadCSV),
        "downloadXLSX": texts.web(.exportHeading) + " · " + texts.web(.downloadXLSX),
        "attention": try await attention(viewer),
      ])
    let notice = await sessions.takeNotice(viewer.session)
    return Reply(body: Pages.page(viewer, title: texts.web(.overviewHeading), body: body, notice: notice))
  }

  /// The roster's filter from the query: `q` (part of a name), `joined-in` (a year), `all`.
  func filter(_ query: FormValues) throws -> UnitFilter {
    var joinedIn: Int?
    if let text = query.given("joined-in") {
      guard let year = Int(text.filter { $0 != " " }) else { throw BadQuery() }
      guard (1900...2999).contains(year) else { throw Refusal.yearOutOfRange(year) }
      joinedIn = year
    }
    return UnitFilter(joinedInYear: joinedIn, all: query.isChecked("all"), nameContains: query.given("q"))
  }

  func roster(_ viewer: Viewer, query: FormValues) async throws -> Reply {
    let asked = query.pairs.filter { Self.rosterFilters.contains($0.name) }
    // The page shows nothing of the viewer's own (contacts are not among its columns): it
    // depends on the registry, the day, the language and the filters alone.
    let key = [
      "roster", viewer.language.rawValue, try today().iso, FormValues(asked.map { ($0.name, $0.value) }).query,
    ]
    .joined(separator: "\u{1F}")
    let body = try await pages.page(key, stamp: readers.changeStamp(path: options.databasePath)) {
      try await rosterBody(viewer.language, query: query)
    }
    let notice = await sessions.takeNotice(viewer.session)
    return Reply(body: Pages.page(viewer, title: viewer.language.texts.web(.rosterHeading), body: body, notice: notice))
  }

  /// The roster's query fields.
  static let rosterFilters: Set<String> = ["q", "joined-in", "all"]

  private func rosterBody(_ language: Language, query: FormValues) async throws -> String {
    let texts = language.texts
    let (rows, total) = try await blocking {
      let registry = try open(.read, by: localName, command: "")
      var rows: [UnitListing] = []
      var total = 0
      try registry.forEachUnit(try filter(query)) {
        total += 1
        if rows.count < Self.pageRows { rows.append($0) }
      }
      return (rows, total)
    }
    let table =
      rows.isEmpty
      ? ""
      : HTMLTable.render(ListingColumns.units, rows, language: language) { row, key in
        key == "name" ? "/units/\(row.id.rawValue)" : nil
      }
    let footer = total > rows.count ? texts.webFirstRows(shown: rows.count, total: total) : texts.listedUnits(total)
    let raw = query.pairs.filter { Self.rosterFilters.contains($0.name) }
    return Pages.render(
      "roster",
      [
        "heading": texts.web(.rosterHeading), "filtersHeading": texts.web(.filtersHeading),
        "searchLabel": texts.web(.filterSearch), "q": query["q"] ?? "",
        "joinedInLabel": texts.web(.filterJoinedIn), "joinedIn": query["joined-in"] ?? "",
        "all": query.isChecked("all"), "allLabel": texts.web(.filterAll), "apply": texts.web(.filterApply),
        "clear": texts.web(.filterClear), "empty": rows.isEmpty, "noUnits": texts.web(.noUnitsMatch),
        "table": table, "footer": footer, "downloadCSV": texts.web(.downloadCSV),
        "query": raw.isEmpty ? "" : "?" + FormValues(raw.map { ($0.name, $0.value) }).query,
      ])
  }

  /// The whole registry as a workbook in the import format. It holds contacts and phones, so
  /// only for those who may read them.
  func workbook(_ viewer: Viewer) throws -> Reply {
    let texts = viewer.language.texts
    guard viewer.mayReadContacts else {
      return Reply(status: .forbidden, body: Pages.message(viewer, heading: "", text: texts.web(.signInToSeeContacts)))
    }
    var template = Array("/tmp/gongjian-web-XXXXXX".utf8CString)
    let descriptor = mkstemp(&template)
    guard descriptor >= 0 else { throw TemporaryFileLost() }
    close(descriptor)
    let path = String(cString: template)
    defer { unlink(path) }
    try open(.read, by: localName, command: "").exportXLSX(to: path)
    guard let file = fopen(path, "rb") else { return failure(TemporaryFileLost(), viewer) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = fread(&chunk, 1, chunk.count, file)
      if count <= 0 { break }
      bytes += chunk[0..<count]
    }
    var reply = Reply(
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: "registry.xlsx")
    reply.bytes = bytes
    return reply
  }

  /// Who has an account (never a password's hash): for administrators, and on this computer.
  func accountsPage(_ viewer: Viewer) throws -> Reply {
    let texts = viewer.language.texts
    guard viewer.mayAdminister else {
      return Reply(status: .forbidden, body: Pages.message(viewer, heading: "", text: texts.web(.adminOnly)))
    }
    let accounts = try open(.read, by: localName, command: "").accounts()
    let table =
      accounts.isEmpty
      ? "<p id=\"no-accounts\">\(HTMLTable.escape(texts.web(.noAccounts)))</p>"
      : HTMLTable.render(ListingColumns.accounts, accounts, language: viewer.language)
    let body = Pages.render("listing", ["heading": texts.web(.accountsHeading), "table": table])
    return Reply(body: Pages.page(viewer, title: texts.web(.accountsHeading), body: body))
  }

  func rosterCSV(_ viewer: Viewer, query: FormValues) throws -> Reply {
    let registry = try open(.read, by: localName, command: "")
    let output = TextCollector()
    // A downloaded CSV is opened in Excel: the byte-order mark makes it read the Chinese as such.
    let writer = ListingWriter(
      columns: ListingColumns.units, format: .csv, output: output, language: viewer.language,
      presentation: ListingPresentation(title: "", bom: true))
    try registry.forEachUnit(try filter(query)) { writer.add($0) }
    try writer.finish()
    return Reply(body: output.text, contentType: "text/csv; charset=utf-8", filename: "units.csv")
  }

  /// A unit's page; with a refused change form (`failed`), the page again with that form as
  /// sent and its messages (422).
  func unitPage(_ viewer: Viewer, id: Int?, failed: FailedChange? = nil) async throws -> Reply {
    let texts = viewer.language.texts
    guard let id else {
      return Reply(status: .notFound, body: Pages.message(viewer, heading: "", text: texts.web(.notFound)))
    }
    var (detail, changes) = try await blocking {
      let registry = try open(.read, by: localName, command: "")
      let detail = try registry.unitDetail(UnitID(id))
      return (detail, try unitSections(registry, detail: detail, viewer: viewer, failed: failed))
    }
    if !viewer.mayReadContacts {
      detail.details.contactName = nil
      detail.details.contactPhone = nil
    }
    let body = Pages.render(
      "unit",
      [
        "name": detail.name, "sheet": Pages.browserSheet(UnitSheet.render(detail, language: viewer.language)),
        "contactsHidden": viewer.mayReadContacts ? false : texts.web(.contactsHidden), "changes": changes,
      ])
    let notice = failed == nil ? await sessions.takeNotice(viewer.session) : nil
    return Reply(
      status: failed == nil ? .ok : .unprocessableContent,
      body: Pages.page(viewer, title: detail.name, body: body, notice: notice, error: failed?.message))
  }

  /// `POST /units`: the fields of `register` (`name`, `joined`, `kind`, `party-org`, `address`,
  /// `contact`, `phone`, `note`, `force`), through the registry's `register`.
  func register(_ viewer: Viewer, form: FormValues) async throws -> Reply {
    let texts = viewer.language.texts
    do {
      let author = author(viewer)
      let registration = try await blocking {
        let registry = try open(.write, by: author, command: "POST /units")
        guard let joinedText = form.given("joined") else { throw Refusal.invalid(.joinedOn, .missing) }
        let joinedOn: Day
        switch DayParser.parse(joinedText, today: registry.today) {
        case .success(let day): joinedOn = day
        case .failure(let failure): throw Refusal.invalid(.joinedOn, .notADate(failure))
        }
        let details = UnitDetails(
          kind: form.given("kind"), partyOrganisation: form.given("party-org"), address: form.given("address"),
          contactName: form.given("contact"), contactPhone: form.given("phone"), note: form.given("note"))
        return try registry.register(
          NewUnit(
            name: form["name"] ?? "", joinedOn: joinedOn, details: details, allowSimilarName: form.isChecked("force")))
      }
      await sessions.leaveNotice(texts.registered(registration), for: viewer.session)
      return Reply(status: .seeOther, location: "/units/\(registration.unit.id.rawValue)")
    } catch let refusal as Refusal {
      var problems: [Field: String] = [:]
      if case .invalidValues(let list) = refusal {
        for item in list { problems[item.field] = texts.valueProblem(item.problem) }
      }
      let message = texts.webRefusal(refusal)
      return Reply(
        status: .unprocessableContent,
        body: Pages.registerForm(viewer, values: form, problems: problems, error: message))
    }
  }

  /// `POST /login`: throttled per name and per address; a missing account takes as long as a
  /// wrong password.
  func signIn(_ viewer: Viewer, form: FormValues, peer: String) async throws -> Reply {
    let texts = viewer.language.texts
    let name = form["name"] ?? ""
    let password = form["password"] ?? ""
    if let minutes = await sessions.throttled(name: name, address: peer) {
      return Reply(
        status: .tooManyRequests, body: Pages.login(viewer, name: name, error: texts.webThrottled(minutes: minutes)))
    }
    let decoy = decoyHash
    let (credentials, matches) = try await blocking {
      let credentials = try open(.read, by: localName, command: "").credentials(name: name)
      return (credentials, Bcrypt.verify(password, hash: credentials?.passwordHash ?? decoy))
    }
    guard matches, let account = credentials?.account else {
      await sessions.failed(name: name, address: peer)
      return Reply(status: .unauthorized, body: Pages.login(viewer, name: name, error: texts.web(.loginFailed)))
    }
    let session = await sessions.signIn(viewer.session, name: account.name, role: account.role)
    return Reply(status: .seeOther, location: "/units").withCookie(Self.sessionCookieValue(session.id))
  }
}

/// Text collected in memory (a CSV download).
final class TextCollector: TextOutput {
  private(set) var text = ""
  func write(_ text: String) { self.text += text }
}

extension WebServer {
  /// Runs work that blocks (SQLite, which may wait for another writer; bcrypt) on a thread of
  /// its own, so that the server keeps answering meanwhile.
  func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(work)
  }
}

/// The workbook just written could not be read back.
struct TemporaryFileLost: Error {}

/// A query the pages never make (a year that is not a number).
struct BadQuery: Error {}
