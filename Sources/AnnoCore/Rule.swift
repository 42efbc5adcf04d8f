import AnnoJSON

/// Per-rule options from configuration (`.annokit.json` `options` for one rule).
public struct RuleOptions: Sendable {
    /// The raw option values by key.
    public var values: [String: JSONValue]

    /// Creates options.
    public init(_ values: [String: JSONValue] = [:]) { self.values = values }

    /// A numeric option, or `defaultValue` when absent.
    public func double(_ key: String, default defaultValue: Double) throws -> Double {
        guard let v = values[key] else { return defaultValue }
        guard case .number(let n) = v, n.double.isFinite else {
            throw DatasetError(code: "config", message: "option '\(key)' must be a finite number", category: .usage)
        }
        return n.double
    }

    /// An integer option, or `defaultValue` when absent.
    public func int(_ key: String, default defaultValue: Int) throws -> Int {
        guard let v = values[key] else { return defaultValue }
        guard case .number(let n) = v, let i = n.int else {
            throw DatasetError(code: "config", message: "option '\(key)' must be an integer", category: .usage)
        }
        return i
    }
}

/// A check that runs over the IR only, so it works for every format.
public protocol Rule: Sendable {
    /// The check's code, name, default severity and documentation.
    static var descriptor: CheckDescriptor { get }
    /// Creates the rule with its configured options; throws on an invalid option.
    init(options: RuleOptions) throws
    /// Reports findings about `context.dataset`.
    func check(_ context: RuleContext, into diagnostics: inout Diagnostics)
}

/// What rules see: the dataset plus indexes built once for all of them.
public final class RuleContext: Sendable {
    /// The dataset under check.
    public let dataset: Dataset
    /// Image index by id (the first image with each id).
    public let imageIndex: [ID: Int]
    /// Category index by id (the first category with each id).
    public let categoryIndex: [ID: Int]

    /// Builds the indexes. O(images + categories).
    public init(dataset: Dataset) {
        self.dataset = dataset
        var images: [ID: Int] = [:]
        images.reserveCapacity(dataset.images.count)
        for (i, image) in dataset.images.enumerated() where images[image.id] == nil { images[image.id] = i }
        self.imageIndex = images
        var categories: [ID: Int] = [:]
        for (i, c) in dataset.categories.enumerated() where categories[c.id] == nil { categories[c.id] = i }
        self.categoryIndex = categories
    }

    /// The image an annotation belongs to, if it exists.
    public func image(of annotation: Annotation) -> Image? {
        imageIndex[annotation.imageID].map { dataset.images[$0] }
    }
}
