import Foundation
import PackagePlugin

/// Names the commit a binary was built from (`provider-mock --version`): at build time, `build-info` reads the package's
/// `.git` (HEAD, and the branch it points at, loose or packed) and writes `BuildInfo.swift`. A source tree without
/// `.git` builds as "unknown commit". A new commit rebuilds the file, since HEAD and the refs are its inputs.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let git = context.package.directoryURL.appending(path: ".git")
        var inputs = [git.appending(path: "HEAD"), git.appending(path: "packed-refs")]
        if let head = try? String(contentsOf: inputs[0], encoding: .utf8), head.hasPrefix("ref: ") {
            inputs.append(git.appending(path: head.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let existing = inputs.filter { FileManager.default.fileExists(atPath: $0.path) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo.swift")
        return [
            .buildCommand(
                displayName: "Naming the commit of \(target.name)",
                executable: try context.tool(named: "build-info").url,
                arguments: [output.path, git.path],
                inputFiles: existing,
                outputFiles: [output]
            ),
        ]
    }
}
