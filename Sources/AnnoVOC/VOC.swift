import AnnoCore
import AnnoJSON

/// The namespace for AnnoKit's Pascal VOC codec: layout, XML, palette masks, ImageSets and labelmap (see Specs/formats/voc.md).
public enum VOC {
    /// The 20 Pascal VOC object classes in their devkit order; class index i + 1 belongs to `classNames[i]`.
    public static let classNames: [String] = [
        "aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
        "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor",
    ]

    /// The name of class index 0 in VOC's SegmentationClass masks.
    public static let backgroundName = "background"

    /// The palette index VOC uses for void (unlabelled border and difficult) pixels.
    public static let voidIndex: UInt8 = 255

    /// The extension key under which images and annotations keep VOC XML fields the IR does not model.
    public static let extensionKey = "voc"

    /// The image extension key under which ImageSets membership is kept (`{"Main": ["train"], "Segmentation": [...]}`).
    public static let imageSetsKey = "voc_imagesets"

    /// The annotation extension key that marks a class-only region from SegmentationClass (not an `<object>`).
    public static let semanticKey = "voc_semantic"

    /// The value of `provenance.bbox` on objects of a mask-only folder: the box is the tight box of the mask.
    public static let boxDerivedFromMask = "derived-from-mask"

    /// The file name of the CVAT/Datumaro label map at the dataset root.
    public static let labelmapFileName = "labelmap.txt"

    /// The split written when an image carries no ImageSets membership.
    public static let defaultSplit = "default"
}
