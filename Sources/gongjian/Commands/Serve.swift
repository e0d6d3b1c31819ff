import ArgumentParser
import GongjianPresentation
import GongjianRegistry

/// `gongjian serve`: the browser view. The pages are served by `gongjian-web`, a program of its
/// own, so that the server's dependencies never slow down this command line's start-up.
struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve", abstract: help(.serveAbstract), discussion: help(.serveDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Option(help: help(.serveListen, value: .valueAddress))
  var listen = "127.0.0.1:8080"

  func run() throws {
    let location = try registry.location()
    _ = try registry.today()
    let program = try WebProgram.locate()
    var arguments = [
      "serve", "--db", location.path, "--listen", listen, "--lang", Interface.language.rawValue,
    ]
    if let today = registry.registry.todayText { arguments += ["--today", today] }
    if let by = registry.changedBy { arguments += ["--by", by] }
    try WebProgram.replaceProcess(with: program, arguments: arguments)
  }
}
