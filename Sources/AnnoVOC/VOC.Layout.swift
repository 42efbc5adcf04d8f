import AnnoCore

extension VOC {
    /// Where the parts of a VOC dataset live under its root folder.
    ///
    /// Standard layout: `Annotations/`, `JPEGImages/`, `ImageSets/`, `SegmentationClass/`, `SegmentationObject/`,
    /// `labelmap.txt`. Relaxed layouts found in the wild are accepted: lowercase `annotations/` + `images/`, and a
    /// flat folder holding `*.xml` next to the images (Roboflow, Kaggle).
    public struct Layout: Hashable, Sendable {
        /// The dataset root.
        public var root: String
        /// The folder holding the annotation XML files, if any.
        public var annotations: String?
        /// Folders searched for image files, in order.
        public var imageFolders: [String]
        /// `ImageSets/`, if present.
        public var imageSets: String?
        /// `SegmentationClass/`, if present.
        public var segmentationClass: String?
        /// `SegmentationObject/`, if present.
        public var segmentationObject: String?
        /// `labelmap.txt`, if present.
        public var labelmap: String?

        /// The standard layout under `root` (used by the writer).
        public static func standard(root: String) -> Layout {
            Layout(
                root: root, annotations: FilePath.join(root, "Annotations"),
                imageFolders: [FilePath.join(root, "JPEGImages")], imageSets: FilePath.join(root, "ImageSets"),
                segmentationClass: FilePath.join(root, "SegmentationClass"),
                segmentationObject: FilePath.join(root, "SegmentationObject"),
                labelmap: FilePath.join(root, VOC.labelmapFileName))
        }

        /// Finds the parts that exist under `root`; nil when `root` is not a directory.
        public static func locate(root: String) -> Layout? {
            guard FileIO.isDirectory(root) else { return nil }
            func dir(_ names: String...) -> String? {
                for n in names {
                    let p = FilePath.join(root, n)
                    if FileIO.isDirectory(p) { return p }
                }
                return nil
            }
            var annotations = dir("Annotations", "annotations")
            if annotations == nil, let names = try? FileIO.list(root), names.contains(where: { $0.lowercased().hasSuffix(".xml") }) {
                annotations = root
            }
            var images: [String] = []
            if let d = dir("JPEGImages") { images.append(d) }
            if let d = dir("images", "Images") { images.append(d) }
            images.append(root)
            let lm = FilePath.join(root, VOC.labelmapFileName)
            return Layout(
                root: root, annotations: annotations, imageFolders: images, imageSets: dir("ImageSets"),
                segmentationClass: dir("SegmentationClass"), segmentationObject: dir("SegmentationObject"),
                labelmap: FileIO.exists(lm) ? lm : nil)
        }
    }
}
