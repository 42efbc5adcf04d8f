/// The AnnoCore module: the IR. See Specs/ir.md.
public enum AnnoCoreModule {}
