/// The process exit codes `annokit` promises (see Specs/cli.md). Scripts rely on them.
public enum ExitCode {
    /// Done; no finding at or above `--fail-on`.
    public static let success: Int32 = 0
    /// Lint findings at or above `--fail-on` (or a loss with `--fail-on-loss`).
    public static let findings: Int32 = 1
    /// Usage error: bad flag, unknown format name.
    public static let usage: Int32 = 2
    /// Input rejected by a safety limit.
    public static let limit: Int32 = 3
    /// Malformed or unsupported input.
    public static let dataError: Int32 = 65
    /// Input missing or unreadable.
    public static let noInput: Int32 = 66
    /// Internal error: a bug.
    public static let software: Int32 = 70
    /// Output could not be written.
    public static let cannotCreate: Int32 = 74
}
