import ArgumentParser
import GongjianPresentation
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
    abstract: help(.rootAbstract),
    discussion: help(.rootDiscussion),
    version: Gongjian.version,
    subcommands: [
      Init.self, Register.self, List.self, Show.self, Edit.self, Withdraw.self, Rejoin.self, Group.self,
      AgreementCommand.self, History.self, Report.self, Import.self, Export.self, Remove.self, Undo.self,
      Meeting.self, Followup.self, ResourceCommand.self, NeedCommand.self, ProjectCommand.self, ActivityCommand.self,
      Match.self, RegistryCommand.self, Check.self, Backup.self, Demo.self, DistrictCommand.self, Serve.self, User.self,
    ]
  )

  static let version = "0.2.0"

  /// Chooses the language, runs the command, and turns whatever stopped it into a message in
  /// that language and an exit status.
  static func main() {
    let input = CommandLineInput(CommandLine.arguments.dropFirst())
    switch Language.resolve(explicit: input.language, environment: ProcessEnvironment.variables) {
    case .success(let language): Interface.use(language)
    case .failure(let unknown):
      Interface.use((try? Language.resolve(explicit: nil, environment: ProcessEnvironment.variables).get()) ?? .zh)
      exit(with: UsageMistake.unknownLanguage(unknown.value))
    }
    if let mistake = input.mistake { exit(with: mistake) }
    if let quick = QuickStart.read(input.arguments, environment: ProcessEnvironment.variables) {
      do {
        try quick.run()
      } catch {
        exit(with: error)
      }
      return
    }
    if let unknown = input.unknownCommand() { exit(with: unknown) }
    do {
      var command = try parseAsRoot(input.arguments)
      try command.run()
    } catch {
      exit(with: error)
    }
  }

  /// Prints what went wrong, in the reader's language, and ends with its exit status.
  static func exit(with error: any Error) -> Never {
    let report = ErrorReport(error)
    if let standardOutput = report.standardOutput {
      print(standardOutput, terminator: "")
    } else if !report.message.isEmpty {
      Terminal.printError(report.message)
    }
    fflush(nil)
    Glibc.exit(report.status)
  }
}

/// A help text in the reader's language.
func help(_ key: HelpKey) -> String { Interface.texts.help(key) }

/// An option's help with the name of its value: `--joined <日期>`.
func help(_ key: HelpKey, value: HelpKey) -> ArgumentHelp {
  ArgumentHelp(help(key), valueName: help(value))
}
