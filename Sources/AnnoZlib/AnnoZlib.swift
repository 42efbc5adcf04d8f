/// The AnnoZlib module. See Specs/architecture.md for what it owns.
public enum AnnoZlibModule {}
