import ArgumentParser
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@main
struct Gongjian: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gongjian",
    abstract: "The registry of a subdistrict's regional party-building alliance (区域化党建共建单位登记).",
    discussion: """
      The registry is one SQLite file: --db PATH, else $GONGJIAN_DB, else \
      $XDG_DATA_HOME/gongjian/registry.sqlite (~/.local/share/gongjian/registry.sqlite). \
      Only `init` and `demo` create a registry.

      Exit status: 0 ok, 1 refused (not found, duplicate, conflict), 64 usage, 65 invalid data, \
      66 cannot open, 74 I/O failure (disk full, read-only), 75 busy (try again).
      """,
    version: "0.1.0",
    subcommands: [
      Init.self, Register.self, List.self, Show.self, Edit.self, Withdraw.self, Rejoin.self, Group.self,
      AgreementCommand.self, History.self, Report.self, Import.self, Export.self, Check.self, Backup.self, Demo.self,
    ]
  )

  /// Runs the command; a `RegistryError` becomes its message on stderr and its exit status.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as RegistryError {
      Terminal.printError(error.message)
      Glibc.exit(error.exitStatus)
    } catch let problem as any UserFacingProblem {
      Terminal.printError(problem.message)
      Glibc.exit(problem.exitStatus)
    } catch let errors as FieldErrors {
      // Field errors are normally named by their option (Arguments.naming); never let one
      // fall through as a generic failure.
      Terminal.printError(errors.description)
      Glibc.exit(RegistryError.Kind.invalidData.rawValue)
    } catch {
      Self.exit(withError: error)
    }
  }
}
