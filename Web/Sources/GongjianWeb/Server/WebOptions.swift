import GongjianPresentation
import GongjianRegistry

/// What `gongjian serve` hands to `gongjian-web serve`: the registry, the address, the default
/// language, the day "today" means and who local changes are recorded as.
public struct WebOptions: Sendable, Equatable {
  public var databasePath: String
  public var host: String
  public var port: Int
  public var language: Language
  public var todayText: String?
  public var changedBy: String?

  public init(
    databasePath: String, host: String = "127.0.0.1", port: Int = 8080, language: Language = .zh,
    todayText: String? = nil, changedBy: String? = nil
  ) {
    self.databasePath = databasePath
    self.host = host
    self.port = port
    self.language = language
    self.todayText = todayText
    self.changedBy = changedBy
  }

  /// Whether only this computer can reach the address: then nobody needs to sign in.
  public var isLoopback: Bool { Self.isLoopback(host) }

  public static func isLoopback(_ host: String) -> Bool {
    host == "localhost" || host == "::1" || host.hasPrefix("127.")
  }

  /// `HOST:PORT`, `[IPv6]:PORT`; the host numeric or `localhost`, the port 0–65535.
  public static func address(_ text: String) -> (host: String, port: Int)? {
    var host: Substring
    var portText: Substring
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
      host = text[text.index(after: text.startIndex)..<close]
      portText = text[text.index(close, offsetBy: 2)...]
    } else {
      guard let colon = text.lastIndex(of: ":") else { return nil }
      host = text[..<colon]
      portText = text[text.index(after: colon)...]
      if host.contains(":") { return nil }
    }
    guard let port = Int(portText), (0...65535).contains(port), portText.allSatisfy(\.isASCII), !host.isEmpty
    else { return nil }
    let numeric = host.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
    guard numeric || host == "localhost" else { return nil }
    return (String(host), port)
  }

  /// Parses `--db PATH --listen HOST:PORT --lang zh|en [--today DAY] [--by NAME]`.
  public static func parse(_ arguments: [String]) throws -> WebOptions {
    var values: [String: String] = [:]
    var index = 0
    while index < arguments.count {
      let name = arguments[index]
      guard ["--db", "--listen", "--lang", "--today", "--by"].contains(name), index + 1 < arguments.count else {
        throw WebProblem.unknownRequest(name)
      }
      values[name] = arguments[index + 1]
      index += 2
    }
    guard let path = values["--db"] else { throw WebProblem.unknownRequest(arguments.joined(separator: " ")) }
    let listen = values["--listen"] ?? "127.0.0.1:8080"
    guard let (host, port) = address(listen) else { throw WebProblem.listenAddressInvalid(listen) }
    let language: Language = values["--lang"] == "en" ? .en : .zh
    return WebOptions(
      databasePath: path, host: host, port: port, language: language, todayText: values["--today"],
      changedBy: values["--by"])
  }
}
