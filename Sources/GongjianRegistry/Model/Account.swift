/// What an account of the browser view may do.
public enum AccountRole: String, Sendable, CaseIterable {
  /// Reads every page, contacts included.
  case viewer
  /// Also makes the everyday changes: registers, edits, withdraws, renews, takes back.
  case editor
  /// Also sees who has an account.
  case admin

  public var mayChange: Bool { self != .viewer }
  public var mayAdminister: Bool { self == .admin }
}

/// An account of the browser view, without its password.
public struct Account: Equatable, Sendable {
  public var name: String
  public var role: AccountRole
  /// When it was added, in UTC: `YYYY-MM-DDTHH:MM:SSZ`.
  public var createdAt: String
  /// Who added it (the person `--by` or the login names).
  public var createdBy: String
}

/// An account with the hash its password is checked against.
public struct AccountCredentials: Sendable {
  public var account: Account
  /// A bcrypt hash (`$2b$…`): salted and slow, never the password itself.
  public var passwordHash: String
}

/// The rules for accounts' names and passwords.
public enum AccountRules {
  /// The fewest characters a password may have.
  public static let minimumPasswordLength = 8
  /// The most bytes bcrypt reads of a password; a longer one would be cut without a word.
  public static let maximumPasswordBytes = 72

  /// What is wrong with a password, if anything.
  public static func passwordProblem(_ password: String) -> ValueProblem? {
    if password.count < minimumPasswordLength { return .tooShort(minimum: minimumPasswordLength) }
    if password.utf8.count > maximumPasswordBytes { return .tooLong(limit: maximumPasswordBytes) }
    if let control = password.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
      return .controlCharacter(control.value)
    }
    return nil
  }
}
