#if canImport(Glibc)
import Glibc
#endif

/// The `annokit` command line, as a library so it can be tested in-process.
public enum CLI {
    /// Runs the command line and returns the process exit code.
    public static func main(arguments: [String]) -> Int32 {
        0
    }

    /// Exits the process with `code`.
    public static func exit(with code: Int32) -> Never {
        Glibc.exit(code)
    }
}
