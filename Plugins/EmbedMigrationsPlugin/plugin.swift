import Foundation
import PackagePlugin

/// Embeds the package's top-level `Migrations/*.sql` (the schema) and `Demo/*` (the sample the
/// `demo` command loads) into the target that uses the plugin, as Swift source, so an installed
/// binary carries them wherever it runs.
@main
struct EmbedMigrationsPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let tool = try context.tool(named: "EmbedMigrations").url
    let migrations = context.package.directoryURL.appending(path: "Migrations")
    let sqlFiles = try files(in: migrations).filter { $0.pathExtension == "sql" }
    let demo = context.package.directoryURL.appending(path: "Demo")
    let demoFiles = try files(in: demo)
    let schemaOutput = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
    let demoOutput = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(sqlFiles.count) migrations",
        executable: tool,
        // The tool lists the folder itself (SwiftPM may reuse these arguments from an earlier
        // build); the folder as an input makes adding or removing a file re-run the command.
        arguments: ["migrations", schemaOutput.path, migrations.path],
        inputFiles: sqlFiles + [migrations],
        outputFiles: [schemaOutput]
      ),
      .buildCommand(
        displayName: "Embedding \(demoFiles.count) demo files",
        executable: tool,
        arguments: ["files", demoOutput.path, demo.path],
        inputFiles: demoFiles + [demo],
        outputFiles: [demoOutput]
      ),
    ]
  }

  private func files(in folder: URL) throws -> [URL] {
    guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { !$0.lastPathComponent.hasPrefix(".") }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }
}
