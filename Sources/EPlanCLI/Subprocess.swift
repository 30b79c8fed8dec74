#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML

/// Runs a program found on PATH with posix_spawn, its input /dev/null, its output and errors
/// captured (read side by side with poll, so neither pipe can fill up and stall the program).
enum Subprocess {
    struct Result {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        var output: [UInt8]
        var error: [UInt8]
    }

    struct Failure: Error {
        var reason: String
    }

    static func run(_ program: String, _ arguments: [String]) throws(Failure) -> Result {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { throw Failure(reason: SourceReader.errorText(errno)) }
        guard pipe(&errPipe) == 0 else {
            let reason = SourceReader.errorText(errno)
            close(outPipe[0]); close(outPipe[1])
            throw Failure(reason: reason)
        }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw Failure(reason: SourceReader.errorText(spawned))
        }
        var captured: [[UInt8]] = [[], []]
        var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
                   pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while fds.contains(where: { $0.fd >= 0 }) {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    captured[i] += buffer[..<count]
                } else if count == 0 || errno != EINTR {
                    close(fds[i].fd)
                    fds[i].fd = -1  // poll skips negative descriptors
                }
            }
        }
        for item in fds where item.fd >= 0 { close(item.fd) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7F
        return Result(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, output: captured[0], error: captured[1])
    }
}
