//
// Content for MICROPY_MODULE_FROZEN_STR
//
#include <stdint.h>
#define MP_FROZEN_STR_NAMES \

const uint32_t mp_frozen_str_sizes[] = { 0 };
const char mp_frozen_str_content[] = {
"\0"
};

//
// Content for MICROPY_MODULE_FROZEN_MPY
//
#include "py/mpconfig.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/emitglue.h"
#include "py/nativeglue.h"

#if MICROPY_LONGINT_IMPL != 2
#error "incompatible MICROPY_LONGINT_IMPL"
#endif

#if MPZ_DIG_SIZE != 16
#error "incompatible MPZ_DIG_SIZE"
#endif

#if MICROPY_PY_BUILTINS_FLOAT
typedef struct _mp_obj_float_t {
    mp_obj_base_t base;
    mp_float_t value;
} mp_obj_float_t;
#endif

#if MICROPY_PY_BUILTINS_COMPLEX
typedef struct _mp_obj_complex_t {
    mp_obj_base_t base;
    mp_float_t real;
    mp_float_t imag;
} mp_obj_complex_t;
#endif

enum {
    MP_QSTR_K = MP_QSTRnumber_of,
    MP_QSTR_a,
    MP_QSTR_add1,
    MP_QSTR_asm,
    MP_QSTR_b,
    MP_QSTR_helpers_dot_py,
    MP_QSTR_m,
    MP_QSTR_n,
    MP_QSTR_nat,
    MP_QSTR_nat_dot_py,
    MP_QSTR_natgen,
    MP_QSTR_normal,
    MP_QSTR_vip,
};

const qstr_hash_t mp_qstr_frozen_const_hashes[] = {
    46574,
    46532,
    31477,
    13690,
    46535,
    22807,
    46536,
    46539,
    22782,
    59033,
    1906,
    13366,
    31722,
};

const qstr_len_t mp_qstr_frozen_const_lengths[] = {
    1,
    1,
    4,
    3,
    1,
    10,
    1,
    1,
    3,
    6,
    6,
    6,
    3,
};

extern const qstr_pool_t mp_qstr_const_pool;
const qstr_pool_t mp_qstr_frozen_const_pool = {
    &mp_qstr_const_pool, // previous pool
    MP_QSTRnumber_of, // previous pool size
    true, // is_sorted
    10, // allocated entries
    13, // used entries
    (qstr_hash_t *)mp_qstr_frozen_const_hashes,
    (qstr_len_t *)mp_qstr_frozen_const_lengths,
    {
        "K",
        "a",
        "add1",
        "asm",
        "b",
        "helpers.py",
        "m",
        "n",
        "nat",
        "nat.py",
        "natgen",
        "normal",
        "vip",
    },
};

////////////////////////////////////////////////////////////////////////////////
// frozen module nat
// - original source file: build/frozen_mpy/nat.mpy
// - frozen file name: nat.py
// - .mpy header: 4d:06:17:1f

