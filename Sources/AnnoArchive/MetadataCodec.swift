import AnnoCore
import AnnoJSON

/// How an annotation's segmentation is stored in the `META` block (see `Specs/formats/amsk.md`, "Segmentation").
enum SegmentationKind: UInt8 {
    /// No segmentation.
    case none = 0
    /// Polygons, stored in full in `META` (their rasterisation is also in the `MASK` record when the size is known).
    case polygons = 1
    /// RLE with a counts list: size and counts live in the `MASK` record.
    case rleList = 2
    /// RLE with a compressed string that re-encodes exactly from its counts: size and counts live in the `MASK` record.
    case rleCompressedCanonical = 3
    /// RLE with a compressed string stored verbatim in `META` (non-canonical or undecodable strings).
    case rleCompressedLiteral = 4
}

/// The binary encoding of the IR without mask counts: the `META` payload (before compression).
enum MetadataCodec {
    static let maxDepth = 512
    /// Exact powers of ten up to 10^22 (every one is a double without rounding).
    static let pow10: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { acc, _ in acc * 10 } }

    // MARK: Writing

    static func encode(_ d: Dataset, kinds: [SegmentationKind]) -> [UInt8] {
        encodeWithBoundaries(d, kinds: kinds).bytes
    }

    /// The `META` payload and the byte position where each annotation starts (the cut points of a multi-part record).
    static func encodeWithBoundaries(_ d: Dataset, kinds: [SegmentationKind]) -> (bytes: [UInt8], annotationStarts: [Int]) {
        var w = ByteWriter(capacity: 1 << 16)
        switch d.shape {
        case .instances: w.u8(0)
        case .resultsList: w.u8(1)
        case .segmentAnything: w.u8(2)
        }
        if let info = d.info {
            w.u8(1)
            writeValue(info, &w)
        } else {
            w.u8(0)
        }
        w.varint(d.sectionOrder.count)
        for s in d.sectionOrder { w.string(s) }
        w.varint(d.licenses.count)
        for l in d.licenses {
            writeID(l.id, &w)
            w.varint(bits(l.name != nil, l.url != nil, !l.extensions.isEmpty))
            if let v = l.name { w.string(v) }
            if let v = l.url { w.string(v) }
            if !l.extensions.isEmpty { writeMembers(l.extensions, &w) }
        }
        w.varint(d.categories.count)
        for c in d.categories {
            writeID(c.id, &w)
            w.string(c.name)
            w.varint(bits(c.supercategory != nil, !c.extensions.isEmpty))
            if let v = c.supercategory { w.string(v) }
            if !c.extensions.isEmpty { writeMembers(c.extensions, &w) }
        }
        w.varint(d.images.count)
        for image in d.images { writeImage(image, &w) }
        w.varint(d.annotations.count)
        var starts: [Int] = []
        starts.reserveCapacity(d.annotations.count)
        for (i, a) in d.annotations.enumerated() {
            starts.append(w.bytes.count)
            writeAnnotation(a, kind: kinds[i], &w)
        }
        writeMembers(d.extensions, &w)
        return (w.bytes, starts)
    }

    static func bits(_ flags: Bool...) -> UInt64 {
        var v: UInt64 = 0
        for (i, f) in flags.enumerated() where f { v |= 1 << UInt64(i) }
        return v
    }

    static func writeImage(_ m: Image, _ w: inout ByteWriter) {
        writeID(m.id, &w)
        w.varint(bits(
            m.fileName != nil, m.width != nil, m.height != nil, m.license != nil, m.title != nil, m.description != nil,
            m.scene != nil, m.captions != nil, m.ignoreRegion != nil, !m.extensions.isEmpty))
        if let v = m.fileName { w.string(v) }
        if let v = m.width { w.zigzag(Int64(v)) }
        if let v = m.height { w.zigzag(Int64(v)) }
        if let v = m.license { writeID(v, &w) }
        if let v = m.title { w.string(v) }
        if let v = m.description { w.string(v) }
        if let s = m.scene {
            w.varint(bits(s.viewpoint != nil, s.lighting != nil, s.mood != nil, s.setting != nil, s.notes != nil, !s.extensions.isEmpty))
            for v in [s.viewpoint, s.lighting, s.mood, s.setting, s.notes] { if let v { w.string(v) } }
            if !s.extensions.isEmpty { writeMembers(s.extensions, &w) }
        }
        if let c = m.captions {
            w.varint(c.count)
            for s in c { w.string(s) }
        }
        if let r = m.ignoreRegion { writeInlineRLE(r, &w) }
        if !m.extensions.isEmpty { writeMembers(m.extensions, &w) }
    }

    static func writeInlineRLE(_ r: RLEData, _ w: inout ByteWriter) {
        w.zigzag(Int64(r.height))
        w.zigzag(Int64(r.width))
        switch r.counts {
        case .uncompressed(let c):
            w.u8(0)
            w.varint(c.count)
            for v in c { w.varint(UInt64(v)) }
        case .compressed(let s):
            w.u8(1)
            w.string(s)
        }
    }

    static func writeAnnotation(_ a: Annotation, kind: SegmentationKind, _ w: inout ByteWriter) {
        writeID(a.id, &w)
        writeID(a.imageID, &w)
        w.varint(bits(
            a.idWasAssigned, a.categoryID != nil, a.bbox != nil, a.area != nil, a.isCrowd != nil, a.score != nil,
            a.description != nil, a.caption != nil, a.provenance != nil, a.review != nil, !a.extensions.isEmpty))
        if let v = a.categoryID { writeID(v, &w) }
        if let b = a.bbox {
            writeNumber(b.x, &w)
            writeNumber(b.y, &w)
            writeNumber(b.width, &w)
            writeNumber(b.height, &w)
        }
        if let v = a.area { writeNumber(v, &w) }
        if let v = a.isCrowd { w.zigzag(Int64(v)) }
        if let v = a.score { writeNumber(v, &w) }
        if let v = a.description { w.string(v) }
        if let v = a.caption { w.string(v) }
        if let p = a.provenance {
            w.varint(bits(p.source != nil, p.annotator != nil, p.model != nil, p.modelVersion != nil, p.created != nil, !p.extensions.isEmpty))
            if let s = p.source {
                switch s {
                case .human: w.u8(0)
                case .model: w.u8(1)
                case .derivedFromBBox: w.u8(2)
                case .imported: w.u8(3)
                case .other(let t):
                    w.u8(4)
                    w.string(t)
                }
            }
            for v in [p.annotator, p.model, p.modelVersion, p.created] { if let v { w.string(v) } }
            if !p.extensions.isEmpty { writeMembers(p.extensions, &w) }
        }
        if let r = a.review {
            w.varint(bits(r.status != nil, r.reviewer != nil, r.reviewed != nil, !r.extensions.isEmpty))
            if let s = r.status {
                switch s {
                case .unreviewed: w.u8(0)
                case .approved: w.u8(1)
                case .rejected: w.u8(2)
                case .needsFix: w.u8(3)
                case .other(let t):
                    w.u8(4)
                    w.string(t)
                }
            }
            for v in [r.reviewer, r.reviewed] { if let v { w.string(v) } }
            if !r.extensions.isEmpty { writeMembers(r.extensions, &w) }
        }
        if !a.extensions.isEmpty { writeMembers(a.extensions, &w) }
        w.u8(kind.rawValue)
        switch (kind, a.segmentation) {
        case (.polygons, .polygons(let p)):
            writePolygons(p, &w)
        case (.rleCompressedLiteral, .rle(let r)):
            w.zigzag(Int64(r.height))
            w.zigzag(Int64(r.width))
            if case .compressed(let s) = r.counts { w.string(s) } else { w.string("") }
        default:
            break
        }
    }

    static func writePolygons(_ p: PolygonSet, _ w: inout ByteWriter) {
        w.varint(p.polygons.count)
        for (i, poly) in p.polygons.enumerated() {
            // Modes 0/1 hold canonical numbers, 4/5 the same layouts in the `.0` style, 3 exact literals.
            let pointZero: Bool
            switch p.styles[i] {
            case .literals(let literals):
                w.u8(3)
                w.varint(poly.count)
                for (v, s) in zip(poly, literals) { writeLiteralCoordinate(v, s, &w) }
                continue
            case .pointZero:
                pointZero = true
            case .canonical:
                pointZero = false
            }
            if let d = decimals(poly) {
                w.u8(pointZero ? 4 : 0)
                w.varint(poly.count)
                w.u8(UInt8(d))
                let scale = pow10[d]
                var prev: (Int64, Int64) = (0, 0)
                for (j, v) in poly.enumerated() {
                    let k = Int64((v * scale).rounded())
                    if j & 1 == 0 {
                        w.zigzag(k &- prev.0)
                        prev.0 = k
                    } else {
                        w.zigzag(k &- prev.1)
                        prev.1 = k
                    }
                }
            } else {
                w.u8(pointZero ? 5 : 1)
                w.varint(poly.count)
                for v in poly { w.f64(v) }
            }
        }
    }

    /// One coordinate of a polygon that keeps literals: `(zigzag(±m) << 3) | d` for a plain decimal with d ≤ 6
    /// fraction digits (d = 0: an integer literal), else the escape 7 then the double and the text.
    static func writeLiteralCoordinate(_ v: Double, _ s: String, _ w: inout ByteWriter) {
        if let (negative, mantissa, d) = parseCoordinate(s), d <= 6, !(negative && mantissa == 0), mantissa < (1 << 53) {
            let m = negative ? -Int64(mantissa) : Int64(mantissa)
            let rebuilt = coordinateLiteral(m, d)
            if rebuilt == s, (Double(m) / pow10[d]).bitPattern == v.bitPattern {
                let z = UInt64(bitPattern: (m << 1) ^ (m >> 63))
                w.varint((z << 3) | UInt64(d))
                return
            }
        }
        w.varint(7)
        w.f64(v)
        w.string(s)
    }

    static func parseCoordinate(_ s: String) -> (Bool, UInt64, Int)? {
        if let d = parseDecimal(s) { return d }
        guard let i = Int64(s), String(i) == s else { return nil }
        return (i < 0, i.magnitude, 0)
    }

    static func coordinateLiteral(_ m: Int64, _ d: Int) -> String {
        if d == 0 { return String(m) }
        return decimalLiteral(m < 0, m.magnitude, d)
    }

    /// The smallest number of decimals `d` ≤ 6 such that every value is exactly `k / 10^d` for an integer `k`.
    static func decimals(_ values: [Double]) -> Int? {
        // A negative zero would come back as +0 from the integer coding: such polygons keep their raw doubles.
        if values.contains(where: { $0 == 0 && $0.sign == .minus }) { return nil }
        outer: for d in 0...6 {
            let scale = pow10[d]
            for v in values {
                let s = (v * scale).rounded()
                guard s.magnitude < 9.0e15 else { continue outer }
                if (s / scale).bitPattern != v.bitPattern { continue outer }
            }
            return d
        }
        return nil
    }

    static func writeID(_ id: ID, _ w: inout ByteWriter) {
        switch id {
        case .int(let i):
            w.u8(0)
            w.zigzag(Int64(i))
        case .string(let s):
            w.u8(1)
            w.string(s)
        }
    }

    static func writeMembers(_ members: [JSONMember], _ w: inout ByteWriter) {
        w.varint(members.count)
        for m in members {
            w.string(m.key)
            writeValue(m.value, &w)
        }
    }

    static func writeValue(_ v: JSONValue, _ w: inout ByteWriter) {
        switch v {
        case .null: w.u8(0)
        case .bool(let b): w.u8(b ? 2 : 1)
        case .number(let n):
            w.u8(3)
            writeNumber(n, &w)
        case .string(let s):
            w.u8(4)
            w.string(s)
        case .array(let a):
            w.u8(5)
            w.varint(a.count)
            for e in a { writeValue(e, &w) }
        case .object(let m):
            w.u8(6)
            writeMembers(m, &w)
        }
    }

    /// Numbers keep their literal: integers as zigzag varints, plain decimals as mantissa and scale, others verbatim.
    static func writeNumber(_ n: JSONNumber, _ w: inout ByteWriter) {
        let lit = n.literal
        if let i = Int64(lit), String(i) == lit {
            w.u8(0)
            w.zigzag(i)
            return
        }
        if let (negative, mantissa, d) = parseDecimal(lit), decimalLiteral(negative, mantissa, d) == lit,
           decimalDouble(negative, mantissa, d, literal: lit).bitPattern == n.double.bitPattern {
            w.u8(1)
            w.varint((mantissa << 1) | (negative ? 1 : 0))
            w.u8(UInt8(d))
            return
        }
        w.u8(2)
        w.string(lit)
        w.f64(n.double)
    }

    /// Splits `-?digits.digits` into sign, all digits as an integer, and the number of fraction digits.
    static func parseDecimal(_ s: String) -> (Bool, UInt64, Int)? {
        var negative = false
        var mantissa: UInt64 = 0
        var digits = 0, fraction = -1
        for (i, c) in s.utf8.enumerated() {
            if c == UInt8(ascii: "-") && i == 0 {
                negative = true
            } else if c == UInt8(ascii: ".") && fraction < 0 {
                fraction = 0
            } else if c >= 48 && c <= 57 {
                digits += 1
                if fraction >= 0 { fraction += 1 }
                guard digits <= 18 else { return nil }
                mantissa = mantissa * 10 + UInt64(c - 48)
            } else {
                return nil
            }
        }
        guard fraction >= 1, fraction <= 22 else { return nil }
        return (negative, mantissa, fraction)
    }

    /// Rebuilds `-?digits.digits` from the digits as an integer and the number of fraction digits, without
    /// intermediate arrays (this runs once per decoded decimal).
    static func decimalLiteral(_ negative: Bool, _ mantissa: UInt64, _ d: Int) -> String {
        // Digits end at 64; the 16 zero bytes after them let `ASCIIText` read a whole word past any start.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { buf in
            (buf.baseAddress! + 64).initialize(repeating: 0, count: 16)
            var p = 64
            var m = mantissa
            var written = 0
            // The fraction's digits two at a time, then its last odd digit, the point, and the integer part.
            while d - written >= 2 {
                let (rest, pair) = m.quotientAndRemainder(dividingBy: 100)
                p -= 2
                buf[p] = UInt8(truncatingIfNeeded: 48 &+ pair / 10)
                buf[p + 1] = UInt8(truncatingIfNeeded: 48 &+ pair % 10)
                m = rest
                written += 2
            }
            repeat {
                if written == d && d > 0 {
                    p -= 1
                    buf[p] = UInt8(ascii: ".")
                }
                p -= 1
                buf[p] = UInt8(48 + m % 10)
                m /= 10
                written += 1
            } while m > 0 || written <= d
            if negative {
                p -= 1
                buf[p] = UInt8(ascii: "-")
            }
            return ASCIIText.string(buf.baseAddress! + p, count: 64 - p)
        }
    }

    static func decimalDouble(_ negative: Bool, _ mantissa: UInt64, _ d: Int, literal: String) -> Double {
        if mantissa < (1 << 53) {
            let v = Double(mantissa) / pow10[d]
            return negative ? -v : v
        }
        if let v = roundedQuotient(mantissa, d) { return negative ? -v : v }
        return Double(literal) ?? .nan
    }

    /// Exact powers of ten that fit in 64 bits.
    static let pow10Int: [UInt64] = (0...19).map { e in (0..<e).reduce(1) { acc, _ in acc * 10 } }

    /// The double nearest to `m / 10^d` (ties to even) for 2^53 ≤ m < 2^63 and 1 ≤ d ≤ 19, by one 128-by-64-bit
    /// division: the quotient keeps 2–3 bits below the 53 kept ones, and the remainder is the sticky bit. This is
    /// what `Double(literal)` returns for such literals, without parsing text (tested against it).
    static func roundedQuotient(_ m: UInt64, _ d: Int) -> Double? {
        guard d >= 1, d <= 19, m >= (1 << 53), m < (1 << 63) else { return nil }
        let p = pow10Int[d]
        let mBits = 64 - m.leadingZeroBitCount, pBits = 64 - p.leadingZeroBitCount
        let s = 55 + pBits - mBits // then m·2^s / p lies in [2^54, 2^56)
        let q: UInt64, r: UInt64
        if s < 0 {
            // m is large and p small: divide by p·2^-s instead (it fits: pBits - s ≤ 64 here).
            guard pBits - s <= 64 else { return nil }
            (q, r) = m.quotientAndRemainder(dividingBy: p << UInt64(-s))
        } else {
            guard s < 128 - mBits else { return nil }
            let high = s == 0 ? 0 : (s >= 64 ? m << UInt64(s - 64) : m >> UInt64(64 - s))
            let low = s >= 64 ? 0 : m << UInt64(s)
            guard high < p else { return nil }
            (q, r) = p.dividingFullWidth((high: high, low: low))
        }
        let qBits = 64 - q.leadingZeroBitCount
        let drop = qBits - 53
        guard drop >= 1, drop <= 10 else { return nil }
        var significand = q >> UInt64(drop)
        let rest = q & ((1 << UInt64(drop)) - 1), half: UInt64 = 1 << UInt64(drop - 1)
        if rest > half || (rest == half && (r != 0 || significand & 1 == 1)) { significand += 1 }
        return Double(sign: .plus, exponent: drop - s, significand: Double(significand))
    }

    // MARK: Reading

    /// Decodes a `META` payload. Annotations whose counts live in `MASK` records get a placeholder segmentation
    /// and their kind in the returned array (`.none` for every other annotation).
    static func decode(_ r: inout ByteReader) throws(PayloadError) -> (Dataset, [SegmentationKind]) {
        var (d, annotationCount) = try decodeHead(&r, wholeBlock: true)
        var kinds = [SegmentationKind](repeating: .none, count: annotationCount)
        var failure: PayloadError?
        d.annotations = kinds.withUnsafeMutableBufferPointer { k in
            [Annotation](unsafeUninitializedCapacity: annotationCount) { buf, count in
                guard let slots = buf.baseAddress, let kindSlots = k.baseAddress else { return }
                (count, failure) = decodeAnnotations(&r, count: annotationCount, into: slots, kinds: kindSlots)
            }
        }
        if let failure { throw failure }
        d.extensions = try decodeTail(&r)
        return (d, kinds)
    }

    /// Everything before the first annotation: the dataset without annotations and extensions, and the
    /// declared annotation count (checked against what is left).
    /// `wholeBlock` is false for the first part of a multi-part block, whose annotations continue in later parts
    /// (the count is then checked against the part table instead).
    static func decodeHead(_ r: inout ByteReader, wholeBlock: Bool) throws(PayloadError) -> (Dataset, Int) {
        var d = Dataset()
        switch try r.u8() {
        case 0: d.shape = .instances
        case 1: d.shape = .resultsList
        case 2: d.shape = .segmentAnything
        case let s: throw r.fail("unknown dataset shape \(s)")
        }
        switch try r.u8() {
        case 0: break
        case 1: d.info = try readValue(&r, depth: 0)
        case let s: throw r.fail("bad info flag \(s)")
        }
        let sections = try r.itemCount("section count")
        for _ in 0..<sections { d.sectionOrder.append(try r.string()) }
        let licenceCount = try r.itemCount("licence count", minBytes: 3)
        d.licenses.reserveCapacity(licenceCount)
        for _ in 0..<licenceCount {
            var l = License(id: try readID(&r))
            let b = try r.varint()
            try checkBits(b, 3, &r)
            if b & 1 != 0 { l.name = try r.string() }
            if b & 2 != 0 { l.url = try r.string() }
            if b & 4 != 0 { l.extensions = try readMembers(&r, depth: 0) }
            d.licenses.append(l)
        }
        let categoryCount = try r.itemCount("category count", minBytes: 4)
        d.categories.reserveCapacity(categoryCount)
        for _ in 0..<categoryCount {
            var c = Category(id: try readID(&r), name: try r.string())
            let b = try r.varint()
            try checkBits(b, 2, &r)
            if b & 1 != 0 { c.supercategory = try r.string() }
            if b & 2 != 0 { c.extensions = try readMembers(&r, depth: 0) }
            d.categories.append(c)
        }
        let imageCount = try r.itemCount("image count", minBytes: 3)
        d.images.reserveCapacity(imageCount)
        for _ in 0..<imageCount { d.images.append(try readImage(&r)) }
        let annotationCount = wholeBlock ? try r.itemCount("annotation count", minBytes: 6) : try r.count(max: Int(UInt32.max), "annotation count")
        return (d, annotationCount)
    }

    /// The dataset extensions after the last annotation; the payload must end there.
    static func decodeTail(_ r: inout ByteReader) throws(PayloadError) -> [JSONMember] {
        let extensions = try readMembers(&r, depth: 0)
        guard r.isAtEnd else { throw r.fail("\(r.remaining) unexpected bytes after the dataset block") }
        return extensions
    }

    /// Decodes `count` annotations into `annotations` and `kinds` (uninitialised storage, `count` slots each);
    /// returns how many were initialised, which is `count` unless an error is returned with it.
    static func decodeAnnotations(
        _ r: inout ByteReader, count: Int, into annotations: UnsafeMutablePointer<Annotation>, kinds: UnsafeMutablePointer<SegmentationKind>
    ) -> (Int, PayloadError?) {
        for i in 0..<count {
            do throws(PayloadError) {
                let kind = try readAnnotation(&r, into: annotations + i)
                kinds[i] = kind == .rleList || kind == .rleCompressedCanonical ? kind : .none
            } catch {
                return (i, error)
            }
        }
        return (count, nil)
    }

    @inline(__always)
    static func checkBits(_ b: UInt64, _ count: Int, _ r: inout ByteReader) throws(PayloadError) {
        guard b >> UInt64(count) == 0 else { throw r.fail("unknown presence bits \(b)") }
    }

    static func readImage(_ r: inout ByteReader) throws(PayloadError) -> Image {
        var m = Image(id: try readID(&r))
        let b = try r.varint()
        try checkBits(b, 10, &r)
        if b & (1 << 0) != 0 { m.fileName = try r.string() }
        if b & (1 << 1) != 0 { m.width = try r.int() }
        if b & (1 << 2) != 0 { m.height = try r.int() }
        if b & (1 << 3) != 0 { m.license = try readID(&r) }
        if b & (1 << 4) != 0 { m.title = try r.string() }
        if b & (1 << 5) != 0 { m.description = try r.string() }
        if b & (1 << 6) != 0 {
            var s = Scene()
            let sb = try r.varint()
            try checkBits(sb, 6, &r)
            if sb & 1 != 0 { s.viewpoint = try r.string() }
            if sb & 2 != 0 { s.lighting = try r.string() }
            if sb & 4 != 0 { s.mood = try r.string() }
            if sb & 8 != 0 { s.setting = try r.string() }
            if sb & 16 != 0 { s.notes = try r.string() }
            if sb & 32 != 0 { s.extensions = try readMembers(&r, depth: 0) }
            m.scene = s
        }
        if b & (1 << 7) != 0 {
            let n = try r.itemCount("caption count")
            var c: [String] = []
            c.reserveCapacity(n)
            for _ in 0..<n { c.append(try r.string()) }
            m.captions = c
        }
        if b & (1 << 8) != 0 { m.ignoreRegion = try readInlineRLE(&r) }
        if b & (1 << 9) != 0 { m.extensions = try readMembers(&r, depth: 0) }
        return m
    }

    static func readInlineRLE(_ r: inout ByteReader) throws(PayloadError) -> RLEData {
        let h = try r.int(), w = try r.int()
        switch try r.u8() {
        case 0:
            let n = try r.itemCount("run count")
            var c = [UInt32](repeating: 0, count: n)
            for i in 0..<n {
                let v = try r.varint()
                guard v <= UInt64(UInt32.max) else { throw r.fail("run exceeds 32 bits") }
                c[i] = UInt32(v)
            }
            return RLEData(height: h, width: w, counts: .uncompressed(c))
        case 1:
            return RLEData(height: h, width: w, counts: .compressed(try r.string()))
        case let k:
            throw r.fail("unknown inline RLE kind \(k)")
        }
    }

    /// Decodes one annotation straight into the uninitialised `slot` (initialised only when this returns).
    static func readAnnotation(_ r: inout ByteReader, into slot: UnsafeMutablePointer<Annotation>) throws(PayloadError) -> SegmentationKind {
        // Every field is decoded into a local and the annotation is built once, in place.
        let id = try readID(&r), imageID = try readID(&r)
        let b = try r.varint()
        try checkBits(b, 11, &r)
        let categoryID = b & (1 << 1) != 0 ? try readID(&r) : nil
        var bbox: Box?
        if b & (1 << 2) != 0 {
            bbox = Box(x: try readNumber(&r), y: try readNumber(&r), width: try readNumber(&r), height: try readNumber(&r))
        }
        let area = b & (1 << 3) != 0 ? try readNumber(&r) : nil
        let isCrowd = b & (1 << 4) != 0 ? try r.int() : nil
        let score = b & (1 << 5) != 0 ? try readNumber(&r) : nil
        let description = b & (1 << 6) != 0 ? try r.string() : nil
        let caption = b & (1 << 7) != 0 ? try r.string() : nil
        let provenance = b & (1 << 8) != 0 ? try readProvenance(&r) : nil
        let review = b & (1 << 9) != 0 ? try readReview(&r) : nil
        let extensions = b & (1 << 10) != 0 ? try readMembers(&r, depth: 0) : []
        let raw = try r.u8()
        guard let kind = SegmentationKind(rawValue: raw) else { throw r.fail("unknown segmentation kind \(raw)") }
        let segmentation: Segmentation
        switch kind {
        case .none:
            segmentation = .none
        case .polygons:
            segmentation = .polygons(try readPolygons(&r))
        case .rleList:
            segmentation = .rle(RLEData(height: 0, width: 0, counts: .uncompressed([])))
        case .rleCompressedCanonical:
            segmentation = .rle(RLEData(height: 0, width: 0, counts: .compressed("")))
        case .rleCompressedLiteral:
            let h = try r.int(), w = try r.int()
            segmentation = .rle(RLEData(height: h, width: w, counts: .compressed(try r.string())))
        }
        slot.initialize(to: Annotation(
            id: id, idWasAssigned: b & 1 != 0, imageID: imageID, categoryID: categoryID, bbox: bbox,
            segmentation: segmentation, area: area, isCrowd: isCrowd, score: score, description: description,
            caption: caption, provenance: provenance, review: review, extensions: extensions))
        return kind
    }

    static func readProvenance(_ r: inout ByteReader) throws(PayloadError) -> Provenance {
        var p = Provenance()
        let pb = try r.varint()
        try checkBits(pb, 6, &r)
        if pb & 1 != 0 {
            switch try r.u8() {
            case 0: p.source = .human
            case 1: p.source = .model
            case 2: p.source = .derivedFromBBox
            case 3: p.source = .imported
            case 4: p.source = .other(try r.string())
            case let k: throw r.fail("unknown provenance source \(k)")
            }
        }
        if pb & 2 != 0 { p.annotator = try r.string() }
        if pb & 4 != 0 { p.model = try r.string() }
        if pb & 8 != 0 { p.modelVersion = try r.string() }
        if pb & 16 != 0 { p.created = try r.string() }
        if pb & 32 != 0 { p.extensions = try readMembers(&r, depth: 0) }
        return p
    }

    static func readReview(_ r: inout ByteReader) throws(PayloadError) -> Review {
        var v = Review()
        let vb = try r.varint()
        try checkBits(vb, 4, &r)
        if vb & 1 != 0 {
            switch try r.u8() {
            case 0: v.status = .unreviewed
            case 1: v.status = .approved
            case 2: v.status = .rejected
            case 3: v.status = .needsFix
            case 4: v.status = .other(try r.string())
            case let k: throw r.fail("unknown review status \(k)")
            }
        }
        if vb & 2 != 0 { v.reviewer = try r.string() }
        if vb & 4 != 0 { v.reviewed = try r.string() }
        if vb & 8 != 0 { v.extensions = try readMembers(&r, depth: 0) }
        return v
    }

    static func readPolygons(_ r: inout ByteReader) throws(PayloadError) -> PolygonSet {
        let n = try r.itemCount("polygon count", minBytes: 2)
        var polygons: [[Double]] = []
        var styles: [NumberStyle] = []
        polygons.reserveCapacity(n)
        styles.reserveCapacity(n)
        for _ in 0..<n {
            let mode = try r.u8()
            let count = try r.itemCount("coordinate count")
            switch mode {
            case 0, 4:
                let d = Int(try r.u8())
                guard d <= 22 else { throw r.fail("polygon scale 10^\(d) is out of range") }
                polygons.append(try readScaledDeltas(&r, count: count, scale: pow10[d]))
                styles.append(mode == 4 ? .pointZero : .canonical)
            case 1, 5:
                guard count <= r.remaining / 8 else { throw r.fail("unexpected end of payload") }
                let raw = try r.bytes(count * 8)
                polygons.append([Double](unsafeUninitializedCapacity: count) { buf, initialized in
                    for j in 0..<count {
                        buf[j] = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j * 8, as: UInt64.self)))
                    }
                    initialized = count
                })
                styles.append(mode == 5 ? .pointZero : .canonical)
            case 3:
                var values = [Double](repeating: 0, count: count)
                var texts: [String] = []
                texts.reserveCapacity(count)
                for j in 0..<count {
                    let v = try r.varint()
                    let d = Int(v & 7)
                    if d == 7 {
                        values[j] = try r.f64()
                        texts.append(try r.string())
                    } else {
                        let z = v >> 3
                        let m = ByteReader.unzigzag(z)
                        guard m.magnitude < (1 << 53) else { throw r.fail("polygon coordinate out of range") }
                        values[j] = Double(m) / pow10[d]
                        texts.append(coordinateLiteral(m, d))
                    }
                }
                polygons.append(values)
                styles.append(.literals(texts))
            case 2:
                var values = [Double](repeating: 0, count: count)
                var texts: [String] = []
                texts.reserveCapacity(count)
                for j in 0..<count {
                    values[j] = try r.f64()
                    texts.append(try r.string())
                }
                polygons.append(values)
                styles.append(.literals(texts))
            default:
                throw r.fail("unknown polygon mode \(mode)")
            }
        }
        return PolygonSet(polygons, styles: styles)
    }

    /// Mode 0/4 coordinates: `count` zigzag deltas, x against x and y against y, each divided by `scale`.
    /// Written straight into the array's storage with the cursor in a register (this loop decodes most of a
    /// typical `META` block); varints longer than two bytes and the payload's end go through `varintSlow`.
    static func readScaledDeltas(_ r: inout ByteReader, count: Int, scale: Double) throws(PayloadError) -> [Double] {
        var failure: PayloadError?
        let buffer = r.buffer
        var p = r.position
        let end = buffer.count
        let values = [Double](unsafeUninitializedCapacity: count) { out, initialized in
            var axes: (Int64, Int64) = (0, 0)
            var j = 0
            // Fast path: whole (x, y) pairs while two longest varints (20 bytes) fit, so no byte needs a bounds
            // check, and one- and two-byte varints (nearly all deltas) are decoded inline.
            if let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) {
                @inline(__always) func next(_ p: inout Int) -> UInt64? {
                    let b0 = base[p]
                    if b0 < 0x80 {
                        p &+= 1
                        return UInt64(b0)
                    }
                    let b1 = base[p &+ 1]
                    if b1 < 0x80 {
                        p &+= 2
                        return UInt64(b0 & 0x7F) | UInt64(b1) << 7
                    }
                    // Up to nine bytes here (a polygon's first, absolute value needs three or more); longer
                    // varints go to the checked decoder, which reports overflow.
                    var result = UInt64(b0 & 0x7F) | UInt64(b1 & 0x7F) << 7
                    var k = 2
                    while k < 9 {
                        let b = base[p &+ k]
                        result |= UInt64(b & 0x7F) << UInt64(7 &* k)
                        k &+= 1
                        if b < 0x80 {
                            p &+= k
                            return result
                        }
                    }
                    return nil
                }
                while j &+ 1 < count && p &+ 20 <= end {
                    var q = p
                    guard let ux = next(&q), let uy = next(&q) else { break }
                    p = q
                    axes.0 &+= ByteReader.unzigzag(ux)
                    axes.1 &+= ByteReader.unzigzag(uy)
                    out[j] = Double(axes.0) / scale
                    out[j &+ 1] = Double(axes.1) / scale
                    j &+= 2
                }
            }
            // The rest (the last pairs of a payload, or a varint longer than nine bytes): the checked decoder.
            while j < count {
                let delta: Int64
                r.position = p
                do throws(PayloadError) { delta = try r.zigzag() } catch {
                    failure = error
                    break
                }
                p = r.position
                let q: Int64
                if j & 1 == 0 {
                    axes.0 = axes.0 &+ delta
                    q = axes.0
                } else {
                    axes.1 = axes.1 &+ delta
                    q = axes.1
                }
                out[j] = Double(q) / scale
                j &+= 1
            }
            while j < count {
                out[j] = 0
                j &+= 1
            }
            initialized = count
        }
        if let failure { throw failure }
        r.position = p
        return values
    }

    static func readID(_ r: inout ByteReader) throws(PayloadError) -> ID {
        switch try r.u8() {
        case 0: return .int(try r.int())
        case 1: return .string(try r.string())
        case let k: throw r.fail("unknown id kind \(k)")
        }
    }

    static func readMembers(_ r: inout ByteReader, depth: Int) throws(PayloadError) -> [JSONMember] {
        let n = try r.itemCount("member count", minBytes: 2)
        var members: [JSONMember] = []
        members.reserveCapacity(n)
        for _ in 0..<n {
            let key = try r.string()
            members.append(JSONMember(key, try readValue(&r, depth: depth + 1)))
        }
        return members
    }

    static func readValue(_ r: inout ByteReader, depth: Int) throws(PayloadError) -> JSONValue {
        guard depth < maxDepth else { throw r.fail("JSON values nested deeper than \(maxDepth)") }
        switch try r.u8() {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return .number(try readNumber(&r))
        case 4: return .string(try r.string())
        case 5:
            let n = try r.itemCount("array count")
            var a: [JSONValue] = []
            a.reserveCapacity(n)
            for _ in 0..<n { a.append(try readValue(&r, depth: depth + 1)) }
            return .array(a)
        case 6:
            return .object(try readMembers(&r, depth: depth))
        case let k:
            throw r.fail("unknown JSON value tag \(k)")
        }
    }

    static func readNumber(_ r: inout ByteReader) throws(PayloadError) -> JSONNumber {
        switch try r.u8() {
        case 0:
            let v = try r.zigzag()
            return JSONNumber(literal: decimalLiteral(v < 0, v.magnitude, 0), double: Double(v))
        case 1:
            let v = try r.varint()
            let d = Int(try r.u8())
            let negative = v & 1 == 1, mantissa = v >> 1
            guard d >= 1, d <= 22, mantissa < 1_000_000_000_000_000_000 else { throw r.fail("bad decimal number") }
            let literal = decimalLiteral(negative, mantissa, d)
            return JSONNumber(literal: literal, double: decimalDouble(negative, mantissa, d, literal: literal))
        case 2:
            let literal = try r.string()
            return JSONNumber(literal: literal, double: try r.f64())
        case let k:
            throw r.fail("unknown number kind \(k)")
        }
    }
}
