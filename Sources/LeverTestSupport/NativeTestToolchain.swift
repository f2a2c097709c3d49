import Lever

extension NativeToolchain {
    /// The toolchain the environment names, with a cache of this test run's own (so a test
    /// compiles what it checks instead of loading a library an earlier build left).
    public static func forTests() throws -> NativeToolchain {
        var found = try NativeToolchain.find()
        found.cacheDirectory = try makeTemporaryDirectory("native-cache")
        return found
    }
}