// frozen bytecode for file nat.py, scope nat__lt_module_gt_
static const byte fun_data_nat__lt_module_gt_[36] = {
    0x08,0x0c, // prelude
    0x01, // names: <module>
    0x26,0x64,0x64,0x64,0x64, // code info
    0x80, // LOAD_CONST_SMALL_INT 0
    0x51, // LOAD_CONST_NONE
    0x1b,0x02, // IMPORT_NAME 'micropython'
    0x16,0x02, // STORE_NAME 'micropython'
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x03, // STORE_NAME 'nat'
    0x32,0x01, // MAKE_FUNCTION 1
    0x16,0x04, // STORE_NAME 'natgen'
    0x32,0x02, // MAKE_FUNCTION 2
    0x16,0x05, // STORE_NAME 'vip'
    0x32,0x03, // MAKE_FUNCTION 3
    0x16,0x07, // STORE_NAME 'asm'
    0x32,0x04, // MAKE_FUNCTION 4
    0x16,0x06, // STORE_NAME 'normal'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of nat__lt_module_gt_

// frozen native code for file nat.py, scope nat_nat
static const byte fun_data_nat_nat[57] __attribute__((section(".text,\"ax\",%progbits @ "))) __attribute__ ((aligned (2))) = {
    0x00, 0x00, 0x00, 0x00, 0xfe, 0xb5, 0x86, 0xb0, 0x47, 0x68, 0xbe, 0x68, 0xff, 0x68, 0x3f, 0x68,
    0x00, 0x90, 0x04, 0x20, 0x03, 0x90, 0x00, 0xa8, 0xd7, 0xf8, 0xb4, 0x40, 0xa0, 0x47, 0x08, 0x9c,
    0x07, 0x9d, 0x2a, 0x46, 0x21, 0x46, 0x1b, 0x20, 0xbb, 0x6c, 0x98, 0x47, 0x00, 0xf0, 0x00, 0xb8,
    0x06, 0xb0, 0xfe, 0xbd, 0x1a, 0x06, 0x03, 0x08, 0x09,
};
#if MICROPY_EMIT_NATIVE_PRELUDE_SEPARATE_FROM_MACHINE_CODE
static const byte fun_data_nat_nat_prelude[5] = { 0x1a, 0x06, 0x03, 0x08, 0x09,};
#define fun_data_nat_nat_prelude_macro &fun_data_nat_nat_prelude[0]
#else
#define fun_data_nat_nat_prelude_macro &fun_data_nat_nat[52]
#endif
static const mp_raw_code_truncated_t proto_fun_nat_nat = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_PY,
    .is_generator = 0,
    .fun_data = fun_data_nat_nat,
    .children = (void *)fun_data_nat_nat_prelude_macro,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 57,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 52,
    #endif
    #endif
};

// child of nat__lt_module_gt_

// frozen native code for file nat.py, scope nat_natgen
static const byte fun_data_nat_natgen[141] __attribute__((section(".text,\"ax\",%progbits @ "))) __attribute__ ((aligned (2))) = {
    0x00, 0x00, 0x00, 0x00, 0x36, 0x00, 0x00, 0x00, 0xfe, 0xb5, 0x94, 0xb0, 0x05, 0x46, 0x15, 0x91,
    0x28, 0x68, 0x40, 0x68, 0x86, 0x68, 0xc0, 0x68, 0x07, 0x68, 0x00, 0xa8, 0xd7, 0xf8, 0x80, 0x30,
    0x98, 0x47, 0x00, 0x28, 0x00, 0xf0, 0x05, 0x80, 0x01, 0x98, 0x68, 0x61, 0x02, 0x20, 0x14, 0xb0,
    0xfe, 0xbd, 0x68, 0x68, 0x00, 0x47, 0x15, 0x98, 0x00, 0x21, 0x15, 0x91, 0xd7, 0xf8, 0x88, 0x30,
    0x98, 0x47, 0xa8, 0x69, 0x68, 0x61, 0x14, 0x20, 0x40, 0x19, 0xa8, 0x60, 0x01, 0x20, 0x13, 0x90,
    0x40, 0xf2, 0x05, 0x00, 0x00, 0xb2, 0x78, 0x44, 0x68, 0x60, 0x00, 0xf0, 0x0f, 0xb8, 0x15, 0x98,
    0x00, 0x21, 0x15, 0x91, 0xd7, 0xf8, 0x88, 0x30, 0x98, 0x47, 0x38, 0x68, 0x68, 0x61, 0x14, 0x20,
    0x40, 0x19, 0xa8, 0x60, 0x00, 0x20, 0x13, 0x90, 0x00, 0xf0, 0x00, 0xb8, 0xd7, 0xf8, 0x84, 0x30,
    0x98, 0x47, 0x13, 0x98, 0x14, 0xb0, 0xfe, 0xbd, 0x89, 0x40, 0x04, 0x04, 0x0a,
};
#if MICROPY_EMIT_NATIVE_PRELUDE_SEPARATE_FROM_MACHINE_CODE
static const byte fun_data_nat_natgen_prelude[5] = { 0x89, 0x40, 0x04, 0x04, 0x0a,};
#define fun_data_nat_natgen_prelude_macro &fun_data_nat_natgen_prelude[0]
#else
#define fun_data_nat_natgen_prelude_macro &fun_data_nat_natgen[136]
#endif
static const mp_raw_code_truncated_t proto_fun_nat_natgen = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_PY,
    .is_generator = 1,
    .fun_data = fun_data_nat_natgen,
    .children = (void *)fun_data_nat_natgen_prelude_macro,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 141,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 136,
    #endif
    #endif
};

