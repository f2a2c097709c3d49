import LeverCompile
import LeverNumerics

/// The results of a fixed-point policy: what its exact program computed, per output per account.
///
/// `values` are the nearest `Double`s, which the engine's decisions, findings and liquidation
/// plans read as they read a `float` policy's results; `texts` are the exact decimals reports
/// print (`1.305223880597014925`), or nil where the value is undefined or unbounded.
struct ExactResults {
    var values: [[Double]]
    var texts: [[String?]]

    /// Runs `program` over the inputs laid out for the `Double` program, converted value by value
    /// through their shortest decimal text.
    init<N: MarginNumber & CustomStringConvertible>(_ program: Program<N>, inputs: ProgramInputs, threads: Int) {
        let book = inputs.book.converted(to: N.self)
        let results = program.evaluate(book, snapshot: program.prepare(inputs.market.converted(to: N.self)), threads: threads)
        values = results.map { $0.map(\.doubleValue) }
        texts = results.map { column in column.map { $0.isValid && $0.doubleValue.isFinite ? $0.description : nil } }
    }
}

extension MarginEngine {
    /// The exact results when the policy computes in fixed point; nil for a `float` policy.
    func exactResults(_ inputs: ProgramInputs, threads: Int) -> ExactResults? {
        switch policy.exactProgram {
        case .wad(let program)?: ExactResults(program, inputs: inputs, threads: threads)
        case .ray(let program)?: ExactResults(program, inputs: inputs, threads: threads)
        case nil: nil
        }
    }
}
