import Foundation
import PackagePlugin

/// Embeds a target's `Resources/` folder in its code: at build time, `embed-resources` writes every file there (the
/// WSDL, the inbox page, the OpenAPI descriptions, the bundled scenario) into `EmbeddedResources.swift` as text, so the
/// built program is one file that needs no resource bundle beside it. The files stay the one source: editing one
/// rebuilds the generated code.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directoryURL.appending(path: "Resources")
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])?.allObjects as? [URL] ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) resources of \(target.name)",
                executable: try context.tool(named: "embed-resources").url,
                arguments: [output.path, folder.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
