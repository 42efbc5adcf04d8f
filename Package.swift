// swift-tools-version: 6.0
import PackageDescription

/// AnnoKit: codecs, converters, validators and reports for computer-vision annotation datasets.
/// Layers point down only; see Specs/architecture.md.
let package = Package(
    name: "AnnoKit",
    products: [
        .library(name: "AnnoKit", targets: ["AnnoKit"]),
        .executable(name: "annokit", targets: ["annokit"]),
    ],
    targets: [
        // C system libraries: the only places that name a C header.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // Kernels: no knowledge of datasets.
        .target(name: "AnnoMask", linkerSettings: [.linkedLibrary("m")]),  // rounding and sqrt come from libm
        .target(name: "AnnoJSON"),
        .target(name: "AnnoZlib", dependencies: ["CZlib"]),
        .target(name: "AnnoPNG", dependencies: ["AnnoZlib"]),
        .target(name: "AnnoXML", dependencies: ["CLibXML2"]),

        // The intermediate representation and the diagnostics vocabulary.
        .target(name: "AnnoCore", dependencies: ["AnnoJSON", "AnnoMask"]),

        // Codecs: one module per format.
        .target(name: "AnnoCOCO", dependencies: ["AnnoCore", "AnnoJSON", "AnnoMask"]),
        .target(name: "AnnoVOC", dependencies: ["AnnoCore", "AnnoMask", "AnnoXML", "AnnoPNG", "AnnoZlib"]),
        .target(name: "AnnoArchive", dependencies: ["AnnoCore", "AnnoMask", "AnnoZlib", "AnnoJSON", "AnnoCOCO"]),

        // Checks and output.
        .target(name: "AnnoLint", dependencies: ["AnnoCore", "AnnoMask", "AnnoJSON"]),
        .target(name: "AnnoReport", dependencies: ["AnnoCore", "AnnoJSON"]),

        // Registries, conversion and the public face.
        .target(name: "AnnoKit", dependencies: [
            "AnnoCore", "AnnoMask", "AnnoJSON", "AnnoZlib", "AnnoPNG",
            "AnnoCOCO", "AnnoVOC", "AnnoArchive", "AnnoLint", "AnnoReport",
        ]),
        .target(name: "AnnoCLI", dependencies: ["AnnoKit"]),
        .executableTarget(name: "annokit", dependencies: ["AnnoCLI"]),

        // libFuzzer targets (scripts/fuzz.sh builds them with -sanitize=fuzzer,address; a normal build links each
        // as an empty program).
        .executableTarget(name: "FuzzCOCO", dependencies: ["AnnoCOCO", "AnnoCore", "AnnoLint"], path: "Fuzz/FuzzCOCO"),
        .executableTarget(name: "FuzzRLE", dependencies: ["AnnoMask"], path: "Fuzz/FuzzRLE"),
        .executableTarget(name: "FuzzPolygon", dependencies: ["AnnoMask"], path: "Fuzz/FuzzPolygon"),
        .executableTarget(name: "FuzzXML", dependencies: ["AnnoXML"], path: "Fuzz/FuzzXML"),
        .executableTarget(name: "FuzzPNG", dependencies: ["AnnoPNG", "AnnoZlib"], path: "Fuzz/FuzzPNG"),
        .executableTarget(name: "FuzzInflate", dependencies: ["AnnoZlib"], path: "Fuzz/FuzzInflate"),
        .executableTarget(name: "FuzzArchive", dependencies: ["AnnoArchive", "AnnoCore"], path: "Fuzz/FuzzArchive"),

        // Tests: one target per module plus shared support.
        .target(name: "AnnoTestSupport", dependencies: ["AnnoCore", "AnnoMask", "AnnoJSON"], path: "Tests/AnnoTestSupport"),
        .testTarget(name: "AnnoMaskTests", dependencies: ["AnnoMask", "AnnoJSON", "AnnoTestSupport"]),
        .testTarget(name: "AnnoJSONTests", dependencies: ["AnnoJSON", "AnnoTestSupport"]),
        .testTarget(name: "AnnoZlibTests", dependencies: ["AnnoZlib", "AnnoTestSupport"]),
        .testTarget(name: "AnnoPNGTests", dependencies: ["AnnoPNG", "AnnoZlib", "AnnoTestSupport"]),
        .testTarget(name: "AnnoXMLTests", dependencies: ["AnnoXML", "AnnoTestSupport"]),
        .testTarget(name: "AnnoCoreTests", dependencies: ["AnnoCore", "AnnoTestSupport"]),
        .testTarget(name: "AnnoCOCOTests", dependencies: ["AnnoCOCO", "AnnoCore", "AnnoJSON", "AnnoMask", "AnnoTestSupport"]),
        .testTarget(name: "AnnoVOCTests", dependencies: ["AnnoVOC", "AnnoCore", "AnnoPNG", "AnnoMask", "AnnoZlib", "AnnoTestSupport"]),
        .testTarget(name: "AnnoArchiveTests", dependencies: ["AnnoArchive", "AnnoCOCO", "AnnoCore", "AnnoTestSupport"]),
        .testTarget(name: "AnnoLintTests", dependencies: ["AnnoLint", "AnnoCore", "AnnoMask", "AnnoJSON", "AnnoCOCO", "AnnoTestSupport"]),
        .testTarget(name: "AnnoReportTests", dependencies: ["AnnoReport", "AnnoCore", "AnnoTestSupport"]),
        .testTarget(name: "AnnoCLITests", dependencies: ["AnnoCLI", "AnnoKit", "AnnoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
