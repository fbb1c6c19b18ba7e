// Linked only with the static libarchive (CMake's BURROW_STATIC_DEPS).
//
// libarchive's gnutar writer shares an object file with the table of every
// writer libarchive has, so a static link pulls in the XAR writer too, and
// with it libxml2's text writer (and through libxml2, ICU: 30 MB of data).
// Burrow never selects XAR: tar and zip name their formats explicitly and
// nothing calls archive_write_set_format_by_name. These definitions satisfy
// the linker and fail cleanly should the XAR writer ever be reached: no
// writer is created, and libarchive reports the failure.
#include <cstddef>

extern "C" {

void* xmlBufferCreate(void) { return nullptr; }
void xmlBufferFree(void*) {}
void* xmlNewTextWriterMemory(void*, int) { return nullptr; }
void xmlFreeTextWriter(void*) {}
int xmlTextWriterSetIndent(void*, int) { return -1; }
int xmlTextWriterStartDocument(void*, const char*, const char*, const char*) { return -1; }
int xmlTextWriterEndDocument(void*) { return -1; }
int xmlTextWriterStartElement(void*, const unsigned char*) { return -1; }
int xmlTextWriterEndElement(void*) { return -1; }
int xmlTextWriterWriteAttribute(void*, const unsigned char*, const unsigned char*) { return -1; }
int xmlTextWriterWriteFormatAttribute(void*, const unsigned char*, const char*, ...) { return -1; }
int xmlTextWriterWriteString(void*, const unsigned char*) { return -1; }
int xmlTextWriterWriteBase64(void*, const char*, int, int) { return -1; }
int UTF8Toisolat1(unsigned char*, int* out_length, const unsigned char*, int* in_length) {
  if (out_length) *out_length = 0;
  if (in_length) *in_length = 0;
  return -1;
}

}  // extern "C"
