#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanKit

extension LanguageServer {
    /// Serves on file descriptors until `exit` (or the end of the input): reads what the client sent,
    /// handles every complete message, and lints once no more input is waiting, so a burst of edits
    /// is linted once, for its last text. Returns the exit status (0 after `shutdown`, else 1).
    public static func serve(input: Int32, output: Int32, settings: Settings) -> Int32 {
        let server = LanguageServer(settings: settings) { bytes in FileSystem.writeAll(output, bytes) }
        var framer = MessageFramer()
        while true {
            guard let bytes = FileSystem.readSome(input), !bytes.isEmpty else {
                return 1  // the client went away without `exit`
            }
            for frame in framer.feed(bytes) {
                server.receive(frame)
                if let status = server.exitStatus { return status }
            }
            if !inputWaiting(input) { server.flush() }
        }
    }

    /// True when more input can be read at once.
    static func inputWaiting(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents & Int16(POLLIN) != 0
    }
}
