import QuorumFiles

extension DiagnosticRenderer {
    /// A renderer in the language of the messages.
    init() {
        self.init(words: Messages.words)
    }
}

extension WordedDiagnostic {
    /// A diagnostic for `--json`, in the language of the messages.
    init(_ diagnostic: LocatedDiagnostic) {
        self.init(diagnostic, words: Messages.words)
    }
}
