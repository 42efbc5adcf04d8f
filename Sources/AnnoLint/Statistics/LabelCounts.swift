import AnnoCore

/// Annotation counts per declared category, shared by the label statistics rules.
enum LabelCounts {
    /// Counts annotations per declared category id, in category order (undeclared ids are ignored).
    static func counts(_ dataset: Dataset) -> [(category: Category, count: Int)] {
        var counts: [ID: Int] = [:]
        for a in dataset.annotations { if let c = a.categoryID { counts[c, default: 0] += 1 } }
        var seen = Set<ID>()
        return dataset.categories.compactMap { c in seen.insert(c.id).inserted ? (c, counts[c.id] ?? 0) : nil }
    }

    /// `category 5 ("dog")`.
    static func name(_ c: Category) -> String { "category \(c.id) (\"\(c.name)\")" }
}
