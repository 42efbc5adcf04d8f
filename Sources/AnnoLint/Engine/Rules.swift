import AnnoCore

/// The registry of built-in lint rules.
public enum Rules {
    /// Every built-in rule, sorted by code. A registry test keeps this sorted, unique and documented.
    public static let all: [any Rule.Type] = [
        BBoxMaskMismatch.self,       // AK101
        MaskOutsideBBox.self,        // AK102
        BoxShapedMask.self,          // AK103
        AreaMismatch.self,           // AK104
        BBoxOutOfImage.self,         // AK105
        DegenerateBBox.self,         // AK106
        MaskSizeMismatch.self,       // AK107
        InvalidPolygon.self,         // AK108
        EmptyMask.self,              // AK109
        DuplicateAnnotation.self,    // AK110
        BBoxOnlyAnnotation.self,     // AK111
        TinyObject.self,             // AK112
        InvalidRLE.self,             // AK113
        MissingTitle.self,           // AK201
        MissingDescription.self,     // AK202
        MissingScene.self,           // AK203
        MissingLicense.self,         // AK204
        UnknownLicense.self,         // AK205
        IncompleteLicense.self,      // AK206
        MissingImageSize.self,       // AK207
        UndeclaredCategory.self,     // AK208
        UnusedCategory.self,         // AK209
        DuplicateID.self,            // AK210
        DanglingReference.self,      // AK211
        EmptyCaption.self,           // AK212
        MissingProvenance.self,      // AK301
        UnreviewedMachineMask.self,  // AK302
        RejectedAnnotation.self,     // AK303
        SingleAnnotator.self,        // AK304
        AnnotatorImbalance.self,     // AK305
        ImbalancedLabels.self,       // AK401
        FewSamples.self,             // AK402
        SizeOutlier.self,            // AK403
        MissingAnnotation.self,      // AK404
    ]

    /// The descriptors of every built-in rule, sorted by code.
    public static var descriptors: [CheckDescriptor] { all.map { $0.descriptor } }

    /// The rule with this code (`AK101`) or name (`bbox-mask-mismatch`), if any.
    public static func named(_ codeOrName: String) -> (any Rule.Type)? {
        all.first { $0.descriptor.code == codeOrName || $0.descriptor.name == codeOrName }
    }
}
