import AnnoCore

/// Stable identities for findings, shared by the reporters and the lint baseline.
///
/// A fingerprint depends only on the check code and the diagnostic's subject (`annotation 17`), never on line
/// numbers or message wording, so reformatting a file or rewording a message keeps it.
public enum Fingerprint {
    /// The fingerprint of `diagnostic`: FNV-1a 64-bit of the UTF-8 text `code|subject`, as 16 lowercase hex digits.
    public static func of(_ diagnostic: Diagnostic) -> String {
        hex(fnv1a64("\(diagnostic.code)|\(diagnostic.subject)"))
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// `value` as exactly 16 lowercase hexadecimal digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
