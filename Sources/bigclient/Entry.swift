import Foundation

/// The `bigclient` executable: parses the command line, dispatches to a command, prints, and
/// exits with the status docs/troubleshooting.md lists. Every real decision lives in the libraries.
@main
enum Entry {
    static func main() {
        Interruption.install()
        Console.install()
        let arguments: [String]
        do {
            arguments = try RawArguments.utf8()
        } catch {
            Console.error("error: \(error.message)")
            exit(ExitCode.usage.rawValue)
        }
        exit(CommandRunner.run(arguments).rawValue)
    }
}
