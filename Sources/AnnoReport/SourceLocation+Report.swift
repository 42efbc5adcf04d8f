import AnnoCore

extension SourceLocation {
    /// The file, unless it is empty.
    var knownFile: String? { file.isEmpty ? nil : file }

    /// The line, when it is a real 1-based line.
    var knownLine: Int? {
        guard let line, line >= 1 else { return nil }
        return line
    }

    /// The column, when it is a real 1-based column and the line is known too.
    var knownColumn: Int? {
        guard knownLine != nil, let column, column >= 1 else { return nil }
        return column
    }

    /// The pointer, unless it is empty.
    var knownPointer: String? {
        guard let pointer, !pointer.isEmpty else { return nil }
        return pointer
    }

    /// `file:line:column` with as much as is known, or nil when the file is unknown.
    var compilerStyle: String? {
        guard let file = knownFile else { return nil }
        var s = file
        if let line = knownLine {
            s += ":\(line)"
            if let column = knownColumn { s += ":\(column)" }
        }
        return s
    }
}
