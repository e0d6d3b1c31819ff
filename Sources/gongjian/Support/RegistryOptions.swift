import ArgumentParser
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--db` and `--today`, taken by every command.
struct RegistryOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The registry file (default: $GONGJIAN_DB, else ~/.local/share/gongjian/registry.sqlite).",
      valueName: "path"))
  var databasePath: String?

  @Option(
    name: .customLong("today"),
    help: ArgumentHelp(
      "What \"today\" means, for reproducible output (default: $GONGJIAN_TODAY, else the calendar).",
      valueName: "date"))
  var todayText: String?

  var environment: [String: String] { ProcessEnvironment.variables }

  func location() throws -> RegistryLocation {
    try RegistryLocation.resolve(option: databasePath, environment: environment).get()
  }

  /// The day "today" means for this run.
  func today() throws -> Day {
    let system = Self.systemToday()
    if todayText == "" {
      throw RegistryError(.invalidData, "--today is empty; give a date such as 2019-12-31, or leave the option out")
    }
    let text = todayText ?? environment["GONGJIAN_TODAY"]
    guard let text, !text.isEmpty else { return system }
    switch DayParser.parse(text, today: system) {
    case .success(let day): return day
    case .failure(let failure):
      let source = todayText == nil ? "$GONGJIAN_TODAY" : "--today"
      throw RegistryError(.invalidData, "\(source): \(failure)")
    }
  }

  func context() -> ChangeContext {
    ChangeContext.current(arguments: CommandLine.arguments, environment: environment)
  }

  /// Opens the registry for a command.
  func open(_ access: Registry.Access) throws -> Registry {
    try Registry.open(at: location(), access: access, today: today(), context: context())
  }

  /// The local calendar day.
  static func systemToday() -> Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? Day(year: 2026, month: 1, day: 1)!
  }
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
