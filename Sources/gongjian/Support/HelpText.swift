import GongjianPresentation

/// The argument parser builds help pages with a few fixed English words (USAGE:, OPTIONS:,
/// "Show help information.", "(default: …)"); they are replaced here by the reader's own.
enum HelpText {
  static func localized(_ page: String) -> String {
    let replacements: [(String, HelpKey)] = [
      ("OVERVIEW:", .helpOverview), ("USAGE:", .helpUsage), ("ARGUMENTS:", .helpArguments),
      ("OPTIONS:", .helpOptions), ("SUBCOMMANDS:", .helpSubcommands), ("Show help information.", .helpShowHelp),
      ("Show the version.", .helpShowVersion),
    ]
    var text = page
    for (english, key) in replacements {
      text = text.replacingEvery(english, with: help(key))
    }
    // "See 'gongjian help group <subcommand>' for detailed help.", with the command's path.
    text.replace(/See 'gongjian help ((?:[a-z-]+ )*)<subcommand>' for detailed help\./) { match in
      help(.helpSeeSubcommand).replacingEvery("gongjian help ", with: "gongjian help " + match.output.1)
    }
    // The parser may wrap a line right after these words: the break is kept, the word replaced.
    text.replace(/(\(|; )default:(\s)/) { match in match.output.1 + help(.helpDefault) + ":" + match.output.2 }
    text.replace(/\(values:(\s)/) { match in "(" + help(.helpValues) + ":" + match.output.1 }
    text = text.replacingEvery(" (default)", with: " (" + help(.helpDefault) + ")")
    text = text.replacingEvery("<subcommand>", with: "<" + help(.helpSubcommandWord) + ">")
    text = text.replacingEvery("<options>", with: "<" + help(.helpOptionsWord) + ">")
    if Interface.language == .zh {
      // A full-width colon carries its own space.
      text = text.replacingEvery("： ", with: "：").replacingEvery(": ", with: "：").replacingEvery(":\n", with: "：\n")
      text = text.replacingEvery(" (" + help(.helpDefault) + ")", with: "（" + help(.helpDefault) + "）")
    }
    return text
  }
}
