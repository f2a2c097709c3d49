#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Holds back the signals that end a process at a user's request (SIGINT, SIGTERM, SIGHUP) on
/// the calling thread while a write has a temporary file on disk, so that Ctrl-C lands once the
/// file has been renamed into place or removed, never in between.
///
/// Nothing is installed and no state is kept: a held signal stays pending and is delivered, with
/// its usual effect, as soon as the previous mask is restored. The hold is per thread; a signal
/// sent to the process while another thread has it unblocked goes there and is not held.
enum HeldSignals {
    /// The signals held.
    static let held = [SIGINT, SIGTERM, SIGHUP]

    /// Runs `body` with the signals held, then restores the thread's mask as it was.
    static func during<T>(_ body: () throws -> T) rethrows -> T {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in held { sigaddset(&set, signal) }
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &set, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }
}
