import AnnoZlib

extension PNG {
    /// Decodes one file: walks the chunks, inflates IDAT with an exact cap, unfilters, de-interlaces, unpacks.
    struct Decoder {
        let bytes: [UInt8]
        let limits: Limits
        let toleratedIndex: UInt8?

        init(bytes: [UInt8], limits: Limits, toleratedIndex: UInt8?) {
            self.bytes = bytes
            self.limits = limits
            self.toleratedIndex = toleratedIndex
        }

        /// Checks the signature and returns a reader positioned after it.
        private func openChunks() throws(DecodingError) -> ChunkReader {
            guard bytes.count >= 8, Array(bytes[0..<8]) == PNG.signature else {
                throw DecodingError(.invalidSignature, offset: 0)
            }
            return ChunkReader(bytes: bytes, position: 8)
        }

        /// Reads and validates the signature and IHDR only.
        mutating func readHeader() throws(DecodingError) -> Header {
            var reader = try openChunks()
            guard let chunk = try reader.next() else { throw DecodingError(.missingEnd, offset: bytes.count) }
            return try parseHeader(chunk)
        }

        /// Validates an IHDR chunk against the specification and the limits.
        private func parseHeader(_ chunk: Chunk) throws(DecodingError) -> Header {
            guard chunk.type == "IHDR" else {
                throw DecodingError(.missingHeader(found: chunk.type), offset: chunk.offset)
            }
            guard chunk.data.count == 13 else {
                throw DecodingError(.invalidChunkSize(chunk: "IHDR", length: chunk.data.count), offset: chunk.offset)
            }
            let d = chunk.data.lowerBound
            let width = Int(PNG.readUInt32(bytes, d))
            let height = Int(PNG.readUInt32(bytes, d + 4))
            let bitDepth = Int(bytes[d + 8])
            let colorByte = bytes[d + 9]
            if width == 0 || height == 0 || width > 0x7FFF_FFFF || height > 0x7FFF_FFFF {
                throw DecodingError(.invalidDimensions(width: width, height: height), offset: d)
            }
            guard let colorType = ColorType(rawValue: colorByte), colorType.allows(bitDepth: bitDepth) else {
                throw DecodingError(.invalidColorFormat(bitDepth: bitDepth, colorType: Int(colorByte)), offset: d + 8)
            }
            if bytes[d + 10] != 0 { throw DecodingError(.invalidCompressionMethod(Int(bytes[d + 10])), offset: d + 10) }
            if bytes[d + 11] != 0 { throw DecodingError(.invalidFilterMethod(Int(bytes[d + 11])), offset: d + 11) }
            if bytes[d + 12] > 1 { throw DecodingError(.invalidInterlaceMethod(Int(bytes[d + 12])), offset: d + 12) }
            if width > limits.maxWidth {
                throw DecodingError(.limitExceeded(.width, value: width, maximum: limits.maxWidth), offset: d)
            }
            if height > limits.maxHeight {
                throw DecodingError(.limitExceeded(.height, value: height, maximum: limits.maxHeight), offset: d + 4)
            }
            let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
            if overflow || pixels > limits.maxPixels {
                throw DecodingError(
                    .limitExceeded(.pixels, value: overflow ? Int.max : pixels, maximum: limits.maxPixels), offset: d)
            }
            if !colorType.isSupported(bitDepth: bitDepth) {
                throw DecodingError(.unsupportedColorFormat(bitDepth: bitDepth, colorType: Int(colorByte)), offset: d + 8)
            }
            return Header(width: width, height: height, bitDepth: bitDepth, colorType: colorType, interlaced: bytes[d + 12] == 1)
        }