// child of nat__lt_module_gt_

// frozen native code for file nat.py, scope nat_nat_dot_py
static const byte fun_data_nat_nat_dot_py[74] __attribute__((section(".text,\"ax\",%progbits @ "))) __attribute__ ((aligned (2))) = {
    0xfe, 0xb5, 0x47, 0x68, 0xbe, 0x68, 0xff, 0x68, 0x3f, 0x68, 0x08, 0x46, 0x11, 0x46, 0x1d, 0x46,
    0x00, 0x29, 0x40, 0xf0, 0x04, 0x80, 0x01, 0x22, 0x90, 0x42, 0x00, 0xf0, 0x07, 0x80, 0x40, 0xf2,
    0x02, 0x02, 0xc0, 0xf2, 0x02, 0x02, 0xd7, 0xf8, 0xb0, 0x30, 0x98, 0x47, 0x28, 0x68, 0x02, 0x21,
    0xfb, 0x68, 0x98, 0x47, 0x04, 0x46, 0x02, 0x22, 0x21, 0x46, 0x51, 0x43, 0x08, 0x46, 0x02, 0x21,
    0x3b, 0x69, 0x98, 0x47, 0x00, 0xf0, 0x00, 0xb8, 0xfe, 0xbd,
};
static const mp_raw_code_truncated_t proto_fun_nat_nat_dot_py = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_VIPER,
    .is_generator = 0,
    .fun_data = fun_data_nat_nat_dot_py,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 74,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #endif
};

// child of nat__lt_module_gt_

// frozen native code for file nat.py, scope nat_nat_dot_py2
static const byte fun_data_nat_nat_dot_py2[6] __attribute__((section(".text,\"ax\",%progbits @ "))) __attribute__ ((aligned (2))) = {
    0xf2, 0xb5, 0x40, 0x1c, 0xf2, 0xbd,
};
static const mp_raw_code_t proto_fun_nat_nat_dot_py2 = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_ASM,
    .is_generator = 0,
    .fun_data = fun_data_nat_nat_dot_py2,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 6,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #endif
    .asm_n_pos_args = 1,
    .asm_type_sig = 2,
};

// child of nat__lt_module_gt_
// frozen bytecode for file nat.py, scope nat_normal
static const byte fun_data_nat_normal[12] = {
    0x10,0x06, // prelude
    0x06, // names: normal
    0x80,0x0e, // code info
    0x12,0x03, // LOAD_GLOBAL 'nat'
    0x81, // LOAD_CONST_SMALL_INT 1
    0x82, // LOAD_CONST_SMALL_INT 2
    0x34,0x02, // CALL_FUNCTION 2
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_nat_normal = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_nat_normal,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 12,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 3,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 6,
        .line_info = fun_data_nat_normal + 3,
        .line_info_top = fun_data_nat_normal + 5,
        .opcodes = fun_data_nat_normal + 5,
    },
    #endif
    #endif
};
#else
#define proto_fun_nat_normal fun_data_nat_normal[0]
#endif

static const mp_raw_code_t *const children_nat__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_nat_nat,
    (const mp_raw_code_t *)&proto_fun_nat_natgen,
    (const mp_raw_code_t *)&proto_fun_nat_nat_dot_py,
    (const mp_raw_code_t *)&proto_fun_nat_nat_dot_py2,
    (const mp_raw_code_t *)&proto_fun_nat_normal,
};

static const mp_raw_code_truncated_t proto_fun_nat__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_nat__lt_module_gt_,
    .children = (void *)&children_nat__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 36,
    .n_children = 5,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 2,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_nat__lt_module_gt_ + 3,
        .line_info_top = fun_data_nat__lt_module_gt_ + 8,
        .opcodes = fun_data_nat__lt_module_gt_ + 8,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_nat[11] = {
    MP_QSTR_nat_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_micropython,
    MP_QSTR_nat,
    MP_QSTR_natgen,
    MP_QSTR_vip,
    MP_QSTR_normal,
    MP_QSTR_asm,
    MP_QSTR_a,
    MP_QSTR_b,
    MP_QSTR_n,
};

