/// The 欧阳路街道 sample (`Demo/` in the package), compiled into the binary so `gongjian demo`
/// works wherever it is installed.
public enum DemoData {
  /// The script of gongjian commands that builds the sample registry.
  public static var script: String { embeddedFiles["ouyanglu-2019.gongjian"] ?? "" }

  /// The data files the script refers to, by name (the units CSV it imports).
  public static var dataFiles: [String: String] { embeddedFiles.filter { !$0.key.hasSuffix(".gongjian") } }

  /// The latest day the sample records something as having happened (a joining, a signing, a
  /// status reported): a "today" before it would make those dates lie in the future.
  public static var lastEventDay: Day? {
    let eventOptions: Set<String> = ["--on", "--joined", "--signed", "--renamed-on", "--start", "--from"]
    var latest: Day?
    for line in script.split(separator: "\n") {
      guard let arguments = try? arguments(of: String(line)) else { continue }
      for (option, value) in zip(arguments, arguments.dropFirst()) where eventOptions.contains(option) {
        if let day = Day(iso: value), latest.map({ day > $0 }) ?? true { latest = day }
      }
    }
    return latest
  }

  /// Splits a script line into arguments: words separated by spaces, "double quotes" keep
  /// spaces inside one argument. Blank lines and `#` comments give no arguments.
  public static func arguments(of line: String) throws -> [String] {
    var arguments: [String] = []
    var current = ""
    var inQuotes = false
    var hasWord = false
    for character in line {
      if character == "\"" {
        inQuotes.toggle()
        hasWord = true
      } else if character == "#" && !inQuotes && !hasWord && arguments.isEmpty {
        return []
      } else if character.isWhitespace && !inQuotes {
        if hasWord { arguments.append(current) }
        current = ""
        hasWord = false
      } else {
        current.append(character)
        hasWord = true
      }
    }
    if inQuotes { throw StorageProblem.demoScriptDamaged(line: line) }
    if hasWord { arguments.append(current) }
    return arguments
  }
}
