import GongjianPresentation

/// The arguments as typed, made ready for the parser: dashes typed with a Chinese input
/// method (`——joined`) read as `--joined`, and `--lang` taken out, since the language must be
/// known before any help text is built.
struct CommandLineInput {
  var arguments: [String] = []
  /// The value of `--lang`, when given.
  var language: String?
  /// A `--lang` without its value.
  var mistake: UsageMistake?

  init(_ raw: some Sequence<String>) {
    var iterator = raw.makeIterator()
    var afterSeparator = false
    while let next = iterator.next() {
      let argument = afterSeparator ? next : CommandLineInput.normalizingDashes(next)
      if argument == "--" { afterSeparator = true }
      if !afterSeparator, argument == "--lang" {
        guard let value = iterator.next() else {
          mistake = .optionNeedsValue("--lang")
          break
        }
        language = value
      } else if !afterSeparator, argument.hasPrefix("--lang=") {
        language = String(argument.dropFirst("--lang=".count))
      } else {
        arguments.append(argument)
      }
    }
  }

  /// Dashes a Chinese input method produces for `-`: the em dash (`——`, what Shift+- gives),
  /// the en dash, the full-width hyphen-minus and the minus sign. An option spelt with them
  /// becomes the option; anything else is left as typed.
  static func normalizingDashes(_ argument: String) -> String {
    let dashes: Set<Unicode.Scalar> = ["\u{2014}", "\u{2013}", "\u{FF0D}", "\u{2212}", "\u{2012}"]
    let scalars = Array(argument.unicodeScalars)
    var count = 0
    while count < scalars.count, dashes.contains(scalars[count]) || scalars[count] == "-" { count += 1 }
    guard count > 0, scalars[..<count].contains(where: dashes.contains), count < scalars.count,
      scalars[count].properties.isAlphabetic, scalars[count].isASCII
    else { return argument }
    var rest = String(String.UnicodeScalarView(scalars[count...]))
    // A full-width equals sign between an option and its value.
    rest = rest.replacingFullWidthEquals()
    let isLong = rest.prefix { $0 != "=" }.count > 1
    return (isLong ? "--" : "-") + rest
  }

  /// A first word that is no command (`regster`), with the commands it is closest to.
  func unknownCommand() -> ParserMistake? {
    CommandNames.unknown(in: arguments)
  }
}

extension String {
  fileprivate func replacingFullWidthEquals() -> String {
    guard let index = firstIndex(of: "＝") else { return self }
    var copy = self
    copy.replaceSubrange(index...index, with: "=")
    return copy
  }
}
