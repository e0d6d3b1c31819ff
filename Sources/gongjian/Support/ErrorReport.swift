import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// Whatever stopped a command, as a message in the reader's language and an exit status.
/// The status is derived from the kind of failure, never chosen where the failure happened.
struct ErrorReport {
  var message = ""
  var status: Int32
  /// Help and version requests are answers, not errors: they go to stdout with status 0.
  var standardOutput: String?

  init(_ error: any Error) {
    let texts = Interface.texts
    switch error {
    case let refusal as Refusal:
      message = texts.refusal(refusal, fields: { _ in nil })
      status = ErrorReport.status(refusal.outcome)
    case let refusal as FieldRefusal:
      message = texts.refusal(refusal.refusal, fields: refusal.naming)
      status = ErrorReport.status(refusal.refusal.outcome)
    case let problem as OutputProblem:
      message = texts.output(problem)
      status = ErrorReport.status(problem.outcome)
    case let problem as StorageProblem:
      message = texts.storage(problem)
      status = ErrorReport.status(problem.outcome)
    case let problem as WebProblem:
      message = texts.webProblem(problem)
      status = ErrorReport.status(problem.outcome)
    case let mistake as UsageMistake:
      message = texts.usage(mistake)
      status = ErrorReport.status(mistake.outcome)
    case let mistake as ListUsageMistake:
      message = texts.listUsage(mistake)
      status = ErrorReport.status(mistake.outcome)
    case let mistake as ParserMistake:
      message = texts.parserError(mistake)
      if case .unknownCommand(let command, _) = mistake {
        // Where the commands that do exist are listed.
        let parent = ["gongjian"] + command.split(separator: " ").dropLast().map(String.init)
        message += "\n" + texts.seeHelp(parent.joined(separator: " "))
      }
      status = 64
    case let code as ExitCode:
      status = code.rawValue
    default:
      status = Gongjian.exitCode(for: error).rawValue
      if status == 0 {
        standardOutput = HelpText.localized(Gongjian.fullMessage(for: error)) + "\n"
      } else {
        message = ErrorReport.parserMessage(for: error, texts: texts)
      }
    }
  }

  static func status(_ outcome: Outcome) -> Int32 {
    switch outcome {
    case .refused: 1
    case .usage: 64
    case .invalidData: 65
    case .cannotOpen: 66
    case .ioFailure: 74
    case .busy: 75
    case .unavailable: 69
    }
  }

  /// The argument parser's error, worded in the reader's language, with the usage line and
  /// where to find help. The parser gives its errors only as English text, so the common ones
  /// are recognised by their form; anything else is shown as the parser wrote it.
  static func parserMessage(for error: any Error, texts: any Catalogue) -> String {
    let english = Gongjian.message(for: error)
    var lines = [texts.parserError(ParserText.mistake(from: english))]
    let full = Gongjian.fullMessage(for: error)
    for line in full.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " }
      if trimmed.hasPrefix("Usage: ") {
        lines.append(texts.usageLine(HelpText.localized(String(trimmed.dropFirst("Usage: ".count)))))
      } else if trimmed.hasPrefix("See '"), let end = trimmed.range(of: " --help'") {
        lines.append(texts.seeHelp(String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 5)..<end.lowerBound])))
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// A refusal with how this command names its fields (`--joined`, `--on`).
struct FieldRefusal: Error {
  var refusal: Refusal
  var naming: FieldNaming
}

/// Recognising the argument parser's English errors.
enum ParserText {
  static func mistake(from message: String) -> ParserMistake {
    if let option = between(message, "Unknown option '", "'") {
      return .unknownOption(option, suggestion: between(message, "Did you mean '", "'"))
    }
    if let option = between(message, "Missing value for '", "'") { return .missingValue(option) }
    if let argument = between(message, "Missing expected argument '", "'") { return .missingArgument(argument) }
    if let argument = between(message, "Unexpected argument '", "'") { return .unexpectedArgument(argument) }
    if let value = between(message, "The value '", "' is invalid"),
      let option = between(message, "is invalid for '", "'")
    {
      var allowed: [String] = []
      if let list = message.range(of: "Please provide one of ") {
        // 'table', 'csv' and 'json': the quoted words are every other piece between quotes.
        let pieces = message[list.upperBound...].split(separator: "'", omittingEmptySubsequences: false)
        allowed = pieces.enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
      }
      return .invalidValue(value, option: option, allowed: allowed)
    }
    return .other(message)
  }

  /// The text between the first `start` and the next `end` after it.
  static func between(_ text: String, _ start: String, _ end: String) -> String? {
    guard let open = text.range(of: start), let close = text.range(of: end, range: open.upperBound..<text.endIndex)
    else { return nil }
    return String(text[open.upperBound..<close.lowerBound])
  }
}
