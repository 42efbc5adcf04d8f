// zlib, seen by Swift only through AnnoZlib/ZStream.swift.
#include <zlib.h>
