extension JSONNumber {
    /// True when `literal` is exactly what `JSONNumber.canonicalLiteral(double)` prints, i.e. when writing the
    /// value as a Double (`JSONWriter.double`) reproduces the source text.
    ///
    /// The canonical form is: integral values with |v| < 2^53 as plain integers (`10`, `-3`, `0`); negative zero
    /// as `-0.0`; everything else as Swift's shortest round-trip `Double.description` (`373.29`, `0.0001`, `1e-05`,
    /// `1e+16`). So `10.0`, `1E5`, `-0`, `0.50` and `1e300` are not canonical. The reader decides most cases
    /// from the bytes alone (`JSONReader.readDoubleArray(literals:)`):
    /// - an integer literal of at most 15 digits is canonical unless it is `-0` (|v| < 10^15 < 2^53 prints as itself);
    /// - a literal with a fraction and no exponent ending in `0` is not canonical, except `-0.0` (shortest digits
    ///   never end in 0, and integral values print without a fraction);
    /// - a literal with a fraction, no exponent, last digit non-zero, at most 15 significant digits and value
    ///   >= 1e-4 is canonical: distinct decimals of <= 15 significant digits map to distinct doubles, so the
    ///   shortest round-trip digits are the literal's own, and Swift prints such magnitudes positionally;
    /// - anything else (exponents, more digits) is decided by comparing the texts.
    public var isCanonical: Bool {
        double.isFinite && JSONNumber.canonicalLiteral(double) == literal
    }
}
