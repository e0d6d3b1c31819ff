import ArgumentParser
import GongjianPresentation

/// The commands and subcommands, for suggesting the one that was meant.
enum CommandNames {
  /// The first word that names no command where a command is expected, with the nearest
  /// commands by edit distance; nil when the words are commands (or options come first, which
  /// the parser reports itself).
  static func unknown(in arguments: [String]) -> ParserMistake? {
    var commands = children(of: Gongjian.configuration)
    var takesArguments = false
    var path: [String] = []
    for argument in arguments {
      guard !commands.isEmpty, !argument.hasPrefix("-"), argument != "help" else { return nil }
      if let match = commands.first(where: { $0.name == argument }) {
        commands = match.children
        takesArguments = match.hasDefault
        path.append(argument)
        continue
      }
      // A command whose subcommands have a default reads other words as the default's arguments.
      if takesArguments { return nil }
      let ranked = commands.map { (name: $0.name, distance: editDistance($0.name, argument)) }
        .filter { $0.distance <= max(2, argument.count / 3) || $0.name.hasPrefix(argument) }
        .sorted { $0.distance < $1.distance }
      return .unknownCommand(
        (path + [argument]).joined(separator: " "),
        suggestions: ranked.prefix(3).map { (path + [$0.name]).joined(separator: " ") })
    }
    return nil
  }

  /// A command's name and its own subcommands'.
  struct Node {
    var name: String
    var children: [Node]
    var hasDefault: Bool
  }

  static func children(of configuration: CommandConfiguration) -> [Node] {
    configuration.subcommands.map { type in
      let own = type.configuration
      return Node(
        name: own.commandName ?? "", children: children(of: own), hasDefault: own.defaultSubcommand != nil)
    }
  }

  /// Levenshtein distance, by characters.
  static func editDistance(_ first: String, _ second: String) -> Int {
    let a = Array(first)
    let b = Array(second)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