        /// Decodes the whole file.
        mutating func decode() throws(DecodingError) -> Image {
            var reader = try openChunks()
            guard let first = try reader.next() else { throw DecodingError(.missingEnd, offset: bytes.count) }
            let header = try parseHeader(first)
            guard let expected = header.filteredDataSize() else {
                // Unreachable with sane limits; reported as a pixel limit rather than trapping.
                throw DecodingError(
                    .limitExceeded(.pixels, value: Int.max, maximum: limits.maxPixels), offset: first.data.lowerBound)
            }

            var palette: [RGBA]?
            var sawTransparency = false
            var inflater: Inflater?
            var imageData: [UInt8] = []
            var firstIDAT: Int?
            var idatEnded = false  // a non-IDAT chunk followed the IDAT run
            var chunkCount = 1
            var endChunk: Chunk?

            while endChunk == nil {
                guard let chunk = try reader.next() else { throw DecodingError(.missingEnd, offset: bytes.count) }
                if chunk.type != "IDAT" {
                    chunkCount += 1
                    if chunkCount > limits.maxChunks {
                        throw DecodingError(
                            .limitExceeded(.chunks, value: chunkCount, maximum: limits.maxChunks), offset: chunk.offset)
                    }
                    if firstIDAT != nil { idatEnded = true }
                }
                switch chunk.type {
                case "IHDR":
                    throw DecodingError(.duplicateChunk("IHDR"), offset: chunk.offset)
                case "PLTE":
                    if palette != nil { throw DecodingError(.duplicateChunk("PLTE"), offset: chunk.offset) }
                    if firstIDAT != nil { throw DecodingError(.misplacedChunk("PLTE"), offset: chunk.offset) }
                    if header.colorType == .grayscale || header.colorType == .grayscaleAlpha {
                        throw DecodingError(.unexpectedPalette, offset: chunk.offset)
                    }
                    let length = chunk.data.count
                    let maxEntries = header.colorType == .indexed ? min(256, 1 << header.bitDepth) : 256
                    if length == 0 || length % 3 != 0 || length / 3 > maxEntries {
                        throw DecodingError(.invalidPalette(length: length), offset: chunk.offset)
                    }
                    palette = stride(from: chunk.data.lowerBound, to: chunk.data.upperBound, by: 3).map {
                        RGBA(bytes[$0], bytes[$0 + 1], bytes[$0 + 2])
                    }
                case "tRNS":
                    guard header.colorType == .indexed else { continue }  // colour-key transparency is ignored
                    if sawTransparency { throw DecodingError(.duplicateChunk("tRNS"), offset: chunk.offset) }
                    guard var entries = palette, firstIDAT == nil else {
                        throw DecodingError(.misplacedChunk("tRNS"), offset: chunk.offset)
                    }
                    if chunk.data.count > entries.count {
                        throw DecodingError(
                            .invalidTransparency(length: chunk.data.count, paletteEntries: entries.count),
                            offset: chunk.offset)
                    }
                    for (i, at) in chunk.data.enumerated() { entries[i].a = bytes[at] }
                    palette = entries
                    sawTransparency = true
                case "IDAT":
                    if idatEnded { throw DecodingError(.idatNotConsecutive, offset: chunk.offset) }
                    if firstIDAT == nil {
                        if header.colorType == .indexed && palette == nil {
                            throw DecodingError(.missingPalette, offset: chunk.offset)
                        }
                        firstIDAT = chunk.offset
                        do {
                            inflater = try Inflater(limit: expected)
                        } catch {
                            throw DecodingError(.compressedData(error), offset: chunk.offset)
                        }
                    }
                    guard let stream = inflater else { continue }
                    let result = bytes.withUnsafeBytes { buffer in
                        Result { () throws(ZlibError) -> [UInt8] in
                            try stream.process(UnsafeRawBufferPointer(rebasing: buffer[chunk.data]))
                        }
                    }
                    do {
                        imageData += try result.get()
                    } catch {
                        if case .outputLimitExceeded = error.kind {
                            throw DecodingError(.excessImageData(expected: expected), offset: chunk.offset)
                        }
                        throw DecodingError(.compressedData(error), offset: chunk.offset)
                    }
                case "IEND":
                    if !chunk.data.isEmpty {
                        throw DecodingError(.invalidChunkSize(chunk: "IEND", length: chunk.data.count), offset: chunk.offset)
                    }
                    endChunk = chunk
                case "acTL", "fcTL", "fdAT":
                    throw DecodingError(.unsupportedChunk(chunk.type), offset: chunk.offset)
                default:
                    if chunk.isCritical { throw DecodingError(.unknownCriticalChunk(chunk.type), offset: chunk.offset) }
                }
            }

            guard let end = endChunk, let idatOffset = firstIDAT, let stream = inflater else {
                throw DecodingError(.missingImageData, offset: endChunk?.offset ?? bytes.count)
            }
            if imageData.count < expected {
                throw DecodingError(.truncatedImageData(expected: expected, actual: imageData.count), offset: idatOffset)
            }
            do {
                try stream.finish()
            } catch {
                throw DecodingError(.compressedData(error), offset: idatOffset)
            }
            let pixels = try reconstruct(&imageData, header: header, palette: palette ?? [], at: idatOffset)
            return Image(header: header, pixels: pixels, bytesAfterEnd: bytes.count - end.end)
        }

