// Build-time tool run by EmbedMigrationsPlugin: turns `Migrations/NNNN_name.sql` files into a
// Swift file declaring `embeddedMigrations`, each with its text and SHA-256 checksum.
//
// Usage: EmbedMigrations OUTPUT.swift FILE.sql...

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

func run() throws {
  let arguments = CommandLine.arguments.dropFirst()
  guard let output = arguments.first else { throw Failure(description: "usage: EmbedMigrations OUTPUT FILE...") }
  var entries: [String] = []
  var seenVersions: Set<Int> = []
  for path in arguments.dropFirst() {
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
  let data = Data(source.utf8)
  // Rewrite only when different, so an unchanged schema does not recompile the registry.
  if (try? Data(contentsOf: URL(fileURLWithPath: output))) != data {
    try data.write(to: URL(fileURLWithPath: output), options: .atomic)
  }
}

do {
  try run()
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(1)
}
