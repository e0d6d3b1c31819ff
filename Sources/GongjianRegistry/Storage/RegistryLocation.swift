/// Where the registry file is: `--db`, else `$GONGJIAN_DB`, else
/// `$XDG_DATA_HOME/gongjian/registry.sqlite`, else `~/.local/share/gongjian/registry.sqlite`.
public struct RegistryLocation: Equatable, Sendable {
  public let path: String
  /// True when the path came from neither `--db` nor `$GONGJIAN_DB`. Only then may `init`
  /// create missing folders: a folder named by hand that is missing is more likely a typo.
  public let isDefault: Bool

  public init(path: String, isDefault: Bool) {
    self.path = path
    self.isDefault = isDefault
  }

  public static func resolve(option: String?, environment: [String: String]) -> Result<
    RegistryLocation, StorageProblem
  > {
    if let option {
      guard !option.isEmpty else { return .failure(.emptyDatabasePath) }
      return .success(RegistryLocation(path: option, isDefault: false))
    }
    if let variable = environment["GONGJIAN_DB"], !variable.isEmpty {
      return .success(RegistryLocation(path: variable, isDefault: false))
    }
    if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
      return .success(RegistryLocation(path: dataHome + "/gongjian/registry.sqlite", isDefault: true))
    }
    guard let home = environment["HOME"], !home.isEmpty else {
      return .failure(.noHomeFolder)
    }
    return .success(RegistryLocation(path: home + "/.local/share/gongjian/registry.sqlite", isDefault: true))
  }
}
