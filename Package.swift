// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: LeverSyntax → LeverCheck → LeverEngine → LeverCLI → lever.
// Later phases (LeverCompile, LeverEngine, LeverTesting, LeverREPL) slot in between.
let package = Package(
    name: "Lever",
    products: [
        .executable(name: "lever", targets: ["lever"]),
        .library(name: "LeverSyntax", targets: ["LeverSyntax"]),
        .library(name: "LeverCheck", targets: ["LeverCheck"]),
        .library(name: "LeverEngine", targets: ["LeverEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "LeverSyntax"),
        .target(name: "LeverCheck", dependencies: ["LeverSyntax"]),
        .target(name: "LeverEngine", dependencies: ["LeverCheck", "LeverSyntax"]),
        .target(name: "LeverCLI", dependencies: [
            "LeverSyntax", "LeverCheck", "LeverEngine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "lever", dependencies: ["LeverCLI"]),
        .target(name: "LeverTestSupport", dependencies: ["LeverSyntax", "LeverCheck", "LeverCLI"]),
        .testTarget(name: "LeverSyntaxTests", dependencies: ["LeverSyntax", "LeverTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LeverCheckTests", dependencies: ["LeverCheck", "LeverSyntax", "LeverTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LeverEngineTests", dependencies: ["LeverEngine", "LeverTestSupport"]),
        .testTarget(name: "LeverCLITests", dependencies: ["LeverCLI", "LeverTestSupport"]),
    ]
)
