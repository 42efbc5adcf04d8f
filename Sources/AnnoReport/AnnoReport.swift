/// The AnnoReport module. See Specs/architecture.md for what it owns.
public enum AnnoReportModule {}
