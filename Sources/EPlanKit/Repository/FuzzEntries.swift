#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EPlanYAML

/// Ways in for the fuzz target (`Sources/eplan-fuzz`): arbitrary bytes as a summary cache file and as
/// a folder tree. Not for other callers.
public enum FuzzEntries {
    /// The bytes as the index and summaries of a cache file of a repository at `root`, written into
    /// `folder` with a valid header and key (so that the reader gets past them to the fuzzed part), then
    /// read the way a run reads it: index, folder listings, file tree, every summary and its deferred parts.
    public static func cacheFile(_ bytes: [UInt8], folder: String, root: String = "/fuzz-repository") {
        let configKey = "fuzz"
        var index = BinaryWriter()
        index.string("\(SummaryCache.format)\u{0}\(EPlan.version)\u{0}\(configKey)")
        index.bytes += bytes
        var header = (UInt64(index.bytes.count).littleEndian, SummaryCache.checksum(index.bytes).littleEndian)
        var file = withUnsafeBytes(of: &header) { Array($0) }
        file += index.bytes + bytes  // the fuzzed bytes once more, as the summaries
        let path = "\(folder)/\(Fingerprint.hex(Fingerprint.fnv1a(root))).bin"
        _ = FileSystem.makeFolders(folder)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = file.withUnsafeBytes { FileSystem.writeAll(fd, $0) }
        close(fd)
        var cache = SummaryCache(root: root, configKey: configKey, enabled: true, folder: folder)
        _ = cache.loadFolders()
        _ = cache.unchangedFiles(key: "", jobs: 1, root: SourceReader.Base(root, opened: false))
        // The plans' links as a one-file run reads them (the section after the summaries: here the
        // fuzzed bytes' tail), each looked through for a tag.
        cache.readLinks()
        for (_, entry) in cache.entries.all {
            guard let links = entry.links.flatMap(cache.linked) else { continue }
            _ = cache.withLinksSection { section in links.anyTag(in: section) { $0 == 0 } }
        }
        for (key, entry) in cache.entries.all {
            guard case .stored(let offset, let length, _) = entry.summary,
                  let slice = cache.source?.summary(at: offset, count: length) else { continue }
            touch(DocumentSummary.decode(slice, path: "\(key)", display: "\(key)"))
        }
        // The bytes as one summary, without the file around them.
        touch(DocumentSummary.decode(ByteSlice(bytes), path: "fuzz.yaml", display: "fuzz.yaml"))
        // The bytes as a links section (whose checksum a fuzzed file seldom passes): runs of words, each
        // as long as its first byte says, read as a plan's links and looked through for a tag.
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            var start = 0
            while start < words {
                let count = min(words - start, Int(raw[start * 8] % 16) + 1)
                if let links = RelatedPlans.Linked(section: raw, start: start, count: count) { _ = links.anyTag(in: raw) { $0 == 0 } }
                start += count
            }
        }
    }

    /// Reads every part of a decoded summary (deferred parts are decoded on first use).
    private static func touch(_ document: SourceDocument?) {
        guard let summary = document?.planSummary else { return }
        _ = (summary.scope, summary.organization, summary.reporting, summary.actions, summary.resourceIDs)
        _ = summary.organizationAgencyList
    }

    /// A small tree made from the bytes inside `folder` (folders, YAML files holding slices of the
    /// bytes, links inside and outside), linted as a repository with the cache on and off.
    public static func tree(_ bytes: [UInt8], folder: String, today: Day) {
        _ = FileSystem.makeFolders(folder)
        var folders = [folder]
        var i = 0
        while i + 3 < bytes.count, i < 64 * 4 {
            let kind = bytes[i] % 5, pick = Int(bytes[i + 1]), length = Int(bytes[i + 2]) * 4
            let parent = folders[pick % folders.count]
            let name = String(UnicodeScalar(UInt8(97 + Int(bytes[i + 3]) % 26))) + "\(i)"
            let path = "\(parent)/\(name)"
            switch kind {
            case 0:
                if FileSystem.makeFolders(path) { folders.append(path) }
            case 1, 2:
                let start = min(bytes.count, i + 4)
                let content = Array(bytes[start ..< min(bytes.count, start + length)])
                let fd = open(path + ".yaml", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                if fd >= 0 {
                    _ = (Array("eplan: plan/v1\n".utf8) + content).withUnsafeBytes { FileSystem.writeAll(fd, $0) }
                    close(fd)
                }
            case 3:
                _ = symlink(folders[Int(bytes[i + 3]) % folders.count], path)
            default:
                _ = symlink(pick % 2 == 0 ? "/" : "/etc/hostname", path + ".yaml")
            }
            i += 4
        }
        for useCache in [false, true] {
            var options = LintOptions(cwd: folder, jobs: 2, today: today)
            options.useCache = useCache
            options.cacheFolder = folder + "-cache"
            _ = try? Linter.analyze(options)
        }
        Linter.releaseKept()
    }

    /// A scratch folder path for this process (`$TMPDIR`, else /tmp).
    public static func scratch() -> String {
        let env = EnvironmentValues()
        let base = env["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(base)/eplan-fuzz-\(getpid())"
    }

    /// Removes a folder and everything in it; links are removed, never followed.
    public static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR, let dir = opendir(path) {
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name != ".", name != ".." { names.append(name) }
            }
            closedir(dir)
            for name in names { remove("\(path)/\(name)") }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
