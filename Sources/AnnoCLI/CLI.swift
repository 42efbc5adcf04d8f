#if canImport(Glibc)
import Glibc
#endif
import AnnoKit

/// One `annokit` subcommand.
protocol Command: SendableMetatype {
    /// Its interface.
    static var spec: CommandSpec { get }
    /// Runs it and returns the exit code; throws usage and stopping errors.
    static func run(_ args: ParsedArguments, console: Console) throws -> Int32
}

/// The `annokit` command line, as a library so it can be tested in-process.
public enum CLI {
    /// Every command, in the order `annokit --help` lists them.
    static let commands: [any Command.Type] = [
        InfoCommand.self,
        ConvertCommand.self,
        LintCommand.self,
        RulesCommand.self,
        VerifyCommand.self,
        ShowCommand.self,
        MasksFromBoxesCommand.self,
        MasksImportCommand.self,
        MasksReviewExportCommand.self,
        MasksReviewApplyCommand.self,
    ]

    /// Runs the command line against the real standard streams and returns the exit code.
    public static func main(arguments: [String]) -> Int32 {
        run(arguments: arguments, console: .standard())
    }

    /// Runs the command line against `console` (capture it in tests) and returns the exit code.
    public static func run(arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.err(topLevelHelp())
            return ExitCode.usage
        }
        if first == "--help" || first == "-h" || first == "help" {
            console.out(topLevelHelp())
            return ExitCode.success
        }
        if first == "--version" {
            console.out("annokit \(AnnoKitVersion.current)\n")
            return ExitCode.success
        }
        // Longest command path that matches the leading words.
        let matched = commands
            .filter { arguments.starts(with: $0.spec.path) }
            .max { $0.spec.path.count < $1.spec.path.count }
        guard let command = matched else {
            let groups = commands.filter { arguments.starts(with: [$0.spec.path[0]]) }
            if !groups.isEmpty {
                console.err("error: '\(arguments.prefix(3).joined(separator: " "))' is not a command. Try one of:\n")
                for c in groups { console.err("  \(c.spec.fullName)  \(c.spec.abstract)\n") }
                return ExitCode.usage
            }
            let names = Array(Set(commands.map { $0.spec.path[0] })).sorted()
            let hint = closest(first, in: names).map { " Did you mean '\($0)'?" } ?? ""
            console.err("error: unknown command '\(first)'.\(hint) Run 'annokit --help' for the list.\n")
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst(command.spec.path.count))
        do {
            let parsed = try parseArguments(rest, spec: command.spec)
            if parsed.flag("--help") {
                console.out(Help.page(for: command.spec))
                return ExitCode.success
            }
            return try command.run(parsed, console: console)
        } catch let error as UsageError {
            console.err("error: \(error.message)\nusage: \(Help.synopsis(command.spec))\nRun '\(error.command) --help' for details.\n")
            return ExitCode.usage
        } catch let error as any AnnoError {
            console.endProgress()
            console.err("\(error.description)\n")
            return error.category.rawValue
        } catch {
            console.endProgress()
            console.err("internal error: \(error). This is a bug in annokit; please report it with the command you ran.\n")
            return ExitCode.software
        }
    }

    /// The top-level help page.
    static func topLevelHelp() -> String {
        var s = """
        NAME
            annokit - read, convert, validate and report on computer-vision annotation datasets

        SYNOPSIS
            annokit COMMAND [ARGUMENTS] [options]
            annokit COMMAND --help

        DESCRIPTION
            AnnoKit reads COCO JSON, Pascal VOC folders and its own .amsk mask archives into one
            representation, converts between them without silent losses, and lints datasets in CI:
            box against mask, metadata, licences, provenance, review and annotators.

        COMMANDS

        """
        for c in commands {
            s += "    " + c.spec.path.joined(separator: " ").padding(24) + c.spec.abstract + "\n"
        }
        s += """

        DATASETS
            A COCO JSON file (instances, a results list, or a Segment Anything per-image file), a Pascal
            VOC root folder (with Annotations/), or a .amsk archive. --from auto detects which.

        EXIT STATUS

        """
        for (code, meaning) in Help.exitStatus { s += "    " + code.padding(4) + meaning + "\n" }
        s += "\nSee 'annokit COMMAND --help' for each command's options and examples.\n"
        return s
    }

    /// Exits the process with `code`.
    public static func exit(with code: Int32) -> Never {
        Glibc.exit(code)
    }
}
