// The HDF5 C library as Swift sees it. HDF5's constants are macros over global ids that Swift
// cannot import (and that hold -1 until H5open), so each is returned by a static inline function.
#ifndef TAKT_CHDF5_SHIM_H
#define TAKT_CHDF5_SHIM_H
#include <hdf5.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

/// Initialises the library without its exit handler. HDF5 closes every file still open when the
/// process exits; a file whose close failed (a full disk) stays half-closed, and that second
/// close dereferences freed memory (SIGSEGV in H5F__close_cb, HDF5 1.10). Takt closes every file
/// itself, once, so the handler is never needed. Harmless once the library is initialised.
static inline void takt_h5_open(void) { H5dont_atexit(); H5open(); }

static inline hid_t takt_h5p_default(void) { return H5P_DEFAULT; }
static inline hid_t takt_h5e_default(void) { return H5E_DEFAULT; }
static inline hid_t takt_h5s_all(void) { return H5S_ALL; }
static inline unsigned takt_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
static inline unsigned takt_h5f_acc_excl(void) { return H5F_ACC_EXCL; }
static inline unsigned takt_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned takt_h5f_acc_rdwr(void) { return H5F_ACC_RDWR; }
static inline hsize_t takt_h5s_unlimited(void) { return H5S_UNLIMITED; }
static inline size_t takt_h5t_variable(void) { return H5T_VARIABLE; }
static inline hid_t takt_h5p_dataset_create(void) { takt_h5_open(); return H5P_DATASET_CREATE; }
static inline hid_t takt_h5p_link_create(void) { takt_h5_open(); return H5P_LINK_CREATE; }
static inline hid_t takt_h5p_dataset_access(void) { takt_h5_open(); return H5P_DATASET_ACCESS; }
static inline hid_t takt_h5t_native_double(void) { takt_h5_open(); return H5T_NATIVE_DOUBLE; }
static inline hid_t takt_h5t_native_int64(void) { takt_h5_open(); return H5T_NATIVE_INT64; }
static inline hid_t takt_h5t_native_int32(void) { takt_h5_open(); return H5T_NATIVE_INT32; }
static inline hid_t takt_h5t_native_uint64(void) { takt_h5_open(); return H5T_NATIVE_UINT64; }
static inline hid_t takt_h5t_native_uint8(void) { takt_h5_open(); return H5T_NATIVE_UINT8; }
static inline hid_t takt_h5t_c_s1(void) { takt_h5_open(); return H5T_C_S1; }
static inline H5T_cset_t takt_h5t_cset_utf8(void) { return H5T_CSET_UTF8; }
static inline H5T_class_t takt_h5t_compound(void) { return H5T_COMPOUND; }

/// Turns off HDF5's printing of error stacks for the calling thread (the setting is per thread).
static inline void takt_h5_silence_errors(void) { takt_h5_open(); H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }
/// One member of a compound row: where its bytes are in memory and in the packed file row.
typedef struct { uint32_t source; uint32_t target; uint32_t size; } takt_member;

/// Packs `rows` memory rows (`source_stride` bytes apart) into `capacity` file rows of
/// `target_size` bytes; rows past `rows` are zero (the padding of a last, partial chunk). With
/// `shuffle`, the packed bytes come out as HDF5's shuffle filter would leave them: byte j of
/// every row together, so output byte j * capacity + i is byte j of row i.
static inline void takt_pack_rows(uint8_t *restrict target, const uint8_t *restrict source, size_t rows,
                                  size_t capacity, size_t source_stride, size_t target_size,
                                  const takt_member *members, size_t member_count, int shuffle) {
    if (!shuffle) {
        memset(target + rows * target_size, 0, (capacity - rows) * target_size);
        for (size_t i = 0; i < rows; i++) {
            const uint8_t *row = source + i * source_stride;
            uint8_t *out = target + i * target_size;
            for (size_t m = 0; m < member_count; m++) memcpy(out + members[m].target, row + members[m].source,
                                                             members[m].size);
        }
        return;
    }
    for (size_t m = 0; m < member_count; m++) {
        for (uint32_t k = 0; k < members[m].size; k++) {
            uint8_t *out = target + (size_t)(members[m].target + k) * capacity;
            const uint8_t *in = source + members[m].source + k;
            for (size_t i = 0; i < rows; i++) out[i] = in[i * source_stride];
            memset(out + rows, 0, capacity - rows);
        }
    }
}

/// The most bytes `takt_deflate` can produce from `size` bytes.
static inline size_t takt_deflate_bound(size_t size) { return (size_t)compressBound((uLong)size); }

/// Compresses `size` bytes into a zlib stream (what HDF5's deflate filter writes), at `level`.
/// Returns the compressed size, or 0 on failure.
static inline size_t takt_deflate(uint8_t *target, size_t capacity, const uint8_t *source, size_t size, int level) {
    uLongf length = (uLongf)capacity;
    if (compress2(target, &length, source, (uLong)size, level) != Z_OK) return 0;
    return (size_t)length;
}
#endif
