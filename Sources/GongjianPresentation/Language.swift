/// The languages every text for a person exists in.
public enum Language: String, Sendable, CaseIterable {
  /// 简体中文, the default: the people at the desk read Chinese.
  case zh
  case en

  /// The catalogue of every text in this language.
  public var texts: any Catalogue {
    switch self {
    case .zh: ChineseCatalogue()
    case .en: EnglishCatalogue()
    }
  }

  /// The language asked for, in the order gettext uses, first that is set wins: an explicit
  /// choice (`--lang`), `GONGJIAN_LANG`, `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`.
  /// `zh…` is Chinese and `en…` English; `C`, `POSIX`, unset or any other language is Chinese.
  /// (Foundation cannot do this on Linux: `Locale.current` is `en_001` whatever `LANG` says.)
  public static func resolve(explicit: String?, environment: [String: String]) -> Result<Language, UnknownLanguage> {
    if let explicit {
      guard let language = named(explicit) else { return .failure(UnknownLanguage(value: explicit)) }
      return .success(language)
    }
    for variable in ["GONGJIAN_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[variable], !value.isEmpty else { continue }
      // LANGUAGE is a list of preferences: zh_CN:en. The first one decides.
      let first = value.split(separator: ":").first.map(String.init) ?? value
      return .success(named(first) ?? .zh)
    }
    return .success(.zh)
  }

  /// `zh`, `zh_CN.UTF-8`, `zh-Hans`, `en`, `en_US.UTF-8`… (any case); nil for anything else.
  static func named(_ value: String) -> Language? {
    let lowered = value.lowercased()
    if lowered.hasPrefix("zh") { return .zh }
    if lowered.hasPrefix("en") { return .en }
    return nil
  }
}

/// A language name that is neither Chinese nor English, given where only those are accepted.
public struct UnknownLanguage: Error, Equatable, Sendable {
  public var value: String
}

/// The language of this process's texts, chosen once at start-up before anything is printed
/// (argument parsing reads help texts as the commands are set up).
public enum Interface {
  nonisolated(unsafe) private static var chosen: Language = .zh

  public static var language: Language { chosen }

  public static var texts: any Catalogue { chosen.texts }

  /// Sets the language; called once, at start-up, before any other thread exists.
  public static func use(_ language: Language) {
    chosen = language
  }
}
