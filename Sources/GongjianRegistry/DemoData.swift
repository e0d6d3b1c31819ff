/// The 欧阳路街道 sample (`Demo/` in the package), compiled into the binary so `gongjian demo`
/// works wherever it is installed.
public enum DemoData {
  /// The script of gongjian commands that builds the sample registry.
  public static var script: String { embeddedFiles["ouyanglu-2019.gongjian"] ?? "" }

  /// The data files the script refers to, by name (the units CSV it imports).
  public static var dataFiles: [String: String] { embeddedFiles.filter { !$0.key.hasSuffix(".gongjian") } }

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
