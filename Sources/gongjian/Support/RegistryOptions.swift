import ArgumentParser
import GongjianPresentation
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--db` and `--today`, taken by every command that opens the registry.
struct RegistryOptions: ParsableArguments {
  @Option(name: .customLong("db"), help: help(.optionDatabase, value: .valuePath))
  var databasePath: String?

  @Option(name: .customLong("today"), help: help(.optionToday, value: .valueDate))
  var todayText: String?

  /// Who makes the change; only commands that change the registry take `--by`.
  var changedBy: String?

  var environment: [String: String] { ProcessEnvironment.variables }

  /// The options as plain values, for the code that opens the registry.
  var access: RegistryAccess {
    RegistryAccess(databasePath: databasePath, todayText: todayText, changedBy: changedBy)
  }

  func location() throws -> RegistryLocation { try access.location() }

  /// The day "today" means for this run.
  func today() throws -> Day { try access.today() }

  /// `--today`, else `$GONGJIAN_TODAY`, else the calendar.
  static func today(option todayText: String?, environment: [String: String]) throws -> Day {
    let system = Self.systemToday()
    if todayText == "" { throw UsageMistake.todayEmpty }
    let text = todayText ?? environment["GONGJIAN_TODAY"]
    guard let text, !text.isEmpty else { return system }
    switch DayParser.parse(text, today: system) {
    case .success(let day): return day
    case .failure(let failure):
      let source = todayText == nil ? "$GONGJIAN_TODAY" : "--today"
      throw FieldRefusal(refusal: .invalid(.joinedOn, .notADate(failure)), naming: { _ in source })
    }
  }

  /// Who makes the change and how, for the history.
  func context() -> ChangeContext { access.context() }

  /// Opens the registry for a command.
  func open(_ access: Registry.Access) throws -> Registry { try self.access.open(access) }

  /// The local calendar day.
  static func systemToday() -> Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(year: 2026, month: 1, day: 1)!
  }

  /// The login name from the system's user database, else `$USER`, else the uid.
  static func osUser(environment: [String: String]) -> String {
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
      let user = String(cString: name)
      if !user.isEmpty { return user }
    }
    if let user = environment["USER"], !user.isEmpty { return user }
    return "uid \(geteuid())"
  }
}

/// `--db`, `--today` and `--by` as plain values: what opening the registry needs, whether the
/// argument parser read them or the start-up's own reading of the commonest commands did.
struct RegistryAccess {
  var databasePath: String?
  var todayText: String?
  var changedBy: String?

  var environment: [String: String] { ProcessEnvironment.variables }

  func location() throws -> RegistryLocation {
    try RegistryLocation.resolve(option: databasePath, environment: environment).get()
  }

  /// The day "today" means for this run.
  func today() throws -> Day {
    try RegistryOptions.today(option: todayText, environment: environment)
  }

  /// Who makes the change and how, for the history: `--by`, else `$GONGJIAN_USER`, else the
  /// login (looked up only when a change is recorded: the user database goes through NSS).
  func context() -> ChangeContext {
    let named = changedBy ?? environment["GONGJIAN_USER"]
    let who = named.flatMap { $0.isEmpty ? nil : $0 } ?? RegistryOptions.osUser(environment: environment)
    let command = (["gongjian"] + CommandLine.arguments.dropFirst()).map(ShellWords.quote)
      .joined(separator: " ")
    return ChangeContext(changedBy: who, command: command)
  }

  /// Opens the registry for a command.
  func open(_ access: Registry.Access) throws -> Registry {
    try Registry.open(at: location(), access: access, today: today(), context: context())
  }
}

/// `--today` alone, for a command that reads files given as arguments instead of one registry.
struct TodayOptions: ParsableArguments {
  @Option(name: .customLong("today"), help: help(.optionToday, value: .valueDate))
  var todayText: String?

  func today() throws -> Day {
    try RegistryOptions.today(option: todayText, environment: ProcessEnvironment.variables)
  }
}

/// The registry options of a command that changes the registry: also `--by`, the person
/// the history records.
struct ChangingRegistryOptions: ParsableArguments {
  @OptionGroup var registry: RegistryOptions

  @Option(name: .customLong("by"), help: help(.optionBy, value: .valuePerson))
  var changedBy: String?

  var withAuthor: RegistryOptions {
    var options = registry
    options.changedBy = changedBy
    return options
  }

  func today() throws -> Day { try registry.today() }
  func location() throws -> RegistryLocation { try registry.location() }
  func context() -> ChangeContext { withAuthor.context() }
  func open(_ access: Registry.Access) throws -> Registry { try withAuthor.open(access) }
}

/// The process environment as a dictionary, read once.
enum ProcessEnvironment {
  static let variables: [String: String] = {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return result
  }()
}
