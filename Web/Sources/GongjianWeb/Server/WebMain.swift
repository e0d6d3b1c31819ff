import GongjianPresentation
import GongjianRegistry
import HummingbirdBcrypt

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gongjian-web`, run by the command line: `serve …` serves the pages; `hash-password` reads
/// one password on stdin and writes its bcrypt hash (the command line does not link bcrypt).
public enum WebMain {
  public static func run(_ arguments: [String]) async -> Int32 {
    var language = Language.zh
    if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count, arguments[index + 1] == "en" {
      language = .en
    }
    do {
      switch arguments.first {
      case "serve":
        let options = try WebOptions.parse(Array(arguments.dropFirst()))
        let name = options.changedBy ?? ProcessInfoLite.userName()
        try await WebServer(options: options, localName: name).run()
        return 0
      case "hash-password":
        guard let line = readLine(strippingNewline: true) else { throw WebProblem.noPassword }
        let password = line.hasSuffix("\r") ? String(line.dropLast()) : line
        if let problem = AccountRules.passwordProblem(password) { throw Refusal.invalid(.password, problem) }
        print(Bcrypt.hash(password, cost: 12))
        return 0
      default:
        throw WebProblem.unknownRequest(arguments.first ?? "")
      }
    } catch {
      let texts = language.texts
      let (message, outcome): (String, Outcome)
      switch error {
      case let problem as WebProblem: (message, outcome) = (texts.webProblem(problem), problem.outcome)
      case let problem as StorageProblem: (message, outcome) = (texts.storage(problem), problem.outcome)
      case let refusal as Refusal: (message, outcome) = (texts.refusal(refusal, fields: { _ in nil }), refusal.outcome)
      default: (message, outcome) = (texts.web(.serverError), .ioFailure)
      }
      Standard.error(message + "\n")
      return status(outcome)
    }
  }

  /// The exit status of each outcome, as the command line's.
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
}

/// The login name, for the history of changes made on this computer.
enum ProcessInfoLite {
  static func userName() -> String {
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
      let user = String(cString: name)
      if !user.isEmpty { return user }
    }
    return getenv("USER").map { String(cString: $0) } ?? "uid \(geteuid())"
  }
}
