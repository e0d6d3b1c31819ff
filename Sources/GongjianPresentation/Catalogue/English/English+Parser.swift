extension EnglishCatalogue: ParserWording {
  public func parserError(_ error: ParserMistake) -> String {
    switch error {
    case .unknownOption(let option, let suggestion):
      "unknown option \(option)" + (suggestion.map { "; did you mean \($0)?" } ?? ".")
    case .unknownCommand(let command, let suggestions):
      "unknown command \(quoted(command))"
        + (suggestions.isEmpty ? "." : "; did you mean \(list(suggestions.map { "gongjian " + $0 }))?")
    case .unexpectedArgument(let value): "unexpected argument \(quoted(value))."
    case .missingArgument(let name): "missing \(name)."
    case .missingValue(let option): "\(option) needs a value."
    case .invalidValue(let value, let option, let allowed):
      "\(quoted(value)) is not a valid value for \(option)"
        + (allowed.isEmpty ? "." : "; give one of: \(allowed.joined(separator: ", ")).")
    case .other(let message): message
    }
  }

  public func seeHelp(_ command: String) -> String { "See '\(command) --help' for the options." }

  public func usageLine(_ usage: String) -> String { "Usage: " + usage }
}
