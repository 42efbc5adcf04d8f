/// Renders manual pages for commands.
public enum Help {
    /// The common exit-status section.
    static let exitStatus: [(String, String)] = [
        ("0", "Done; no finding at or above --fail-on."),
        ("1", "Lint findings at or above --fail-on, or a loss with --fail-on-loss."),
        ("2", "Usage error: an unknown option, command or format name."),
        ("3", "Input rejected by a safety limit (size, pixels, depth, ratio)."),
        ("65", "Malformed or unsupported input."),
        ("66", "Input missing or unreadable."),
        ("74", "Output could not be written; nothing half-written is left behind."),
        ("70", "Internal error: a bug. Please report it."),
    ]

    /// The manual page of one command.
    public static func page(for spec: CommandSpec) -> String {
        var s = "NAME\n    \(spec.fullName) - \(spec.abstract)\n\nSYNOPSIS\n    \(synopsis(spec))\n"
        if !spec.discussion.isEmpty {
            s += "\nDESCRIPTION\n"
            for paragraph in spec.discussion.split(separator: "\n\n", omittingEmptySubsequences: true) {
                s += wrap(String(paragraph), indent: 4) + "\n\n"
            }
            s.removeLast()
        }
        if !spec.positionals.isEmpty {
            s += "\nARGUMENTS\n"
            for p in spec.positionals {
                s += "    \(p.name)\n" + wrap(p.help, indent: 8) + "\n"
            }
        }
        s += "\nOPTIONS\n"
        for o in spec.options {
            var head = o.names.joined(separator: ", ")
            if let v = o.valueName { head += " " + (o.choices?.joined(separator: "|") ?? v) }
            var text = o.help
            if let d = o.defaultValue { text += " Default: \(d)." }
            s += "    \(head)\n" + wrap(text, indent: 8) + "\n"
        }
        s += "\nEXIT STATUS\n"
        for (code, meaning) in exitStatus { s += "    " + code.padding(4) + meaning + "\n" }
        for note in spec.exitNotes { s += wrap(note, indent: 4) + "\n" }
        if !spec.examples.isEmpty {
            s += "\nEXAMPLES\n"
            for e in spec.examples { s += wrap(e.comment, indent: 4) + "\n        \(e.command)\n\n" }
            s.removeLast()
        }
        return s
    }

    /// One-line usage.
    public static func synopsis(_ spec: CommandSpec) -> String {
        var parts = [spec.fullName]
        for p in spec.positionals { parts.append(p.optional ? "[\(p.name)]" : p.name) }
        parts.append("[options]")
        return parts.joined(separator: " ")
    }

    /// Wraps text at 100 columns with a hanging indent.
    static func wrap(_ text: String, indent: Int, width: Int = 100) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if raw.hasPrefix("  ") {
                lines.append(pad + raw)
                continue
            }
            var line = pad
            for word in raw.split(separator: " ") {
                if line.count > indent && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = pad
                }
                line += (line.count > indent ? " " : "") + word
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
