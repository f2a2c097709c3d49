import Foundation

/// The C compiler the native backend builds with, and the directory its libraries are kept in.
///
/// The compiler is the Swift toolchain's own `clang` (beside `swift` on the `PATH`), unless
/// `LEVER_CC` names another; libraries are kept under `LEVER_NATIVE_CACHE`, else
/// `$XDG_CACHE_HOME/lever/native`, else `~/.cache/lever/native`, by a hash of their source, so a
/// policy is compiled once per machine and a service's restart loads it in milliseconds.
public struct NativeToolchain: Sendable, Hashable {
    /// The compiler's path.
    public var compiler: String
    /// Where compiled libraries are kept.
    public var cacheDirectory: String

    /// The flags every library is built with: optimised for this machine's processor (the
    /// cache key holds the processor, so a cache shared with another machine builds its own),
    /// position-independent, with no contraction of a product and a sum into one fused
    /// multiply-add (which rounds once where the closure engine rounds twice, and so would
    /// change the last bit), and with the C library's functions called, never replaced
    /// (`pow(x, 2)` is not `x * x` in the last bit; square roots, floors and the like, exact in
    /// both, are asked for as builtins by name).
    static let flags = ["-O2", "-march=native", "-std=gnu11", "-fPIC", "-shared", "-ffp-contract=off", "-fno-math-errno",
                        "-fno-builtin", "-w"]

    /// This machine's processor as the kernel describes it (its model and instruction set
    /// extensions), for the cache key; empty where there is no `/proc/cpuinfo`.
    static let processor: String = {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "" }
        let lines = info.split(separator: "\n")
        let wanted = ["model name", "flags", "Features", "CPU part"]
        return wanted.compactMap { key in lines.first { $0.hasPrefix(key) }.map(String.init) }.joined(separator: "\n")
    }()

    public init(compiler: String, cacheDirectory: String) {
        self.compiler = compiler
        self.cacheDirectory = cacheDirectory
    }

    /// The toolchain this process's environment names, or why there is none.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(NativeRefusal) -> NativeToolchain {
        let files = FileManager.default
        let compiler: String
        if let named = environment["LEVER_CC"], !named.isEmpty {
            guard let path = resolve(named, environment: environment) else {
                throw NativeRefusal("LEVER_CC names `\(named)`, which is not an executable file")
            }
            compiler = path
        } else if let swift = resolve("swift", environment: environment),
                  case let beside = URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent()
                      .appendingPathComponent("clang").path, files.isExecutableFile(atPath: beside) {
            compiler = beside
        } else if let clang = resolve("clang", environment: environment) {
            compiler = clang
        } else {
            throw NativeRefusal("no C compiler found (neither the Swift toolchain's `clang` nor one on the PATH; set LEVER_CC)")
        }
        let cache: String
        if let named = environment["LEVER_NATIVE_CACHE"], !named.isEmpty {
            cache = named
        } else if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            cache = xdg + "/lever/native"
        } else if let home = environment["HOME"], !home.isEmpty {
            cache = home + "/.cache/lever/native"
        } else {
            cache = NSTemporaryDirectory() + "lever-native-\(getuid())"
        }
        return NativeToolchain(compiler: compiler, cacheDirectory: cache)
    }

    /// `name` as a path when it holds a slash, else the first executable of that name on the `PATH`.
    static func resolve(_ name: String, environment: [String: String]) -> String? {
        let files = FileManager.default
        if name.contains("/") { return files.isExecutableFile(atPath: name) ? name : nil }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if files.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The shared library built from `source`: the cached one when its kept source is the same
    /// text (a hash that matches but a source that differs is built again, never loaded), else
    /// compiled now and put in the cache atomically (built under a temporary name, then renamed),
    /// so two processes compiling the same policy at once each load a whole library.
    func library(for source: String) throws(NativeRefusal) -> String {
        let key = Self.key(source + "\n" + compiler + " " + Self.flags.joined(separator: " ") + "\n" + Self.processor)
        let base = cacheDirectory + "/" + key
        let (library, kept) = (base + ".so", base + ".c")
        let files = FileManager.default
        if files.fileExists(atPath: library), (try? Self.checkOwnership(cacheDirectory)) != nil, let text = try? String(contentsOfFile: kept, encoding: .utf8), text == source {
            return library
        }
        do {
            try files.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true,
                                      attributes: [.posixPermissions: 0o700])
        } catch {
            throw NativeRefusal("cannot create the native cache `\(cacheDirectory)`: \(error.localizedDescription)")
        }
        try Self.checkOwnership(cacheDirectory)
        let unique = "\(getpid())-\(UInt64.random(in: 0 ... .max))"
        let (temporarySource, temporaryLibrary) = (base + ".\(unique).c", base + ".\(unique).so")
        defer {
            try? files.removeItem(atPath: temporarySource)
            try? files.removeItem(atPath: temporaryLibrary)
        }
        do {
            try source.write(toFile: temporarySource, atomically: false, encoding: .utf8)
        } catch {
            throw NativeRefusal("cannot write to the native cache `\(cacheDirectory)`: \(error.localizedDescription)")
        }
        try compile(temporarySource, to: temporaryLibrary)
        guard rename(temporaryLibrary, library) == 0, rename(temporarySource, kept) == 0 else {
            throw NativeRefusal("cannot store the compiled policy in `\(cacheDirectory)`: \(String(cString: strerror(errno)))")
        }
        return library
    }

    /// Code is loaded only from a directory that is this user's own and that no one else may
    /// write to: another user's library in a shared directory (`/tmp`) would run as this one.
    static func checkOwnership(_ directory: String) throws(NativeRefusal) {
        var status = stat()
        guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw NativeRefusal("the native cache `\(directory)` is not a directory")
        }
        guard status.st_uid == getuid(), status.st_mode & 0o022 == 0 else {
            throw NativeRefusal("the native cache `\(directory)` is another user's or others may write to it; "
                                + "set LEVER_NATIVE_CACHE to a directory of your own")
        }
    }

    /// Runs the compiler; its first lines of error are the refusal's reason.
    func compile(_ source: String, to library: String) throws(NativeRefusal) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: compiler)
        process.arguments = Self.flags + ["-o", library, source, "-lm"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw NativeRefusal("cannot run `\(compiler)`: \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let lines = String(decoding: message, as: UTF8.self).split(separator: "\n").prefix(3).joined(separator: "; ")
            throw NativeRefusal("`\(compiler)` failed (exit \(process.terminationStatus)): \(lines)")
        }
    }

    /// 128 bits of FNV-1a (two 64-bit hashes of different offsets) as hex: a cache key, never
    /// trusted alone (the kept source is compared).
    static func key(_ text: String) -> String {
        var (a, b): (UInt64, UInt64) = (0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142)
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }
}
