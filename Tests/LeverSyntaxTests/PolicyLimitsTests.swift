import Foundation
import Testing
import LeverSyntax

/// The limits on policy text (`PolicyLimits`): each, when exceeded, is an error at the place it
/// was exceeded, and parsing goes on (names, strings) or stops there (declarations).
@Suite struct PolicyLimitsTests {
    static func parse(_ text: String, _ limits: PolicyLimits = .standard, before: Int = 0) -> ParsedFile {
        Parser.parse(SourceFile(id: 0, path: "limits.lever", text: text), limits: limits, declarationsBefore: before)
    }

    @Test func aNameLongerThanTheLimitIsAnErrorAtThePlaceItPassesIt() throws {
        let name = String(repeating: "x", count: 60_000)
        let parsed = Self.parse("param \(name) = 1\nparam ok = 2\n")
        #expect(parsed.diagnostics.map(\.code) == ["L0122"])
        let d = try #require(parsed.diagnostics.first)
        #expect(d.message == "name `xxxxxxxxxxxxxxxxxxxxxxxx…` is 60,000 characters long, more than the 256 a name may have")
        #expect(d.primary.span.start == 6 + 256 && d.primary.span.end == 6 + 257)
        // Still one token: the declarations around it parse.
        #expect(parsed.policy.declarations.count == 2)
        #expect(Self.parse("param \(String(repeating: "y", count: 256)) = 1").diagnostics.isEmpty)
    }

    @Test func aStringLongerThanTheLimitIsAnError() {
        let long = String(repeating: "s", count: 4097)
        #expect(Self.parse("policy \"\(long)\"").diagnostics.map(\.code) == ["L0123"])
        #expect(Self.parse("policy \"\(String(long.dropFirst()))\"").diagnostics.isEmpty)
        var small = PolicyLimits()
        small.maxStringLength = 3
        #expect(Self.parse("table t by account.region { \"EU\" -> A\n \"EURO\" -> B }", small).diagnostics.map(\.code) == ["L0123"])
    }

    /// Past the limit parsing stops: one error, at the first declaration too many.
    @Test func declarationsPastTheLimitStopTheParse() throws {
        var limits = PolicyLimits()
        limits.maxDeclarations = 3
        let text = (1...10).map { "param p\($0) = \($0)" }.joined(separator: "\n")
        let parsed = Self.parse(text, limits)
        #expect(parsed.diagnostics.map(\.code) == ["L0124"])
        #expect(parsed.policy.declarations.count == 3)
        let location = SourceFile(id: 0, path: "limits.lever", text: text).location(of: try #require(parsed.diagnostics.first).primary.span.start)
        #expect(location.line == 4)
        // Files parsed before count too.
        #expect(Self.parse(text, limits, before: 2).policy.declarations.count == 1)
        #expect(Self.parse((1...3).map { "param p\($0) = 1" }.joined(separator: "\n"), limits).diagnostics.isEmpty)
    }

    @Test func byteCountsReadAndPrintAsPeopleWriteThem() {
        #expect(ByteCount.parse("2G") == 2 << 30)
        #expect(ByteCount.parse("2GiB") == 2 << 30)
        #expect(ByteCount.parse("512m") == 512 << 20)
        #expect(ByteCount.parse("1_000_000") == 1_000_000)
        #expect(ByteCount.parse("") == nil && ByteCount.parse("abc") == nil && ByteCount.parse("-1") == nil)
        #expect(ByteCount.parse("0") == nil && ByteCount.parse("99999999999T") == nil)
        #expect(ByteCount.text(16 << 20) == "16 MiB" && ByteCount.text(1 << 30) == "1 GiB" && ByteCount.text(4096) == "4 KiB")
        #expect(ByteCount.text(1000) == "1,000 bytes")
        #expect(ByteCount.grouped(5_000_000) == "5,000,000")
    }
}

/// `InputFile`: regular files and pipes are read, never past the limit; anything else is refused
/// before reading, with the C library's reason.
@Suite struct InputFileTests {
    static func directory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lever-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func reason(_ path: String, limit: Int = 1 << 20) -> InputFile.ReadError.Reason? {
        do {
            _ = try InputFile.read(path, limit: limit, kind: .policy)
            return nil
        } catch let error as InputFile.ReadError {
            return error.reason
        } catch {
            return .other("\(error)")
        }
    }

    @Test func aRegularFileIsReadUpToItsLimit() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/p.lever"
        try Data("param a = 1\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try InputFile.read(path, limit: 12) == Array("param a = 1\n".utf8))
        #expect(Self.reason(path, limit: 11) == .tooLarge(limit: 11, kind: .policy))
        #expect(InputFile.problem(path, limit: 11, kind: .policy) == .tooLarge(limit: 11, kind: .policy))
        #expect(InputFile.problem(path, limit: 12) == nil)
    }

    /// A large file is read in parts on several threads, straight into the bytes returned: the
    /// same bytes as on one thread, and the limit holds the same way.
    @Test func aLargeFileReadOnSeveralThreadsIsTheSameBytes() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/book.json"
        // 40 MB and a few bytes (parts of 8 MB at least; the last one short), every byte placed.
        let count = 40 << 20 + 13
        var bytes = [UInt8](repeating: 0, count: count)
        for i in 0..<count { bytes[i] = UInt8(truncatingIfNeeded: i &* 2_654_435_761 >> 13) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for threads in [1, 2, 3, 8] {
            #expect(try InputFile.read(path, limit: count, kind: .book, threads: threads) == bytes, "\(threads) threads")
        }
        #expect(throws: InputFile.ReadError.self) { try InputFile.read(path, limit: count - 1, kind: .book, threads: 4) }
    }

    /// A sparse 3 GiB file is refused from its size, before a byte is read.
    @Test func aHugeFileIsRefusedWithoutReadingIt() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/huge.json"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        #expect(Self.reason(path) == .tooLarge(limit: 1 << 20, kind: .policy))
        #expect(InputFile.ReadError(path: "huge.json", reason: .tooLarge(limit: 1 << 30, kind: .book)).description
                == "cannot read huge.json: larger than 1 GiB, the limit for a book")
    }

    @Test func devicesDirectoriesLoopsAndMissingFilesAreRefused() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir + "/a", withDestinationPath: dir + "/b")
        try FileManager.default.createSymbolicLink(atPath: dir + "/b", withDestinationPath: dir + "/a")
        #expect(Self.reason("/dev/null") == .notRegularFile("a character device"))
        #expect(Self.reason("/dev/zero") == .notRegularFile("a character device"))
        #expect(Self.reason(dir) == .isDirectory)
        #expect(Self.reason(dir + "/a") == .symlinkLoop)
        #expect(Self.reason(dir + "/missing.lever") == .noSuchFile)
        #expect(InputFile.problem("/dev/zero", limit: .max) == .notRegularFile("a character device"))
        #expect(InputFile.problem(dir + "/a", limit: .max)?.description == "too many levels of symbolic links")
    }

    /// A pipe has no size to refuse it by: it is read up to one byte past the limit, then refused.
    @Test func aPipeIsReadNoFurtherThanTheLimit() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            // Exactly one byte more than the limit: the reader takes all of it, then refuses.
            try? handle.write(contentsOf: Data(repeating: 0x20, count: (1 << 20) + 1))
            try? handle.close()
        }
        writer.start()
        #expect(Self.reason(fifo, limit: 1 << 20) == .tooLarge(limit: 1 << 20, kind: .policy))
    }
}
