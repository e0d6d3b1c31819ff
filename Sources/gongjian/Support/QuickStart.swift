import GongjianPresentation

/// The commonest read-only commands, read straight from the arguments before the argument
/// parser: the parser's start-up (it reflects over every command's options) costs more than
/// `list` of a small registry does. Only shapes read here completely are taken: `--version`
/// alone, and `list` with its own options, each at most once, as `--name value` or
/// `--name=value` (`-o value`), every value non-empty, not starting with `-` and readable as
/// its option's type. Anything else (help, a mistake, a repeated option, an unusual spelling)
/// goes to the parser, which answers it as always, so both ways give the same bytes and the
/// same exit status. `GONGJIAN_FULL_PARSER=1` sends everything to the parser (the tests run
/// both ways and compare).
enum QuickStart {
  enum Request {
    case version
    case list(UnitListRequest)
  }

  /// The request, when the arguments are a shape read here; nil sends them to the parser.
  static func read(_ arguments: [String], environment: [String: String]) -> Request? {
    if let full = environment["GONGJIAN_FULL_PARSER"], !full.isEmpty { return nil }
    guard let first = arguments.first else { return nil }
    switch first {
    case "--version": return arguments.count == 1 ? .version : nil
    case "list": return list(arguments.dropFirst()).map(Request.list)
    default: return nil
    }
  }

  /// `list`'s options, or nil for anything this does not read completely.
  static func list(_ arguments: ArraySlice<String>) -> UnitListRequest? {
    var request = UnitListRequest()
    var seen: Set<String> = []
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      index += 1
      var name = argument
      var attached: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        attached = String(argument[argument.index(after: equals)...])
      }
      // One spelling per option: `-o` and `--output` are one option, as are `--bom` and `--no-bom`.
      let option = name == "-o" ? "--output" : name == "--no-bom" ? "--bom" : name
      guard seen.insert(option).inserted else { return nil }
      switch name {
      case "--all":
        guard attached == nil else { return nil }
        request.all = true
        continue
      case "--bom", "--no-bom":
        guard attached == nil else { return nil }
        request.output.bom = name == "--bom"
        continue
      default: break
      }
      let value: String
      if let attached {
        value = attached
      } else {
        guard index < arguments.endIndex else { return nil }
        value = arguments[index]
        index += 1
      }
      guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
      switch name {
      case "--db": request.registry.databasePath = value
      case "--today": request.registry.todayText = value
      case "--active-on": request.activeOn = value
      case "--active-in", "--joined-in", "--left-in":
        guard let year = Year(argument: value) else { return nil }
        switch name {
        case "--active-in": request.activeIn = year
        case "--joined-in": request.joinedIn = year
        default: request.leftIn = year
        }
      case "--group": request.group = value
      case "--kind": request.kind = value
      case "--format":
        guard let format = ListingFormat(rawValue: value) else { return nil }
        request.output.format = format
      case "-o", "--output": request.output.outputPath = value
      default: return nil
      }
    }
    return request
  }
}

extension QuickStart.Request {
  func run() throws {
    switch self {
    case .version: print(Gongjian.version)
    case .list(let request): try request.run()
    }
  }
}