        /// Unfilters every pass in place, then scatters and unpacks the samples into the normalized pixel form.
        private func reconstruct(
            _ data: inout [UInt8], header: Header, palette: [RGBA], at offset: Int
        ) throws(DecodingError) -> Pixels {
            let width = header.width
            let height = header.height
            let bitDepth = header.bitDepth
            let bpp = header.filterStride
            // Bytes per output pixel: samples under 8 bits are unpacked to one byte each.
            let outBytes = bitDepth < 8 ? 1 : header.bitsPerPixel / 8
            var out = [UInt8](repeating: 0, count: width * height * outBytes)
            var line = 0
            var scanline = 0
            for pass in Adam7.passes(interlaced: header.interlaced) {
                let (pw, ph) = pass.size(width: width, height: height)
                if pw == 0 || ph == 0 { continue }
                // filteredDataSize() succeeded, so this cannot overflow.
                let rowBytes = header.rowBytes(pixels: pw) ?? 0
                for py in 0..<ph {
                    let previous = py == 0 ? nil : line + 1 - (rowBytes + 1)
                    guard unfilterRow(&data, line: line, previous: previous, rowBytes: rowBytes, stride: bpp) else {
                        throw DecodingError(.invalidFilterType(data[line], row: scanline), offset: offset)
                    }
                    let src = line + 1
                    let y = pass.y0 + py * pass.dy
                    if bitDepth >= 8 {
                        if pass.dx == 1 {
                            let dst = y * width * outBytes
                            out.replaceSubrange(dst..<(dst + rowBytes), with: data[src..<(src + rowBytes)])
                        } else {
                            for px in 0..<pw {
                                let dst = (y * width + pass.x0 + px * pass.dx) * outBytes
                                let from = src + px * outBytes
                                for k in 0..<outBytes { out[dst + k] = data[from + k] }
                            }
                        }
                    } else {
                        let mask = UInt8((1 << bitDepth) - 1)
                        for px in 0..<pw {
                            let bit = px * bitDepth
                            let shift = 8 - bitDepth - (bit & 7)
                            let value = (data[src + (bit >> 3)] >> UInt8(shift)) & mask
                            out[y * width + pass.x0 + px * pass.dx] = value
                        }
                    }
                    line += rowBytes + 1
                    scanline += 1
                }
            }

            switch header.colorType {
            case .indexed:
                let allowed = palette.count
                if allowed < 256 {
                    for (i, index) in out.enumerated() where Int(index) >= allowed && index != toleratedIndex {
                        throw DecodingError(
                            .paletteIndexOutOfRange(index: index, paletteEntries: allowed, x: i % width, y: i / width),
                            offset: offset)
                    }
                }
                return .indexed(out, palette: palette)
            case .grayscale:
                if bitDepth == 16 {
                    let samples = (0..<(width * height)).map { UInt16(out[2 * $0]) << 8 | UInt16(out[2 * $0 + 1]) }
                    return .gray16(samples)
                }
                return .gray8(out)
            case .grayscaleAlpha:
                return .grayAlpha8(out)
            case .rgb:
                return .rgb8(out)
            case .rgba:
                return .rgba8(out)
            }
        }
    }
}