// constants

// constant table
static const mp_rom_obj_t const_obj_table_data_nat[1] = {
    &mp_fun_table,
};

static const mp_frozen_module_t frozen_module_nat = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_nat,
        .obj_table = (mp_obj_t *)&const_obj_table_data_nat,
    },
    .proto_fun = &proto_fun_nat__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module helpers
// - original source file: build/frozen_mpy/helpers.mpy
// - frozen file name: helpers.py
// - .mpy header: 4d:06:17:1f

// frozen bytecode for file helpers.py, scope helpers__lt_module_gt_
static const byte fun_data_helpers__lt_module_gt_[26] = {
    0x10,0x06, // prelude
    0x01, // names: <module>
    0x26,0x64, // code info
    0x80, // LOAD_CONST_SMALL_INT 0
    0x51, // LOAD_CONST_NONE
    0x1b,0x02, // IMPORT_NAME 'micropython'
    0x16,0x02, // STORE_NAME 'micropython'
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x04, // STORE_NAME 'add1'
    0x54, // LOAD_BUILD_CLASS
    0x32,0x01, // MAKE_FUNCTION 1
    0x10,0x03, // LOAD_CONST_STRING 'K'
    0x34,0x02, // CALL_FUNCTION 2
    0x16,0x03, // STORE_NAME 'K'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of helpers__lt_module_gt_

// frozen native code for file helpers.py, scope helpers_helpers_dot_py
static const byte fun_data_helpers_helpers_dot_py[74] __attribute__((section(".text,\"ax\",%progbits @ "))) __attribute__ ((aligned (2))) = {
    0xfe, 0xb5, 0x47, 0x68, 0xbe, 0x68, 0xff, 0x68, 0x3f, 0x68, 0x08, 0x46, 0x11, 0x46, 0x1d, 0x46,
    0x00, 0x29, 0x40, 0xf0, 0x04, 0x80, 0x01, 0x22, 0x90, 0x42, 0x00, 0xf0, 0x07, 0x80, 0x40, 0xf2,
    0x02, 0x02, 0xc0, 0xf2, 0x02, 0x02, 0xd7, 0xf8, 0xb0, 0x30, 0x98, 0x47, 0x28, 0x68, 0x02, 0x21,
    0xfb, 0x68, 0x98, 0x47, 0x04, 0x46, 0x01, 0x22, 0x21, 0x46, 0x89, 0x18, 0x08, 0x46, 0x02, 0x21,
    0x3b, 0x69, 0x98, 0x47, 0x00, 0xf0, 0x00, 0xb8, 0xfe, 0xbd,
};
static const mp_raw_code_truncated_t proto_fun_helpers_helpers_dot_py = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_VIPER,
    .is_generator = 0,
    .fun_data = fun_data_helpers_helpers_dot_py,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 74,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #endif
};

