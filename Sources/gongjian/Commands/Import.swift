import ArgumentParser
import GongjianPresentation
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension TextEncodingChoice: ExpressibleByArgument {}

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import", abstract: help(.importAbstract), discussion: help(.importDiscussion))

  @OptionGroup var registry: ChangingRegistryOptions

  @Argument(help: help(.importFile, value: .valueFile))
  var file: String

  @Flag(name: .customLong("dry-run"), help: ArgumentHelp(help(.importDryRun)))
  var dryRun = false

  @Flag(help: ArgumentHelp(help(.importUpdate)))
  var update = false

  @Option(help: help(.importEncoding, value: .valueEncoding))
  var encoding: TextEncodingChoice = .auto

  @Flag(help: ArgumentHelp(help(.importForce)))
  var force = false

  @Option(help: help(.importSheet, value: .valueName))
  var sheet: String?

  @Flag(name: .customLong("create-groups"), help: ArgumentHelp(help(.importCreateGroups)))
  var createGroups = false

  func run() throws {
    let registry = try self.registry.open(dryRun ? .rehearsal : .write)
    let progress = ProgressLine(enabled: Terminal.isInteractive)
    let summary: ImportSummary
    do {
      summary = try registry.importFile(
        file,
        options: ImportOptions(
          dryRun: dryRun, update: update, encoding: encoding, sheet: sheet, allowSimilarNames: force,
          createGroups: createGroups),
        progress: { progress.show($0) })
      progress.clear()
    } catch {
      progress.clear()
      throw error
    }
    Terminal.say(summary.dryRun ? Interface.texts.importDryRun(summary) : Interface.texts.imported(summary))
  }
}

/// The import's progress (rows, rate, time left) on stderr, rewritten in place, only
/// when stderr is a terminal.
final class ProgressLine {
  private let enabled: Bool
  private let started = ProgressLine.now()
  private var lastShown = 0.0
  private var shown = false

  init(enabled: Bool) { self.enabled = enabled }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  func show(_ progress: ImportProgress) {
    guard enabled else { return }
    let now = ProgressLine.now()
    guard now - lastShown >= 0.25 else { return }
    lastShown = now
    let elapsed = max(now - started, 0.001)
    let rate = Double(progress.rows) / elapsed
    var secondsLeft: Int?
    if progress.totalBytes > 0, progress.bytesRead > 0 {
      let remaining = elapsed * Double(progress.totalBytes - progress.bytesRead) / Double(progress.bytesRead)
      secondsLeft = Int(remaining.rounded())
    }
    let line = Interface.texts.importProgress(rows: progress.rows, rate: Int(rate), secondsLeft: secondsLeft)
    Terminal.writeError("\r\u{1B}[K  " + line)
    shown = true
  }

  func clear() {
    if shown { Terminal.writeError("\r\u{1B}[K") }
    shown = false
  }
}
