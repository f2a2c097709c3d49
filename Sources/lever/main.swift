import Foundation
import LeverBuildInfo
import LeverCLI
import LeverEngine

// A report is computed a chunk of accounts at a time, each chunk's columns a few megabytes that
// are freed and allocated again: keep such blocks in the heap for reuse rather than mapping and
// unmapping fresh pages for every chunk (which cost as much system time as the evaluation).
#if os(Linux)
// glibc's `mallopt` (malloc.h, which Swift does not import); M_TRIM_THRESHOLD −1, M_MMAP_THRESHOLD −3.
@_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
_ = mallopt(-3, 64 << 20)
_ = mallopt(-1, 256 << 20)
#endif

let console = Console.standard(engineVersion: EngineVersion.describe(revision: SourceRevision.short))
exit(LeverCommand.run(arguments: Array(CommandLine.arguments.dropFirst()), console: console))
