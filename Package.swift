// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way:
// LeverNumerics, LeverSyntax → LeverCheck → LeverCompile → LeverEngine → Lever (driver)
//   → LeverTesting (golden runner, diff) → LeverCLI → lever.
// LeverDoc (the committee document of a policy) sits above LeverTesting, whose value text and curve charts it shares.
// LeverREPL (session, commands, completion, plots; GNU readline through CReadline) sits beside LeverTesting,
// and so does LeverBench (the hand-written workload baseline and the `lever bench` runner), and LeverLSP
// (`lever lsp`, the language server over the parser and checker).
// LeverBuildInfo holds the source revision (`git rev-parse`), written by the SourceRevisionPlugin build-tool plugin;
// only the `lever` executable depends on it, so a new commit recompiles one tiny module and relinks.
let package = Package(
    name: "Lever",
    products: [
        .executable(name: "lever", targets: ["lever"]),
        .library(name: "LeverSyntax", targets: ["LeverSyntax"]),
        .library(name: "LeverCheck", targets: ["LeverCheck"]),
        .library(name: "LeverEngine", targets: ["LeverEngine"]),
        .library(name: "Lever", targets: ["Lever"]),
        .library(name: "LeverTesting", targets: ["LeverTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "LeverNumerics"),
        .target(name: "LeverSyntax"),
        .target(name: "LeverCheck", dependencies: ["LeverSyntax", "LeverNumerics"]),
        .target(name: "LeverCompile", dependencies: ["LeverCheck", "LeverSyntax", "LeverNumerics"]),
        .target(name: "LeverEngine", dependencies: ["LeverCompile", "LeverCheck", "LeverSyntax", "LeverNumerics"]),
        .target(name: "Lever", dependencies: ["LeverEngine", "LeverCompile", "LeverCheck", "LeverSyntax", "LeverNumerics",
                                              .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "LeverTesting", dependencies: ["Lever"]),
        .target(name: "LeverDoc", dependencies: ["Lever", "LeverTesting"]),
        .systemLibrary(name: "CReadline"),
        .target(name: "LeverREPL", dependencies: ["Lever", "CReadline"]),
        .target(name: "LeverBench", dependencies: ["Lever", "LeverNumerics"]),
        .target(name: "LeverLSP", dependencies: ["Lever"]),
        .target(name: "LeverCLI", dependencies: [
            "Lever", "LeverTesting", "LeverDoc", "LeverREPL", "LeverBench", "LeverLSP", "LeverSyntax", "LeverCheck", "LeverEngine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .plugin(name: "SourceRevisionPlugin", capability: .buildTool()),
        .target(name: "LeverBuildInfo", plugins: ["SourceRevisionPlugin"]),
        .executableTarget(name: "lever", dependencies: ["LeverCLI", "LeverBuildInfo", "LeverEngine"]),
        .target(name: "LeverTestSupport", dependencies: ["Lever", "LeverSyntax", "LeverCheck", "LeverCLI"]),
        .testTarget(name: "LeverSyntaxTests", dependencies: ["LeverSyntax", "LeverNumerics", "LeverTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LeverCheckTests", dependencies: ["LeverCheck", "LeverSyntax", "LeverTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LeverCompileTests", dependencies: ["LeverCompile", "LeverCheck", "LeverSyntax", "LeverNumerics"]),
        .testTarget(name: "LeverEngineTests", dependencies: ["LeverEngine", "LeverNumerics", "LeverTestSupport"],
                    exclude: ["Fixtures", "Formulas/Fixtures", "Golden"]),
        .testTarget(name: "LeverTests", dependencies: ["Lever", "LeverTestSupport"]),
        .testTarget(name: "LeverTestingTests", dependencies: ["LeverTesting", "LeverTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LeverDocTests", dependencies: ["LeverDoc", "Lever", "LeverTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LeverREPLTests", dependencies: ["LeverREPL", "LeverTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LeverBenchTests", dependencies: ["LeverBench", "LeverTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LeverLSPTests", dependencies: ["LeverLSP", "Lever"]),
        .testTarget(name: "LeverCLITests", dependencies: ["LeverCLI", "LeverNumerics", "LeverTestSupport"],
                    exclude: ["Golden"]),
    ]
)
