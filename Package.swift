// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "eplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eplan", targets: ["eplan"]),
        .library(name: "EPlanKit", targets: ["EPlanKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // mimalloc in place of the C library's malloc for the whole process (libyaml, the Swift runtime,
        // eplan): eplan allocates and frees millions of small blocks per run; measured in docs/performance.md.
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"]), .brew(["mimalloc"])]
        ),
        // The message catalogues (English, Chinese) and the language of a run; every other target speaks through it.
        .target(name: "EPlanText"),
        .target(name: "EPlanYAML", dependencies: ["CYAML", "EPlanText"], swiftSettings: [.unsafeFlags(["-cross-module-optimization"])]),
        // Read-only file mappings that a truncated file cannot crash (the summary cache file). DWARF 4:
        // valgrind 3.19 (callgrind, the profiles of docs/performance.md) cannot read clang's DWARF 5.
        .target(name: "CMapping", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(name: "EPlanKit", dependencies: ["EPlanYAML", "EPlanText", "EPlanDocument", "CMapping"]),
        // Published documents (`eplan export`): a format-neutral document and its DOCX, Markdown and HTML writers.
        .target(name: "EPlanDocument"),
        // The language server (`eplan lsp`): JSON-RPC transport, positions, documents, the LSP features.
        .target(name: "EPlanLSP", dependencies: ["EPlanKit", "EPlanYAML", "EPlanText"]),
        // The command line, a library so that the fuzz target can drive its parser; `eplan` only calls it.
        .target(
            name: "EPlanCLI",
            dependencies: [
                "EPlanKit",
                "EPlanLSP",
                "EPlanYAML",
                "EPlanText",
                "EPlanDocument",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "eplan", dependencies: ["EPlanCLI", "CMimalloc"]),
        // The fuzz target: `make fuzz` builds it with -sanitize=fuzzer; a plain build replays inputs.
        .executableTarget(name: "eplan-fuzz", dependencies: [
            "EPlanKit", "EPlanYAML", "EPlanCLI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The catalogue generator (`make catalog`): it only reads Swift sources, so it builds even when EPlanKit does not.
        .target(name: "EPlanCatalog"),
        .executableTarget(name: "eplan-catalog", dependencies: ["EPlanCatalog"]),
        .testTarget(name: "EPlanYAMLTests", dependencies: ["EPlanYAML", "EPlanText", "CYAML"]),
        .testTarget(name: "EPlanKitTests", dependencies: ["EPlanKit", "EPlanYAML", "EPlanText", "EPlanCatalog", "EPlanDocument"], exclude: ["Fixtures"]),
        .testTarget(name: "EPlanLSPTests", dependencies: ["EPlanLSP", "EPlanKit", "EPlanText", "EPlanYAML"]),
        .testTarget(name: "EPlanCLITests", dependencies: ["eplan"], exclude: ["Fixtures"]),
        // The DOCX writer read back by unzip, Python's zipfile, pandoc and LibreOffice (make test-deps installs them).
        .testTarget(name: "EPlanDocumentTests", dependencies: ["EPlanDocument"]),
    ],
    swiftLanguageModes: [.v6]
)
