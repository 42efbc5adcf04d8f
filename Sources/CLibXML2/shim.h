#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, so <libxml/encoding.h> pulls in the system
// <unicode/ucnv.h>, whose UErrorCode clashes with Foundation's own ICU copy in
// any module that sees both. We never touch the ICU-only trailing fields of
// xmlCharEncodingHandler, so hide ICU from the importer.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#endif
