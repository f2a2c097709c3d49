// swift-tools-version:6.0
import PackageDescription

// Coverage-guided fuzz targets (libFuzzer, through the Swift toolchain's `-sanitize=fuzzer`),
// kept out of the main package so that its build and tests never need the fuzzer runtime.
// Build and run them with `scripts/fuzz` (see the README's "Fuzzing and sanitizers").
let package = Package(
    name: "LeverFuzz",
    dependencies: [.package(name: "Lever", path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .executableTarget(name: "FuzzSyntax", dependencies: ["CFuzzer", .product(name: "LeverSyntax", package: "Lever")]),
        .executableTarget(name: "FuzzInputs", dependencies: ["CFuzzer", .product(name: "LeverEngine", package: "Lever")]),
        .executableTarget(name: "FuzzEvaluate", dependencies: ["CFuzzer", .product(name: "Lever", package: "Lever")]),
    ]
)
