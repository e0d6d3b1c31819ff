import ArgumentParser
import GongjianPresentation
import GongjianRegistry

struct UserAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: help(.userAddAbstract), discussion: help(.userAddDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.userAddName, value: .valueName))
  var name: String

  @Option(help: help(.userAddRole, value: .valueRole))
  var role: AccountRole

  func run() throws {
    // Everything that can fail without the password fails before it is asked for.
    let program = try WebProgram.locate()
    let registry = try self.registry.open(.write)
    if let existing = try registry.credentials(name: name) {
      throw Refusal.accountExists(name: existing.account.name)
    }
    let password = try PasswordInput.read(for: name)
    if let problem = AccountRules.passwordProblem(password) {
      throw Refusal.invalid(.password, problem)
    }
    let hash = try WebProgram.hashPassword(password, with: program)
    Terminal.say(Interface.texts.accountAdded(try registry.addAccount(name: name, role: role, passwordHash: hash)))
  }
}
