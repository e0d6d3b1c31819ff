import Foundation
import PackagePlugin

/// Embeds the package's top-level `Migrations/*.sql` into the target that uses the plugin,
/// as Swift source, so an installed binary carries its schema wherever it runs.
@main
struct EmbedMigrationsPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "Migrations")
    let files = try FileManager.default.contentsOfDirectory(
      at: folder, includingPropertiesForKeys: nil
    )
    .filter { $0.pathExtension == "sql" }
    .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(files.count) migrations",
        executable: try context.tool(named: "EmbedMigrations").url,
        arguments: [output.path] + files.map(\.path),
        // Listing the folder too makes adding or removing a file re-run the command.
        inputFiles: files + [folder],
        outputFiles: [output]
      )
    ]
  }
}
