/// Merges a track into the workflow it extends. Scalars in the track replace the parent's; the lists with ids
/// (people, bodies, titles, steps) merge by id, key by key, and new entries are appended. `id`, `abstract` and
/// `extends` are never inherited. Every value keeps the location of the file it was written in.
enum WorkflowMerger {
    static let listsMergedByID: Set<String> = ["people", "bodies", "titles", "steps"]
    static let notInherited: Set<String> = ["id", "abstract", "extends"]

    static func merge(_ parent: YAMLTree, into child: YAMLTree) -> YAMLTree {
        guard let parentEntries = parent.entries, case .mapping(let childEntries, let location) = child else { return child }
        var result = parentEntries.filter { !notInherited.contains($0.key) }
        for entry in childEntries {
            guard let index = result.firstIndex(where: { $0.key == entry.key }) else {
                result.append(entry)
                continue
            }
            if listsMergedByID.contains(entry.key) {
                result[index].value = mergeByID(result[index].value, entry.value)
            } else {
                result[index] = entry
            }
        }
        return .mapping(result, location)
    }

    private static func mergeByID(_ parent: YAMLTree, _ child: YAMLTree) -> YAMLTree {
        guard case .sequence(var items, let location) = parent, let childItems = child.items else { return child }
        for item in childItems {
            guard let id = item["id"]?.string, let index = items.firstIndex(where: { $0["id"]?.string == id }),
                  case .mapping(var entries, let itemLocation) = items[index], let overrides = item.entries else {
                items.append(item)
                continue
            }
            for entry in overrides {
                if let existing = entries.firstIndex(where: { $0.key == entry.key }) { entries[existing] = entry } else { entries.append(entry) }
            }
            items[index] = .mapping(entries, itemLocation)
        }
        return .sequence(items, location)
    }
}
