import AnnoCore

extension VOC {
    /// The checks the VOC reader emits (AK030–AK049): format-level problems found while reading.
    public enum Checks {
        /// AK030: the XML file is not well-formed, uses a DTD or entity, or breaks a size limit (thrown).
        public static let invalidXML = CheckDescriptor(
            code: "AK030", name: "invalid-xml", defaultSeverity: .error,
            summary: "An annotation file is not acceptable XML.",
            explanation: "The file is malformed, declares a DTD or entity, or exceeds a safety limit (size, depth, attributes). Reading stops: limits exit 3, other problems exit 65. Fix or regenerate the file.")
        /// AK031: an annotation file has no usable `<size>`; the size is taken from the image header when possible.
        public static let missingSize = CheckDescriptor(
            code: "AK031", name: "missing-size", defaultSeverity: .warning,
            summary: "An annotation file has no <size>, or a zero or non-numeric one.",
            explanation: "Without <size> the image dimensions come from the JPEG/PNG header (or the mask) when one is found; otherwise the image has no size and masks cannot be checked. Add <size><width/><height/><depth/></size>.")
        /// AK032: a bounding box is missing, non-numeric or has xmax < xmin / ymax < ymin; the object is skipped.
        public static let invalidBox = CheckDescriptor(
            code: "AK032", name: "invalid-box", defaultSeverity: .error,
            summary: "An object's <bndbox> is missing, non-numeric or inverted.",
            explanation: "VOC boxes are 1-based inclusive pixel indices with xmin <= xmax and ymin <= ymax. The object is skipped (its instance index still counts). Fix the coordinates.")
        /// AK033: the coordinates betray the 0-based convention (xmin == 0 or xmax > width).
        public static let originHint = CheckDescriptor(
            code: "AK033", name: "voc-origin-hint", defaultSeverity: .warning,
            summary: "A box looks 0-based (xmin or ymin is 0, or xmax/ymax exceeds the image size).",
            explanation: "VOC boxes start at pixel 1. A 0 or a coordinate past the image edge suggests the tool that wrote the file used 0-based coordinates; read with --voc-origin 0 if so, or let --voc-origin auto decide.")
        /// AK034: a mask file the dataset promises (segmented=1 or ImageSets/Segmentation) does not exist.
        public static let missingMaskFile = CheckDescriptor(
            code: "AK034", name: "missing-mask-file", defaultSeverity: .warning,
            summary: "A segmentation mask that the annotation or ImageSets promise is missing.",
            explanation: "The image is marked segmented or listed in ImageSets/Segmentation but SegmentationObject/<id>.png is absent; its objects keep their boxes only. In a mask-only folder (no Annotations/) it also fires when SegmentationObject/<id>.png has no SegmentationClass/<id>.png beside it: the instances are kept without a category. Add the missing mask.")
        /// AK035: instance pixels whose index has no `<object>`, or an object without pixels in a segmented image.
        public static let maskObjectMismatch = CheckDescriptor(
            code: "AK035", name: "mask-object-mismatch", defaultSeverity: .warning,
            summary: "SegmentationObject and the XML objects do not correspond one to one.",
            explanation: "Instance index k in SegmentationObject belongs to the k-th <object> of the XML. Pixels with an index beyond the object count are dropped; objects without pixels keep only their box.")
        /// AK036: an RGB mask pixel has a colour that is neither in the VOC colormap nor in labelmap.txt.
        public static let unknownColor = CheckDescriptor(
            code: "AK036", name: "unknown-color", defaultSeverity: .error,
            summary: "An RGB mask uses a colour that no class or instance index has.",
            explanation: "RGB masks are mapped back to indices through labelmap.txt (SegmentationClass) or the VOC colormap. Pixels of an unknown colour are treated as background. Save masks as palette PNGs.")
        /// AK037: an id listed in ImageSets has no annotation file; the image is kept without objects.
        public static let missingAnnotationFile = CheckDescriptor(
            code: "AK037", name: "missing-annotation-file", defaultSeverity: .warning,
            summary: "An image listed in ImageSets has no Annotations/<id>.xml.",
            explanation: "The image is kept (size from its header when found) with no objects. Remove it from the list or add its annotation file.")
        /// AK038: a mask's dimensions differ from the image's; the mask is ignored.
        public static let maskSizeMismatch = CheckDescriptor(
            code: "AK038", name: "mask-size-mismatch", defaultSeverity: .error,
            summary: "A segmentation PNG is not the size of its image.",
            explanation: "Masks must match <size>. The mismatching mask is ignored.")
        /// AK039: a mask PNG cannot be decoded (bad CRC, truncated or overlong data, bad palette index, ...).
        public static let unreadableMask = CheckDescriptor(
            code: "AK039", name: "unreadable-mask", defaultSeverity: .error,
            summary: "A segmentation PNG is corrupt or unsupported.",
            explanation: "The PNG decoder rejected the file (the message names the chunk and byte offset). The mask is ignored.")
        /// AK040: `<filename>` or an id contains a path that leaves the dataset folder.
        public static let unsafeFileName = CheckDescriptor(
            code: "AK040", name: "unsafe-filename", defaultSeverity: .error,
            summary: "A file name contains '..', a leading '/', or a control character.",
            explanation: "VOC file names are plain names inside JPEGImages/. The unsafe name is replaced by its last component.")
        /// AK041: an `<object>` without a `<name>`; the object is skipped.
        public static let missingName = CheckDescriptor(
            code: "AK041", name: "missing-object-name", defaultSeverity: .error,
            summary: "An <object> has no or an empty <name>.",
            explanation: "Every VOC object needs a class name. The object is skipped (its instance index still counts).")
        /// AK042: the root element is not `<annotation>`; the file is skipped.
        public static let notAnnotation = CheckDescriptor(
            code: "AK042", name: "not-voc-annotation", defaultSeverity: .error,
            summary: "An XML file's root element is not <annotation>.",
            explanation: "The file is skipped. Remove foreign XML files from Annotations/.")
        /// AK043: SegmentationClass disagrees with the classes of the objects painted in SegmentationObject.
        public static let classMaskMismatch = CheckDescriptor(
            code: "AK043", name: "class-mask-mismatch", defaultSeverity: .warning,
            summary: "SegmentationClass and SegmentationObject disagree.",
            explanation: "A pixel of object k should carry the class index of object k's name in SegmentationClass, and void should agree. Disagreeing class pixels are kept as class-only regions. In a mask-only folder (no Annotations/) each instance takes the majority class under its pixels; the message names every other class under the instance with its pixel count and first pixel (x, y), background and void pixels under an instance cannot be represented, and an instance with no named class under it is kept without a category.")
        /// AK044: a labelmap.txt line cannot be parsed; it is skipped.
        public static let invalidLabelmap = CheckDescriptor(
            code: "AK044", name: "invalid-labelmap", defaultSeverity: .error,
            summary: "A labelmap.txt line is not `name:r,g,b:parts:actions`.",
            explanation: "The line is skipped; class indices of the following lines move up by one.")
        /// AK045: an ImageSets line cannot be parsed; it is skipped.
        public static let invalidImageSetLine = CheckDescriptor(
            code: "AK045", name: "invalid-imageset-line", defaultSeverity: .warning,
            summary: "An ImageSets line is not `<id>` or `<id> <1|0|-1>`.",
            explanation: "The line is skipped.")
        /// AK046: a box lies partly outside the image given by `<size>`.
        public static let boxOutsideImage = CheckDescriptor(
            code: "AK046", name: "box-outside-image", defaultSeverity: .warning,
            summary: "A box extends past the image edges.",
            explanation: "With origin 1, 1 <= xmin <= xmax <= width and 1 <= ymin <= ymax <= height. The box is kept as written.")
        /// AK047: a mask PNG exceeds a pixel or chunk limit (thrown, exit 3).
        public static let maskLimit = CheckDescriptor(
            code: "AK047", name: "mask-limit", defaultSeverity: .error,
            summary: "A segmentation PNG exceeds a safety limit.",
            explanation: "The PNG declares more pixels or chunks than allowed. Reading stops with exit 3.")
        /// AK048: a path is not a VOC dataset: no Annotations/ folder, no annotation XML files and no mask PNGs (thrown).
        public static let notVOC = CheckDescriptor(
            code: "AK048", name: "not-voc-dataset", defaultSeverity: .error,
            summary: "The folder has no Annotations/, no VOC XML files and no SegmentationObject/ or SegmentationClass/ PNG masks.",
            explanation: "A VOC root holds Annotations/*.xml, or (a mask-only export such as CVAT's Segmentation mask 1.1 or Datumaro's voc_segmentation) SegmentationObject/*.png or SegmentationClass/*.png; JPEGImages/, ImageSets/ and labelmap.txt are optional. Reading stops with exit 65 (66 when the path does not exist): pass the dataset root.")
        /// AK049: an element the reader does not know was kept verbatim under the `voc` extension.
        public static let unknownElement = CheckDescriptor(
            code: "AK049", name: "unknown-element", defaultSeverity: .info,
            summary: "An XML element outside VOC and AnnoKit's vocabulary was kept as an extension.",
            explanation: "Unknown elements travel in the `voc` extension and are written back; other formats may drop them.")

