#ifndef PROVIDER_MOCK_CLIBXML2_SHIM_H
#define PROVIDER_MOCK_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU; its headers then clash with Foundation's copy of ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <string.h>

/// The first error of a parse, copied out of the parser context before it is freed.
typedef struct {
    int code;
    int line;
    int column;
    char message[256];
} pm_parse_error;

static inline xmlParserInputPtr pm_null_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

/// Refuses every external entity and DTD for the whole process (no file, no network).
static inline void pm_install_null_entity_loader(void) {
    xmlSetExternalEntityLoader(pm_null_entity_loader);
}

static inline void pm_silent_error(void *ctx, xmlErrorPtr error) {
    (void)ctx; (void)error;
}

static inline void pm_silent_generic_error(void *ctx, const char *message, ...) {
    (void)ctx; (void)message;
}

/// Errors raised without a parser context (encoding conversion, I/O) go to libxml2's generic handler, which
/// prints to stderr: a client could fill the mock's log at request rate. The handler is per thread: this sets
/// the default for threads to come, and ``pm_sax_parse`` sets it on its own thread (one thread-local store).
static inline void pm_silence_generic_errors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, pm_silent_generic_error);
}

/// Parses `buffer` with the SAX2 handler `sax`. Callbacks receive the parser context as `ctx`;
/// `builder` is in `ctxt->_private`. Returns 0 when the document is well formed.
///
/// A push parser fed the whole document as one final chunk: libxml2 2.9's memory parser reads its input through
/// a buffer that it grows and copies 4 000 bytes at a time. In a C loop over the document's N-to-N sendSms, a parse
/// with no-op callbacks took 6.9 µs that way and 4.0 µs this way.
/// The first four bytes go in at creation, where libxml2 detects the encoding, as its documentation asks.
static inline int pm_sax_parse(const char *buffer, int size, xmlSAXHandler *sax, void *builder,
                               int options, pm_parse_error *error) {
    memset(error, 0, sizeof(*error));
    xmlSetGenericErrorFunc(NULL, pm_silent_generic_error);
    sax->serror = pm_silent_error;
    int head = size < 4 ? size : 4;
    // A NULL user data makes libxml2 pass the context itself to the callbacks.
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(sax, NULL, buffer, head, NULL);
    if (ctxt == NULL) {
        error->code = -1;
        strncpy(error->message, "could not create a parser context", sizeof(error->message) - 1);
        return -1;
    }
    ctxt->_private = builder;
    xmlCtxtUseOptions(ctxt, options);
    xmlParseChunk(ctxt, buffer + head, size - head, 1);
    int result = ctxt->wellFormed ? 0 : 1;
    xmlErrorPtr last = xmlCtxtGetLastError(ctxt);
    if (last != NULL && last->code != 0) {
        error->code = last->code;
        error->line = last->line;
        error->column = last->int2;
        if (last->message != NULL) {
            strncpy(error->message, last->message, sizeof(error->message) - 1);
        }
    }
    ctxt->_private = NULL;
    xmlFreeParserCtxt(ctxt);
    return result;
}

static inline void pm_stop_parser(void *ctx) {
    xmlStopParser((xmlParserCtxtPtr)ctx);
}

/// How many bytes of the input the parser has read: in a start tag's callback, the offset of its `>` (or of the `/` of
/// `/>`); in an end tag's, the offset just past its `>`.
static inline long pm_byte_offset(void *ctx) {
    return xmlByteConsumed((xmlParserCtxtPtr)ctx);
}

static inline void *pm_builder(void *ctx) {
    return ((xmlParserCtxtPtr)ctx)->_private;
}

/// The floor for benchmarks: libxml2's own DOM parse of the bytes, then free.
static inline int pm_baseline_parse_and_free(const char *buffer, int size) {
    xmlDocPtr doc = xmlReadMemory(buffer, size, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (doc == NULL) return 1;
    xmlFreeDoc(doc);
    return 0;
}

#endif
