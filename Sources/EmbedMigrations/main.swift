// Build-time tool run by EmbedMigrationsPlugin:
//
//   EmbedMigrations migrations OUTPUT.swift FOLDER
//     turns FOLDER's `NNNN_name.sql` into `embeddedMigrations`, each with its text and SHA-256;
//   EmbedMigrations files OUTPUT.swift FOLDER
//     turns FOLDER's data files (the demo's sample) into `embeddedFiles`, by file name.
//
// The tool lists the folder itself: SwiftPM keeps a plugin's command line from an earlier
// build, so a file list passed as arguments would miss a file added since.

import Foundation

struct Failure: Error, CustomStringConvertible {
  let description: String
}

func swiftStringLiteral(_ text: String) -> String {
  var literal = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": literal += "\\\\"
    case "\"": literal += "\\\""
    case "\n": literal += "\\n"
    case "\r": literal += "\\r"
    case "\t": literal += "\\t"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        literal += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        literal.unicodeScalars.append(scalar)
      }
    }
  }
  return literal + "\""
}

func writeIfChanged(_ source: String, to output: String) throws {
  let data = Data(source.utf8)
  // Rewrite only when different, so an unchanged input does not recompile the target.
  if (try? Data(contentsOf: URL(fileURLWithPath: output))) != data {
    try data.write(to: URL(fileURLWithPath: output), options: .atomic)
  }
}

func embedFiles(output: String, paths: ArraySlice<String>) throws {
  var entries: [String] = []
  for path in paths.sorted() {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let text = String(data: data, encoding: .utf8) else {
      throw Failure(description: "\(path): not valid UTF-8")
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    entries.append("  \(swiftStringLiteral(name)): \(swiftStringLiteral(text)),")
  }
  try writeIfChanged(
    """
    // Generated at build time by EmbedMigrations from the package's Demo/ files. Do not edit.

    let embeddedFiles: [String: String] = [
    \(entries.isEmpty ? ":" : entries.joined(separator: "\n"))
    ]

    """, to: output)
}

func run() throws {
  var arguments = CommandLine.arguments.dropFirst()
  let mode = arguments.popFirst()
  guard let output = arguments.first, mode == "migrations" || mode == "files" else {
    throw Failure(description: "usage: EmbedMigrations migrations|files OUTPUT FILE...")
  }
  let folder = URL(fileURLWithPath: arguments.dropFirst().first ?? ".")
  let paths = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0).path }
  if mode == "files" {
    try embedFiles(output: output, paths: ArraySlice(paths))
    return
  }
  var entries: [String] = []
  var seenVersions: Set<Int> = []
  for path in paths where path.hasSuffix(".sql") {
    let fileName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let parts = fileName.split(separator: "_", maxSplits: 1)
    guard parts.count == 2, parts[0].count == 4, let version = Int(parts[0]), version > 0 else {
      throw Failure(description: "\(path): migration files are named NNNN_name.sql (e.g. 0001_schema.sql)")
    }
    guard seenVersions.insert(version).inserted else {
      throw Failure(description: "\(path): a second migration numbered \(parts[0])")
    }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let text = String(data: data, encoding: .utf8) else {
      throw Failure(description: "\(path): not valid UTF-8")
    }
    let checksum = SHA256.hex(of: Array(data))
    entries.append(
      "  EmbeddedMigration(version: \(version), name: \(swiftStringLiteral(String(parts[1]))), "
        + "checksum: \"\(checksum)\", sql: \(swiftStringLiteral(text))),")
  }
  for (expected, version) in seenVersions.sorted().enumerated() where version != expected + 1 {
    throw Failure(description: "migrations must be numbered 0001, 0002, … without gaps; \(expected + 1) is missing")
  }
  let source = """
    // Generated at build time by EmbedMigrations from the package's Migrations/*.sql. Do not edit.

    let embeddedMigrations: [EmbeddedMigration] = [
    \(entries.joined(separator: "\n"))
    ]

    """
  try writeIfChanged(source, to: output)
}

do {
  try run()
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(1)
}
