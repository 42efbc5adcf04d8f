import AnnoCore
