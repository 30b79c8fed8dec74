#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import EPlanKit
import EPlanText

struct EPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eplan",
        abstract: "Author and validate emergency-response plans kept as YAML.",
        discussion: """
            eplan checks that a plan system is linked vertically to the end and horizontally to the edge, \
            that every action says who, how, when and with what resources, and that plans are maintained.

            Example:
              eplan lint plans/
            """,
        version: EPlan.version,
        subcommands: [Lint.self, Diff.self, Init.self, New.self, Graph.self, Report.self, Export.self, Rules.self, Explain.self, Schema.self, LSP.self]
    )

    /// Runs the command; every failure that is not a finding exits 2 (cli.md), help and version exit 0.
    /// A `CommandError` is printed here, and only here, as `eplan: <message>`, in the run's language.
    /// ArgumentParser's own errors ("Unknown option", "Missing expected argument") are English at their
    /// source: in another language a line of that language saying so comes first (docs/cli.md "Language").
    static func main() {
        tuneAllocator()
        guard ensureFileDescriptors() else {
            Console.error("eplan: " + Message("cli.too-few-descriptors", ["count": "\(minimumFileDescriptors)"]).text(RunLanguage.current))
            exitProcess(2)
        }
        guard canStartThreads() else {
            Console.error("eplan: " + Message("cli.no-threads").text(RunLanguage.current))
            exitProcess(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            exitProcess(code.rawValue)
        } catch let error as CommandError {
            let language = RunLanguage.current
            Console.error("eplan: \(error.message.text(language))")
            if let details = error.details { Console.error(details(language)) }
            exitProcess(2)
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                print(message)
                exitProcess(0)
            }
            let language = RunLanguage.current
            if language != .en { Console.error(Message("cli.usage-error").text(language)) }
            Console.error(message)
            exitProcess(2)
        }
    }
}

extension EPlanCommand {
    /// eplan is a batch process: it builds its model once and exits. Growing the heap in large steps
    /// and never handing memory back mid-run saves system calls and page faults (docs/performance.md:
    /// about a third of a one-file run's system time).
    static func tuneAllocator() {
        #if canImport(Glibc)
        // mallopt is in <malloc.h>, which the Glibc module does not export; its options are glibc ABI.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 1 << 30)
        _ = mallopt(mmapThreshold, 32 << 20)
        #endif
    }
}

extension EPlanCommand {
    /// True when a few threads can be started: the thread pool waits forever for threads the system
    /// refuses (a per-user process limit), so eplan stops at once with a clear error instead.
    static func canStartThreads(_ count: Int = 3) -> Bool {
        var threads: [pthread_t] = []
        defer { for thread in threads { pthread_join(thread, nil) } }
        for _ in 0..<count {
            var thread = pthread_t()
            guard pthread_create(&thread, nil, { _ in nil }, nil) == 0 else { return false }
            threads.append(thread)
        }
        return true
    }

    /// Threads, pipes (git) and the files read side by side need a few descriptors.
    static let minimumFileDescriptors: rlim_t = 32

    /// Raises the soft limit on open files toward the hard limit when it is below what eplan needs;
    /// false when even the hard limit is too low (a clear exit 2, instead of a crash in a thread pool
    /// or a run that silently read nothing).
    static func ensureFileDescriptors() -> Bool {
        var limit = rlimit()
        #if canImport(Darwin)
        let resource = RLIMIT_NOFILE
        #else
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #endif
        guard getrlimit(resource, &limit) == 0 else { return true }
        if limit.rlim_cur >= minimumFileDescriptors { return true }
        guard limit.rlim_max >= minimumFileDescriptors else { return false }
        limit.rlim_cur = min(limit.rlim_max, 1024)
        return setrlimit(resource, &limit) == 0
    }
}

/// Ends the process (C `exit`, which `ParsableCommand.exit(withError:)` hides inside commands).
func exitProcess(_ status: Int32) -> Never {
    exit(status)
}

/// stderr and terminal facts, in one place.
enum Console {
    static func error(_ text: String) {
        FileSystem.writeStandardError(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (to anything but the empty string).
    static var stdoutWantsColor: Bool {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    static func write(_ text: String) {
        FileSystem.writeStandardOutput(text)
    }
}

/// The command line, for the `eplan` executable and the fuzz target.
public enum EPlanMain {
    /// Runs `eplan` with the process's arguments, and exits.
    public static func main() {
        EPlanCommand.main()
    }

    /// Parses arbitrary arguments as the command line would (each subcommand's `validate()` included)
    /// without running anything (for the fuzz target).
    public static func parseOnly(_ arguments: [String]) {
        _ = try? EPlanCommand.parseAsRoot(arguments)
    }
}
