/// The AnnoMask module: COCO-compatible run-length masks and geometry, bit-exact with pycocotools 2.0.11.
///
/// The kernel knows nothing about datasets. Its verbs are cocoapi's: encode, decode, compressed counts string,
/// area, bounding box, from-box, from-polygon, union, intersection and IoU with the crowd rule.
/// See `Specs/masks/rle.md` for the rules every operation follows.
public enum AnnoMaskModule {}
