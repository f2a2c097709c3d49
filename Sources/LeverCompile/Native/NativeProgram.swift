import LeverNumerics
import LeverSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A policy's per-account work compiled to machine code (`NativeSource`, built by the C
/// compiler of `NativeToolchain` and loaded with `dlopen`): the opt-in backend for services that
/// re-margin continuously. Its results are the closure program's, bit for bit (a test holds
/// the two to it on every golden case and on the workload); the per-market work (`prepare`) is
/// the closure program's own.
///
/// Immutable and `Sendable`, like `Program`. The library stays loaded for the process's life
/// (a cached library is shared by every program compiled from the same source).
public final class NativeProgram: @unchecked Sendable {
    /// The closure program it was built from, which prepares each market.
    public let program: Program<Double>
    /// The library's path in the cache.
    public let library: String
    private let entry: Entry
    private let scratchColumns: Int
    private let assets: Int

    typealias Entry = @convention(c) (
        UnsafePointer<UnsafePointer<Double>?>, UnsafePointer<Int32>, UnsafePointer<Int32>, UnsafePointer<Int32>,
        UnsafePointer<UnsafeMutablePointer<Double>?>, Int64, Int64, UnsafeMutablePointer<Double>?, Int64, OptionValue
    ) -> Void
    typealias OptionValue = @convention(c) (Int32, Int32, Double, Double, Double, Double, Double, Double) -> Double

    /// Compiles (or finds in the cache) and loads the native code of `program`; throws the reason
    /// when it cannot, and the closure program is the one to run.
    public init(_ program: Program<Double>, toolchain: NativeToolchain) throws(NativeRefusal) {
        let source = try NativeSource(plan: program.plan)
        let library = try toolchain.library(for: source.text)
        guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else {
            throw NativeRefusal("cannot load `\(library)`: \(dlerror().map { String(cString: $0) } ?? "unknown error")")
        }
        typealias Version = @convention(c) () -> Int32
        guard let abi = dlsym(handle, NativeSource.abiSymbol), let entry = dlsym(handle, NativeSource.entry),
              Int(unsafeBitCast(abi, to: Version.self)()) == NativeSource.abi else {
            dlclose(handle)
            throw NativeRefusal("`\(library)` is not a library of this version of Lever")
        }
        self.program = program
        self.library = library
        self.entry = unsafeBitCast(entry, to: Entry.self)
        scratchColumns = source.scratchColumns
        assets = source.assets
    }

    /// Compiles with the toolchain the environment names (`NativeToolchain.find`).
    public convenience init(_ program: Program<Double>) throws(NativeRefusal) {
        try self.init(program, toolchain: try NativeToolchain.find())
    }

    /// Evaluates every account of the book, as `Program.evaluate` does and with the same results.
    public func evaluate(_ book: ProgramBook<Double>, snapshot: Snapshot<Double>, threads: Int = 1) -> [[Double]] {
        // A market laid out with fewer assets than the policy's (only by hand, never by the
        // engine) is left to the closure program, which reads what it has.
        guard snapshot.assetCount >= assets else { return program.evaluate(book, snapshot: snapshot, threads: threads) }
        let plan = program.plan
        let columns = UnsafeMutablePointer<UnsafePointer<Double>?>.allocate(capacity: max(plan.nodes.count, 1))
        let zeros = UnsafeMutablePointer<Double>.allocate(capacity: max(book.accountCount, 1))
        zeros.initialize(repeating: 0, count: max(book.accountCount, 1))
        defer {
            columns.deallocate()
            zeros.deallocate()
        }
        // The columns `Frame.bindInputs` points the closure program's input nodes at, unoffset
        // (the native code indexes the whole book); an account input the book lacks reads 0, as
        // the frame's zeroed column does.
        for (i, node) in plan.nodes.enumerated() {
            switch node.op {
            case .positionInput(let input): columns[i] = UnsafePointer(book.positionColumns[input] ?? book.side)
            case .side: columns[i] = UnsafePointer(book.side)
            case .accountInput(let input): columns[i] = UnsafePointer(book.accountColumns[input] ?? zeros)
            default: columns[i] = node.domain <= .asset ? UnsafePointer(snapshot.columns[i]) : nil
            }
        }
        let shared = UnsafeSendable(UnsafePointer(columns))
        let (entry, scratchColumns, stride) = (self.entry, self.scratchColumns, max(book.largestAccount, 1))
        return program.collect(accounts: book.accountCount, threads: threads) { chunk, results in
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: max(scratchColumns * stride, 1))
            defer { scratch.deallocate() }
            results.withMemoryRebound(to: UnsafeMutablePointer<Double>?.self, capacity: plan.outputs.count) { table in
                entry(shared.value, book.accountStart, book.positionAsset, book.positionVenue, table,
                      Int64(chunk.lowerBound), Int64(chunk.upperBound), scratch, Int64(stride), optionValue)
            }
        }
    }
}

/// The option kernel, for native code to call (options are valued by the same Swift function
/// on both backends, so their values are the same bits).
private let optionValue: NativeProgram.OptionValue = { output, call, spot, strike, years, vol, rate, yield in
    OptionKernel.value(OptionOutput.allCases[Int(output)], isCall: call != 0, spot: spot, strike: strike, years: years,
                       vol: vol, rate: rate, yield: yield)
}

extension NativeProgram {
    /// The first output and account whose values differ between two result sets (per output,
    /// per account): the same bits, or both undefined (a NaN's payload is not a value), are the
    /// same; nil when every value is.
    public static func firstDifference(_ a: [[Double]], _ b: [[Double]]) -> (output: Int, account: Int)? {
        guard a.count == b.count else { return (min(a.count, b.count), 0) }
        for (j, (x, y)) in zip(a, b).enumerated() {
            guard x.count == y.count else { return (j, min(x.count, y.count)) }
            for i in x.indices where x[i].bitPattern != y[i].bitPattern && !(x[i].isNaN && y[i].isNaN) { return (j, i) }
        }
        return nil
    }
}
