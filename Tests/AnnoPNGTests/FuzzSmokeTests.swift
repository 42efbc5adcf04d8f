import AnnoTestSupport
import Testing
import AnnoPNG
import AnnoZlib

/// Seeded mutations of valid files, with chunk CRCs repaired so mutations reach the deeper stages: no input may trap.
@Suite struct FuzzSmokeTests {
    /// Recomputes every chunk's CRC in place, walking lengths as long as they stay in bounds.
    static func repairCRCs(_ bytes: inout [UInt8]) {
        var pos = 8
        while pos + 12 <= bytes.count {
            let length = Int(bytes[pos]) << 24 | Int(bytes[pos + 1]) << 16 | Int(bytes[pos + 2]) << 8 | Int(bytes[pos + 3])
            guard length <= bytes.count - pos - 12 else { return }
            let crc = Zlib.crc32(Array(bytes[(pos + 4)..<(pos + 8 + length)]))
            let at = pos + 8 + length
            bytes[at] = UInt8(crc >> 24)
            bytes[at + 1] = UInt8((crc >> 16) & 0xFF)
            bytes[at + 2] = UInt8((crc >> 8) & 0xFF)
            bytes[at + 3] = UInt8(crc & 0xFF)
            pos = at + 4
        }
    }

    @Test(arguments: ["ct3_bd8_adam7", "ct0_bd1", "ct0_bd16_adam7", "ct6_bd8", "ct3_bd2_adam7"])
    func mutationsNeverTrap(name: String) throws {
        let original = try fixture("valid/\(name).png")
        var rng = SplitMix64(state: UInt64(name.utf8.count) * 7919)
        var decoded = 0
        for _ in 0..<600 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let position = Int.random(in: 8..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &rng)
                case 2: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &rng)))
                default: bytes.insert(contentsOf: [0xFF, 0x00, 0x80], at: position)
                }
                if bytes.count <= 8 { break }
            }
            if Bool.random(using: &rng) { Self.repairCRCs(&bytes) }
            if (try? PNG.decode(bytes)) != nil { decoded += 1 }
        }
        #expect(decoded < 600)
    }
}
