import EPlanYAML
extension SummaryCache {
    /// The YAML files of a repository in path order, and every folder the walk read to find them with
    /// its identity and modification time. While every folder is unchanged (the time moves whenever an
    /// entry is added, removed or renamed) the files are the same, and a run needs no walk: it checks the
    /// folders. Kept only for walks where no folder holds a symbolic link (whose target can change
    /// unseen), and only for the same root and include/exclude settings (`key`).
    struct FileTree: Sendable {
        struct Folder: Sendable {
            /// Relative to the repository's root (`FileSystem.relative`: `.` for the root). Most are short enough for Swift
            /// to keep inside the string value: decoding the tree of the 10,000-plan benchmark makes no
            /// memory for its 5,887 folders (absolute paths were 2 M instructions of a one-file run).
            var path: String
            var identity: FileIdentity
            var modified: Int
        }
        var key: String
        var folders: [Folder]
        var files: [String]

        /// True when every folder is still the one, unchanged, that the tree was found in (`root`: the
        /// repository's root, held open).
        func holds(jobs: Int, root: SourceReader.Base) -> Bool {
            !parallelMap(folders, jobs: jobs) { folder -> Bool in
                guard let now = FileSystem.folderStamp(relative: folder.path, base: root) else { return false }
                return now.identity == folder.identity && now.modified == folder.modified
            }.contains(false)
        }
    }
}
