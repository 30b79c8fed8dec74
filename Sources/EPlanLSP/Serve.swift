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
            // A second without input: look at the disk (files other programs changed).
            if !inputWaiting(input, milliseconds: 1000) {
                server.idle()
                continue
            }
            guard let bytes = FileSystem.readSome(input), !bytes.isEmpty else {
                return 1  // the client went away without `exit`
            }
            for frame in framer.feed(bytes) {
                server.receive(frame)
                if let status = server.exitStatus { return status }
            }
            if !inputWaiting(input, milliseconds: 0) { server.flush() }
        }
    }

    /// True when input can be read (or the input ended) within the time given.
    static func inputWaiting(_ fd: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            // An error or a hang-up counts as input: the read then says what happened.
            return ready != 0
        }
    }
}