// child of helpers__lt_module_gt_
// frozen bytecode for file helpers.py, scope helpers_K
static const byte fun_data_helpers_K[19] = {
    0x00,0x06, // prelude
    0x03, // names: K
    0x68,0x40, // code info
    0x11,0x06, // LOAD_NAME '__name__'
    0x16,0x07, // STORE_NAME '__module__'
    0x10,0x03, // LOAD_CONST_STRING 'K'
    0x16,0x08, // STORE_NAME '__qualname__'
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x05, // STORE_NAME 'm'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of helpers_K

// frozen native code for file helpers.py, scope helpers_K_m
static const byte fun_data_helpers_K_m[57] __attribute__((section(".text,\"ax\",%progbits @ "))) __attribute__ ((aligned (2))) = {
    0x00, 0x00, 0x00, 0x00, 0xfe, 0xb5, 0x86, 0xb0, 0x47, 0x68, 0xbe, 0x68, 0xff, 0x68, 0x3f, 0x68,
    0x00, 0x90, 0x04, 0x20, 0x03, 0x90, 0x00, 0xa8, 0xd7, 0xf8, 0xb4, 0x40, 0xa0, 0x47, 0x08, 0x9c,
    0x07, 0x9d, 0x05, 0x22, 0x29, 0x46, 0x1d, 0x20, 0xbb, 0x6c, 0x98, 0x47, 0x00, 0xf0, 0x00, 0xb8,
    0x06, 0xb0, 0xfe, 0xbd, 0x1a, 0x06, 0x05, 0x09, 0x0a,
};
#if MICROPY_EMIT_NATIVE_PRELUDE_SEPARATE_FROM_MACHINE_CODE
static const byte fun_data_helpers_K_m_prelude[5] = { 0x1a, 0x06, 0x05, 0x09, 0x0a,};
#define fun_data_helpers_K_m_prelude_macro &fun_data_helpers_K_m_prelude[0]
#else
#define fun_data_helpers_K_m_prelude_macro &fun_data_helpers_K_m[52]
#endif
static const mp_raw_code_truncated_t proto_fun_helpers_K_m = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_NATIVE_PY,
    .is_generator = 0,
    .fun_data = fun_data_helpers_K_m,
    .children = (void *)fun_data_helpers_K_m_prelude_macro,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 57,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 52,
    #endif
    #endif
};

static const mp_raw_code_t *const children_helpers_K[] = {
    (const mp_raw_code_t *)&proto_fun_helpers_K_m,
};

static const mp_raw_code_truncated_t proto_fun_helpers_K = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_helpers_K,
    .children = (void *)&children_helpers_K,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 19,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 1,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 3,
        .line_info = fun_data_helpers_K + 3,
        .line_info_top = fun_data_helpers_K + 5,
        .opcodes = fun_data_helpers_K + 5,
    },
    #endif
    #endif
};

static const mp_raw_code_t *const children_helpers__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_helpers_helpers_dot_py,
    (const mp_raw_code_t *)&proto_fun_helpers_K,
};

static const mp_raw_code_truncated_t proto_fun_helpers__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_helpers__lt_module_gt_,
    .children = (void *)&children_helpers__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 26,
    .n_children = 2,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 3,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_helpers__lt_module_gt_ + 3,
        .line_info_top = fun_data_helpers__lt_module_gt_ + 5,
        .opcodes = fun_data_helpers__lt_module_gt_ + 5,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_helpers[11] = {
    MP_QSTR_helpers_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_micropython,
    MP_QSTR_K,
    MP_QSTR_add1,
    MP_QSTR_m,
    MP_QSTR___name__,
    MP_QSTR___module__,
    MP_QSTR___qualname__,
    MP_QSTR_self,
    MP_QSTR_a,
};

// constants

// constant table
static const mp_rom_obj_t const_obj_table_data_helpers[1] = {
    &mp_fun_table,
};

static const mp_frozen_module_t frozen_module_helpers = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_helpers,
        .obj_table = (mp_obj_t *)&const_obj_table_data_helpers,
    },
    .proto_fun = &proto_fun_helpers__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// collection of all frozen modules

const char mp_frozen_names[] = {
    #ifdef MP_FROZEN_STR_NAMES
    MP_FROZEN_STR_NAMES
    #endif
    "nat.py\0"
    "helpers.py\0"
    "\0"
};

const mp_frozen_module_t *const mp_frozen_mpy_content[] = {
    &frozen_module_nat,
    &frozen_module_helpers,
};

#ifdef MICROPY_FROZEN_LIST_ITEM
MICROPY_FROZEN_LIST_ITEM("nat", "nat.py")
MICROPY_FROZEN_LIST_ITEM("helpers", "helpers.py")
#endif

/*
byte sizes:
qstr content: 13 unique, 98 bytes
bc content: 93
const str content: 0
const int content: 0
const obj content: 0
const table qstr content: 0 entries, 0 bytes
const table ptr content: 2 entries, 8 bytes
raw code content: 10 * 4 = 160
mp_frozen_mpy_names_content: 19
mp_frozen_mpy_content_size: 8
total: 386
*/