        /// Every reader check, sorted by code.
        public static let all: [CheckDescriptor] = [
            invalidXML, missingSize, invalidBox, originHint, missingMaskFile, maskObjectMismatch, unknownColor,
            missingAnnotationFile, maskSizeMismatch, unreadableMask, unsafeFileName, missingName, notAnnotation,
            classMaskMismatch, invalidLabelmap, invalidImageSetLine, boxOutsideImage, maskLimit, notVOC, unknownElement,
        ].sorted { $0.code < $1.code }
    }

    /// The conversion-loss checks the VOC writer emits (AK060–AK079): what VOC cannot hold.
    public enum LossChecks {
        /// AK060: `iscrowd = 1`, which VOC cannot express.
        public static let crowdFlag = CheckDescriptor(
            code: "AK060", name: "crowd-flag", defaultSeverity: .warning,
            summary: "A crowd annotation was written as an ordinary VOC object.",
            explanation: "VOC has no crowd flag. AnnoKit writes <iscrowd>1</iscrowd> (read back by AnnoKit, ignored by other VOC tools) and paints the region as an instance.")
        /// AK061: instance pixels hidden by a later overlapping instance in SegmentationObject.
        public static let hiddenPixels = CheckDescriptor(
            code: "AK061", name: "instance-pixels-hidden", defaultSeverity: .warning,
            summary: "Overlapping instances: a later object overwrote pixels of an earlier one.",
            explanation: "SegmentationObject holds one index per pixel; later objects win. The message counts the hidden pixels of the earlier object.")
        /// AK062: a polygon was rasterised to pixels (sub-pixel precision lost).
        public static let polygonRasterised = CheckDescriptor(
            code: "AK062", name: "polygon-rasterised", defaultSeverity: .info,
            summary: "A polygon was stored as a pixel mask.",
            explanation: "VOC masks are pixels. The polygon is rasterised with pycocotools' rule (pixel centres inside); vertices and sub-pixel precision are lost.")
        /// AK063: a non-integer box was rounded to whole pixels.
        public static let boxRounded = CheckDescriptor(
            code: "AK063", name: "box-rounded", defaultSeverity: .info,
            summary: "A box with fractional coordinates was rounded.",
            explanation: "xmin = round(x) + 1, ymin = round(y) + 1, xmax = round(x + w), ymax = round(y + h).")
        /// AK064: a category name that VOC file names or labelmap.txt cannot carry.
        public static let categoryName = CheckDescriptor(
            code: "AK064", name: "category-name", defaultSeverity: .warning,
            summary: "A category name contains characters VOC files cannot carry.",
            explanation: "Names go into ImageSets file names (<class>_<split>.txt) and labelmap.txt (name:r,g,b). '/', ':', ',', control characters and white space are replaced by '_' there; <name> keeps the original.")
        /// AK065: dataset-level info, licences or unknown top-level keys dropped.
        public static let datasetFieldsDropped = CheckDescriptor(
            code: "AK065", name: "dataset-fields-dropped", defaultSeverity: .info,
            summary: "Dataset info, licences or extra keys were dropped.",
            explanation: "VOC has no place for COCO's info, licenses or unknown top-level keys.")
        /// AK066: image fields VOC cannot hold (licence id, foreign extension keys) dropped.
        public static let imageFieldsDropped = CheckDescriptor(
            code: "AK066", name: "image-fields-dropped", defaultSeverity: .info,
            summary: "Image fields were dropped.",
            explanation: "The image licence and keys such as flickr_url or date_captured have no VOC element.")
        /// AK067: annotation fields VOC cannot hold (area, keypoints, foreign extension keys) dropped.
        public static let annotationFieldsDropped = CheckDescriptor(
            code: "AK067", name: "annotation-fields-dropped", defaultSeverity: .info,
            summary: "Annotation fields were dropped.",
            explanation: "area, keypoints and other keys have no VOC element; area is recomputable from the mask.")
        /// AK068: category ids renumbered, supercategory or extension keys dropped.
        public static let categoryFieldsDropped = CheckDescriptor(
            code: "AK068", name: "category-fields-dropped", defaultSeverity: .info,
            summary: "Category ids, supercategories or extra keys were not kept.",
            explanation: "VOC identifies classes by name and palette index; ids become 1..N in category order.")
        /// AK069: an annotation VOC cannot hold was not written.
        public static let objectDropped = CheckDescriptor(
            code: "AK069", name: "object-dropped", defaultSeverity: .warning,
            summary: "An annotation was not written.",
            explanation: "It has no box and no mask, an unknown image or category, or a box that is empty after rounding with no mask to derive one from.")
        /// AK070: more masked objects or classes than the 8-bit palette can index.
        public static let indexLimit = CheckDescriptor(
            code: "AK070", name: "palette-index-limit", defaultSeverity: .warning,
            summary: "More than 254 instances or classes in one image.",
            explanation: "Palette indices 1..254 address instances and classes (255 is void). Objects past the limit keep their boxes but get no mask pixels.")
        /// AK071: an image file stem collided or was unsafe and was renamed.
        public static let imageRenamed = CheckDescriptor(
            code: "AK071", name: "image-renamed", defaultSeverity: .warning,
            summary: "An image's VOC id was changed.",
            explanation: "VOC names every file after the image stem. Duplicate or unsafe stems get the image id appended.")
        /// AK072: a mask could not be written because the image size is unknown or differs from the mask's.
        public static let maskNotWritten = CheckDescriptor(
            code: "AK072", name: "mask-not-written", defaultSeverity: .warning,
            summary: "A mask was dropped because the image size is unknown or different.",
            explanation: "Segmentation PNGs have the image's size. Give the image its width and height.")
        /// AK073: void (ignore-region) pixels under an instance were written as the instance.
        public static let voidCovered = CheckDescriptor(
            code: "AK073", name: "void-covered", defaultSeverity: .info,
            summary: "Ignore-region pixels under instances were not written as void.",
            explanation: "A pixel has one index; instance pixels win over void (255).")

        /// Every loss check, sorted by code.
        public static let all: [CheckDescriptor] = [
            crowdFlag, hiddenPixels, polygonRasterised, boxRounded, categoryName, datasetFieldsDropped,
            imageFieldsDropped, annotationFieldsDropped, categoryFieldsDropped, objectDropped, indexLimit,
            imageRenamed, maskNotWritten, voidCovered,
        ].sorted { $0.code < $1.code }
    }
}
