import ArgumentParser
import GongjianPresentation
import GongjianRegistry

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct DistrictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "district", abstract: help(.districtAbstract),
    subcommands: [DistrictReportCommand.self, DistrictUnitsCommand.self])
}

/// Writing a district workbook: to a file only (it is written with seeks), made whole or not
/// at all, never over one of the registries read, readable by its owner only.
enum DistrictOutput {
  static func workbook(path: String, protecting files: [String], write: (Int32, String) throws -> Void) throws {
    let destination: String
    switch try OutputTarget.resolve(path, protecting: files, streams: false) {
    case .file(let resolved): destination = resolved
    case .stream(let descriptor):
      close(descriptor)
      throw OutputProblem.notARegularFile(path: path)
    }
    let file = try AtomicFile(destination: destination, mode: 0o600)
    try write(file.descriptor, destination)
    _ = try file.commit()
  }

  /// Names each file left out, on stderr: the output itself may be a file or a pipe.
  static func warn(_ skipped: [DistrictSkip]) {
    for skip in skipped { Terminal.printError(Interface.texts.districtSkipped(skip)) }
  }
}
