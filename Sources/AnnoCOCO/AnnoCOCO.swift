/// The AnnoCOCO module. See Specs/architecture.md for what it owns.
public enum AnnoCOCOModule {}
