import AnnoJSON
import Foundation
import Testing

/// Throughput numbers, printed, never asserted. Runs only when ANNOKIT_BENCH_FILE names a JSON file, e.g.
/// `python3 ../shared/bench/gen_coco.py --images 5000 --seed 0 --out /tmp/val5k.json` then
/// `ANNOKIT_BENCH_FILE=/tmp/val5k.json swift test -c release --filter AnnoJSONTests.BenchmarkTests`.
@Suite struct BenchmarkTests {
    static let file = ProcessInfo.processInfo.environment["ANNOKIT_BENCH_FILE"]

    func measure(_ label: String, bytes: Int, runs: Int = 5, _ body: () throws -> Void) rethrows {
        var best = Double.infinity
        for _ in 0..<runs {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body()
            let t = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            best = min(best, t)
        }
        let mb = Double(bytes) / 1e6
        print(String(format: "[bench] %@: %.1f MB in %.4f s = %.0f MB/s (best of %d)", label, mb, best, mb / best, runs))
    }

    /// Visits every value through the pull API, converting numbers and strings.
    static func touchAll(_ r: inout JSONReader) throws(JSONError) -> Int {
        var n = 0
        var stackIsObject: [Bool] = []
        func value(_ r: inout JSONReader, _ stack: inout [Bool], _ n: inout Int) throws(JSONError) {
            switch try r.peek() {
            case .object: try r.beginObject(); stack.append(true)
            case .array: try r.beginArray(); stack.append(false)
            case .string: n &+= try r.readString().utf8.count
            case .number: n &+= Int(try r.readDouble().isFinite ? 1 : 0)
            case .bool: n &+= try r.readBool() ? 1 : 0
            case .null: try r.readNull()
            }
        }
        try value(&r, &stackIsObject, &n)
        while let isObject = stackIsObject.last {
            if isObject {
                if let k = try r.nextKey() {
                    n &+= k.utf8.count
                    try value(&r, &stackIsObject, &n)
                } else {
                    stackIsObject.removeLast()
                }
            } else if try r.nextElement() {
                try value(&r, &stackIsObject, &n)
            } else {
                stackIsObject.removeLast()
            }
        }
        try r.finish()
        return n
    }

    static let fields = JSONKeySet(["id", "image_id", "category_id", "width", "height", "iscrowd", "license",
                                    "bbox", "area", "segmentation", "file_name", "name", "supercategory"])

    /// The access pattern a COCO reader has: typed reads by key, polygons via readDoubleArray(literals:).
    static func cocoShaped(_ r: inout JSONReader) throws(JSONError) -> Int {
        var n = 0
        try r.beginObject()
        while let k = try r.nextKey() {
            guard k == "images" || k == "annotations" || k == "categories" else {
                try r.skipValue()
                continue
            }
            try r.beginArray()
            while try r.nextElement() {
                try r.beginObject()
                while let f = try r.nextKey(in: fields) {
                    switch f {
                    case 0...6: n &+= try r.readInt()
                    case 7: n &+= try r.readDoubleArray().count
                    case 8: n &+= Int(try r.readDouble())
                    case 9:
                        guard try r.peek() == .array else {
                            try r.skipValue()
                            continue
                        }
                        try r.beginArray()
                        while try r.nextElement() {
                            var lits: [String]?
                            n &+= try r.readDoubleArray(literals: &lits).count + (lits?.count ?? 0)
                        }
                    case 10...12: n &+= try r.readString().utf8.count
                    default: try r.skipValue()
                    }
                }
            }
        }
        try r.finish()
        return n
    }

    @Test(.enabled(if: file != nil))
    func throughput() throws {
        let path = try #require(BenchmarkTests.file)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        measure("init (copy)", bytes: bytes.count) { _ = JSONReader(bytes: bytes) }
        try measure("skipValue", bytes: bytes.count) {
            var r = JSONReader(bytes: bytes)
            try r.skipValue()
            try r.finish()
        }
        var sink = 0
        try measure("pull-parse every value", bytes: bytes.count) {
            var r = JSONReader(bytes: bytes)
            sink &+= try BenchmarkTests.touchAll(&r)
        }
        try measure("COCO-shaped typed pull (nextKey(in:), readDoubleArray(literals:))", bytes: bytes.count) {
            var r = JSONReader(bytes: bytes)
            sink &+= try BenchmarkTests.cocoShaped(&r)
        }
        try measure("readValue (materialise tree)", bytes: bytes.count, runs: 3) {
            var r = JSONReader(bytes: bytes)
            let v = try r.readValue()
            if case .object = v { sink &+= 1 }
        }
        let v = try JSONReader.parse(bytes: bytes)
        measure("write compact", bytes: bytes.count, runs: 3) { sink &+= v.serialized().count }
        try measure("Foundation JSONSerialization", bytes: bytes.count, runs: 1) {
            _ = try JSONSerialization.jsonObject(with: Data(bytes))
        }
        print("[bench] sink \(sink)")
    }
}
