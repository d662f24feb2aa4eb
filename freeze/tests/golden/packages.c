//
// Content for MICROPY_MODULE_FROZEN_STR
//
#include <stdint.h>
#define MP_FROZEN_STR_NAMES \
"textmod.py\0" \

const uint32_t mp_frozen_str_sizes[] = { 36, 0 };
const char mp_frozen_str_content[] = {
"print(\"frozen as text\")\r\nx = \"\\x01\"\n\0"
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
    MP_QSTR__0x00__space_nul = MP_QSTRnumber_of,
    MP_QSTR_1_dot_0,
    MP_QSTR__lt_dictcomp_gt_,
    MP_QSTR__lt_lambda_gt_,
    MP_QSTR__lt_listcomp_gt_,
    MP_QSTR_Foo,
    MP_QSTR_VERSION,
    MP_QSTR_a,
    MP_QSTR_b,
    MP_QSTR_big,
    MP_QSTR_e,
    MP_QSTR_ex,
    MP_QSTR_f,
    MP_QSTR_fh,
    MP_QSTR_gen,
    MP_QSTR_hello,
    MP_QSTR_hello_space__quot_quoted_quot__space__backslash__space_world_space__0x0a_,
    MP_QSTR_inner,
    MP_QSTR_lambda_,
    MP_QSTR_main_dot_py,
    MP_QSTR_method,
    MP_QSTR_mod,
    MP_QSTR_msg,
    MP_QSTR_n,
    MP_QSTR_neg,
    MP_QSTR_pkg,
    MP_QSTR_pkg_dot_sub,
    MP_QSTR_pkg_slash___init___dot_py,
    MP_QSTR_pkg_slash_sub_slash___init___dot_py,
    MP_QSTR_pkg_slash_sub_slash_mod_dot_py,
    MP_QSTR_s,
    MP_QSTR_short_space_one,
    MP_QSTR_small,
    MP_QSTR_t,
    MP_QSTR_tuple_space_str,
    MP_QSTR_u,
    MP_QSTR_unicod_eacute__space_str,
    MP_QSTR_v,
    MP_QSTR_x,
    MP_QSTR_y,
    MP_QSTR_z,
};

const qstr_hash_t mp_qstr_frozen_const_hashes[] = {
    18,
    74,
    204,
    128,
    212,
    195,
    223,
    196,
    199,
    233,
    192,
    184,
    195,
    75,
    41,
    231,
    109,
    123,
    253,
    169,
    154,
    227,
    124,
    203,
    105,
    185,
    19,
    11,
    128,
    252,
    214,
    147,
    186,
    209,
    168,
    208,
    32,
    211,
    221,
    220,
    223,
};

const qstr_len_t mp_qstr_frozen_const_lengths[] = {
    5,
    3,
    10,
    8,
    10,
    3,
    7,
    1,
    1,
    3,
    1,
    2,
    1,
    2,
    3,
    5,
    24,
    5,
    7,
    7,
    6,
    3,
    3,
    1,
    3,
    3,
    7,
    15,
    19,
    14,
    1,
    9,
    5,
    1,
    9,
    1,
    12,
    1,
    1,
    1,
    1,
};

extern const qstr_pool_t mp_qstr_const_pool;
const qstr_pool_t mp_qstr_frozen_const_pool = {
    &mp_qstr_const_pool, // previous pool
    MP_QSTRnumber_of, // previous pool size
    true, // is_sorted
    10, // allocated entries
    41, // used entries
    (qstr_hash_t *)mp_qstr_frozen_const_hashes,
    (qstr_len_t *)mp_qstr_frozen_const_lengths,
    {
        "\x00\x20\x6e\x75\x6c",
        "1.0",
        "<dictcomp>",
        "<lambda>",
        "<listcomp>",
        "Foo",
        "VERSION",
        "a",
        "b",
        "big",
        "e",
        "ex",
        "f",
        "fh",
        "gen",
        "hello",
        "\x68\x65\x6c\x6c\x6f\x20\x22\x71\x75\x6f\x74\x65\x64\x22\x20\x5c\x20\x77\x6f\x72\x6c\x64\x20\x0a",
        "inner",
        "lambda_",
        "main.py",
        "method",
        "mod",
        "msg",
        "n",
        "neg",
        "pkg",
        "pkg.sub",
        "pkg/__init__.py",
        "pkg/sub/__init__.py",
        "pkg/sub/mod.py",
        "s",
        "short one",
        "small",
        "t",
        "tuple str",
        "u",
        "\x75\x6e\x69\x63\x6f\x64\xc3\xa9\x20\x73\x74\x72",
        "v",
        "x",
        "y",
        "z",
    },
};

////////////////////////////////////////////////////////////////////////////////
// frozen module pkg___init__
// - original source file: build/frozen_mpy/pkg/__init__.mpy
// - frozen file name: pkg/__init__.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file pkg/__init__.py, scope pkg___init____lt_module_gt_
static const byte fun_data_pkg___init____lt_module_gt_[14] = {
    0x00,0x04, // prelude
    0x01, // names: <module>
    0x24, // code info
    0x10,0x02, // LOAD_CONST_STRING '1.0'
    0x16,0x04, // STORE_NAME 'VERSION'
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x03, // STORE_NAME 'hello'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of pkg___init____lt_module_gt_
// frozen bytecode for file pkg/__init__.py, scope pkg___init___hello
static const byte fun_data_pkg___init___hello[7] = {
    0x00,0x04, // prelude
    0x03, // names: hello
    0x20, // code info
    0x23,0x00, // LOAD_CONST_OBJ 0
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_pkg___init___hello = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pkg___init___hello,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 7,
    .n_children = 0,
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
        .line_info = fun_data_pkg___init___hello + 3,
        .line_info_top = fun_data_pkg___init___hello + 4,
        .opcodes = fun_data_pkg___init___hello + 4,
    },
    #endif
    #endif
};
#else
#define proto_fun_pkg___init___hello fun_data_pkg___init___hello[0]
#endif

static const mp_raw_code_t *const children_pkg___init____lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_pkg___init___hello,
};

static const mp_raw_code_truncated_t proto_fun_pkg___init____lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pkg___init____lt_module_gt_,
    .children = (void *)&children_pkg___init____lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 14,
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
        .qstr_block_name_idx = 1,
        .line_info = fun_data_pkg___init____lt_module_gt_ + 3,
        .line_info_top = fun_data_pkg___init____lt_module_gt_ + 4,
        .opcodes = fun_data_pkg___init____lt_module_gt_ + 4,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_pkg___init__[5] = {
    MP_QSTR_pkg_slash___init___dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_1_dot_0,
    MP_QSTR_hello,
    MP_QSTR_VERSION,
};

// constants

// constant table
static const mp_rom_obj_t const_obj_table_data_pkg___init__[1] = {
    MP_ROM_QSTR(MP_QSTR_hello_space__quot_quoted_quot__space__backslash__space_world_space__0x0a_),
};

static const mp_frozen_module_t frozen_module_pkg___init__ = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_pkg___init__,
        .obj_table = (mp_obj_t *)&const_obj_table_data_pkg___init__,
    },
    .proto_fun = &proto_fun_pkg___init____lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module pkg_sub___init__
// - original source file: build/frozen_mpy/pkg/sub/__init__.mpy
// - frozen file name: pkg/sub/__init__.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file pkg/sub/__init__.py, scope pkg_sub___init____lt_module_gt_
static const byte fun_data_pkg_sub___init____lt_module_gt_[5] = {
    0x00,0x02, // prelude
    0x01, // names: <module>
     // code info
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_pkg_sub___init____lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pkg_sub___init____lt_module_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 5,
    .n_children = 0,
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
        .qstr_block_name_idx = 1,
        .line_info = fun_data_pkg_sub___init____lt_module_gt_ + 3,
        .line_info_top = fun_data_pkg_sub___init____lt_module_gt_ + 3,
        .opcodes = fun_data_pkg_sub___init____lt_module_gt_ + 3,
    },
    #endif
    #endif
};
#else
#define proto_fun_pkg_sub___init____lt_module_gt_ fun_data_pkg_sub___init____lt_module_gt_[0]
#endif

static const qstr_short_t const_qstr_table_data_pkg_sub___init__[2] = {
    MP_QSTR_pkg_slash_sub_slash___init___dot_py,
    MP_QSTR__lt_module_gt_,
};

static const mp_frozen_module_t frozen_module_pkg_sub___init__ = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_pkg_sub___init__,
        .obj_table = NULL,
    },
    .proto_fun = &proto_fun_pkg_sub___init____lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module pkg_sub_mod
// - original source file: build/frozen_mpy/pkg/sub/mod.mpy
// - frozen file name: pkg/sub/mod.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file pkg/sub/mod.py, scope pkg_sub_mod__lt_module_gt_
static const byte fun_data_pkg_sub_mod__lt_module_gt_[28] = {
    0x08,0x08, // prelude
    0x01, // names: <module>
    0x48,0x24,0x24, // code info
    0x81, // LOAD_CONST_SMALL_INT 1
    0x2a,0x01, // BUILD_TUPLE 1
    0x53, // LOAD_NULL
    0x33,0x00, // MAKE_FUNCTION_DEFARGS 0
    0x16,0x03, // STORE_NAME 'f'
    0x32,0x01, // MAKE_FUNCTION 1
    0x16,0x05, // STORE_NAME 'lambda_'
    0x23,0x00, // LOAD_CONST_OBJ 0
    0x16,0x06, // STORE_NAME 'u'
    0x10,0x02, // LOAD_CONST_STRING '\x00 nul'
    0x16,0x07, // STORE_NAME 'v'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of pkg_sub_mod__lt_module_gt_
// frozen bytecode for file pkg/sub/mod.py, scope pkg_sub_mod_f
static const byte fun_data_pkg_sub_mod_f[11] = {
    0x9a,0x01,0x08, // prelude
    0x03,0x08,0x09, // names: f, a, b
    0x20, // code info
    0xb0, // LOAD_FAST 0
    0xb1, // LOAD_FAST 1
    0xf2, // BINARY_OP 27 __add__
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_pkg_sub_mod_f = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pkg_sub_mod_f,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 11,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 4,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 2,
        .n_kwonly_args = 0,
        .n_def_pos_args = 1,
        .qstr_block_name_idx = 3,
        .line_info = fun_data_pkg_sub_mod_f + 6,
        .line_info_top = fun_data_pkg_sub_mod_f + 7,
        .opcodes = fun_data_pkg_sub_mod_f + 7,
    },
    #endif
    #endif
};
#else
#define proto_fun_pkg_sub_mod_f fun_data_pkg_sub_mod_f[0]
#endif

// child of pkg_sub_mod__lt_module_gt_
// frozen bytecode for file pkg/sub/mod.py, scope pkg_sub_mod__lt_lambda_gt_
static const byte fun_data_pkg_sub_mod__lt_lambda_gt_[6] = {
    0x00,0x04, // prelude
    0x04, // names: <lambda>
    0x40, // code info
    0x80, // LOAD_CONST_SMALL_INT 0
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_pkg_sub_mod__lt_lambda_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pkg_sub_mod__lt_lambda_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 6,
    .n_children = 0,
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
        .qstr_block_name_idx = 4,
        .line_info = fun_data_pkg_sub_mod__lt_lambda_gt_ + 3,
        .line_info_top = fun_data_pkg_sub_mod__lt_lambda_gt_ + 4,
        .opcodes = fun_data_pkg_sub_mod__lt_lambda_gt_ + 4,
    },
    #endif
    #endif
};
#else
#define proto_fun_pkg_sub_mod__lt_lambda_gt_ fun_data_pkg_sub_mod__lt_lambda_gt_[0]
#endif

static const mp_raw_code_t *const children_pkg_sub_mod__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_pkg_sub_mod_f,
    (const mp_raw_code_t *)&proto_fun_pkg_sub_mod__lt_lambda_gt_,
};

static const mp_raw_code_truncated_t proto_fun_pkg_sub_mod__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pkg_sub_mod__lt_module_gt_,
    .children = (void *)&children_pkg_sub_mod__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 28,
    .n_children = 2,
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
        .line_info = fun_data_pkg_sub_mod__lt_module_gt_ + 3,
        .line_info_top = fun_data_pkg_sub_mod__lt_module_gt_ + 6,
        .opcodes = fun_data_pkg_sub_mod__lt_module_gt_ + 6,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_pkg_sub_mod[10] = {
    MP_QSTR_pkg_slash_sub_slash_mod_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR__0x00__space_nul,
    MP_QSTR_f,
    MP_QSTR__lt_lambda_gt_,
    MP_QSTR_lambda_,
    MP_QSTR_u,
    MP_QSTR_v,
    MP_QSTR_a,
    MP_QSTR_b,
};

// constants

// constant table
static const mp_rom_obj_t const_obj_table_data_pkg_sub_mod[1] = {
    MP_ROM_QSTR(MP_QSTR_unicod_eacute__space_str),
};

static const mp_frozen_module_t frozen_module_pkg_sub_mod = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_pkg_sub_mod,
        .obj_table = (mp_obj_t *)&const_obj_table_data_pkg_sub_mod,
    },
    .proto_fun = &proto_fun_pkg_sub_mod__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module main
// - original source file: build/frozen_mpy/main.mpy
// - frozen file name: main.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file main.py, scope main__lt_module_gt_
static const byte fun_data_main__lt_module_gt_[185] = {
    0xac,0x02,0x2e, // prelude
    0x01, // names: <module>
    0x26,0x2c,0x24,0x24,0x24,0x24,0x24,0x24,0x24,0x24,0x26,0x25,0x26,0x64,0x8b,0x07,0x3a,0x24,0x4c,0x53,0x21,0x2a, // code info
    0x80, // LOAD_CONST_SMALL_INT 0
    0x51, // LOAD_CONST_NONE
    0x1b,0x02, // IMPORT_NAME 'pkg'
    0x16,0x02, // STORE_NAME 'pkg'
    0x80, // LOAD_CONST_SMALL_INT 0
    0x10,0x03, // LOAD_CONST_STRING 'mod'
    0x2a,0x01, // BUILD_TUPLE 1
    0x1b,0x04, // IMPORT_NAME 'pkg.sub'
    0x1c,0x03, // IMPORT_FROM 'mod'
    0x16,0x03, // STORE_NAME 'mod'
    0x59, // POP_TOP
    0x23,0x00, // LOAD_CONST_OBJ 0
    0x16,0x13, // STORE_NAME 'x'
    0x23,0x01, // LOAD_CONST_OBJ 1
    0x16,0x14, // STORE_NAME 'y'
    0x23,0x02, // LOAD_CONST_OBJ 2
    0x16,0x15, // STORE_NAME 'z'
    0x23,0x03, // LOAD_CONST_OBJ 3
    0x16,0x16, // STORE_NAME 's'
    0x10,0x05, // LOAD_CONST_STRING 'short one'
    0x16,0x17, // STORE_NAME 't'
    0x10,0x06, // LOAD_CONST_STRING ''
    0x16,0x18, // STORE_NAME 'e'
    0x23,0x04, // LOAD_CONST_OBJ 4
    0x16,0x0c, // STORE_NAME 'b'
    0x23,0x05, // LOAD_CONST_OBJ 5
    0x16,0x0a, // STORE_NAME 'f'
    0x22,0x80,0xc0,0x00, // LOAD_CONST_SMALL_INT 8192
    0x16,0x19, // STORE_NAME 'big'
    0x22,0xbf,0x7f, // LOAD_CONST_SMALL_INT 8191
    0x16,0x1a, // STORE_NAME 'small'
    0x22,0xff,0xbf,0x7f, // LOAD_CONST_SMALL_INT -8193
    0x16,0x1b, // STORE_NAME 'neg'
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x0b, // STORE_NAME 'gen'
    0x54, // LOAD_BUILD_CLASS
    0x32,0x01, // MAKE_FUNCTION 1
    0x10,0x07, // LOAD_CONST_STRING 'Foo'
    0x11,0x1c, // LOAD_NAME 'object'
    0x34,0x03, // CALL_FUNCTION 3
    0x16,0x07, // STORE_NAME 'Foo'
    0x11,0x1d, // LOAD_NAME 'print'
    0x32,0x02, // MAKE_FUNCTION 2
    0x11,0x0b, // LOAD_NAME 'gen'
    0x85, // LOAD_CONST_SMALL_INT 5
    0x34,0x01, // CALL_FUNCTION 1
    0x34,0x01, // CALL_FUNCTION 1
    0x32,0x03, // MAKE_FUNCTION 3
    0x2c,0x00, // BUILD_MAP 0
    0x14,0x08, // LOAD_METHOD 'items'
    0x36,0x00, // CALL_METHOD 0
    0x34,0x01, // CALL_FUNCTION 1
    0x23,0x06, // LOAD_CONST_OBJ 6
    0x34,0x03, // CALL_FUNCTION 3
    0x59, // POP_TOP
    0x49,0x21, // SETUP_FINALLY 33
    0x48,0x02, // SETUP_EXCEPT 2
    0x4a,0x1c, // POP_EXCEPT_JUMP 28
    0x57, // DUP_TOP
    0x11,0x1e, // LOAD_NAME 'Exception'
    0xdf, // BINARY_OP 8 <exception match>
    0x44,0x55, // POP_JUMP_IF_FALSE 21
    0x16,0x1f, // STORE_NAME 'ex'
    0x49,0x09, // SETUP_FINALLY 9
    0x11,0x20, // LOAD_NAME 'ValueError'
    0x10,0x09, // LOAD_CONST_STRING 'msg'
    0x34,0x01, // CALL_FUNCTION 1
    0x11,0x1f, // LOAD_NAME 'ex'
    0x66, // RAISE_FROM
    0x51, // LOAD_CONST_NONE
    0x16,0x1f, // STORE_NAME 'ex'
    0x19,0x1f, // DELETE_NAME 'ex'
    0x5d, // END_FINALLY
    0x4a,0x01, // POP_EXCEPT_JUMP 1
    0x5d, // END_FINALLY
    0x51, // LOAD_CONST_NONE
    0x5d, // END_FINALLY
    0x11,0x21, // LOAD_NAME 'open'
    0x10,0x0a, // LOAD_CONST_STRING 'f'
    0x34,0x01, // CALL_FUNCTION 1
    0x47,0x03, // SETUP_WITH 3
    0x16,0x22, // STORE_NAME 'fh'
    0x51, // LOAD_CONST_NONE
    0x5c, // WITH_CLEANUP
    0x5d, // END_FINALLY
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of main__lt_module_gt_
// frozen bytecode for file main.py, scope main_gen
static const byte fun_data_main_gen[30] = {
    0xa9,0x40,0x0a, // prelude
    0x0b,0x23, // names: gen, n
    0x80,0x0e,0x26, // code info
    0xb0, // LOAD_FAST 0
    0x80, // LOAD_CONST_SMALL_INT 0
    0x42,0x49, // JUMP 9
    0x57, // DUP_TOP
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0xb1, // LOAD_FAST 1
    0xf4, // BINARY_OP 29 __mul__
    0x67, // YIELD_VALUE
    0x59, // POP_TOP
    0x81, // LOAD_CONST_SMALL_INT 1
    0xe5, // BINARY_OP 14 __iadd__
    0x58, // DUP_TOP_TWO
    0x5a, // ROT_TWO
    0xd7, // BINARY_OP 0 __lt__
    0x43,0x32, // POP_JUMP_IF_TRUE -14
    0x59, // POP_TOP
    0x59, // POP_TOP
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_main_gen = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 1,
    .fun_data = fun_data_main_gen,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 30,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 6,
        .n_exc_stack = 0,
        .scope_flags = 1,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 11,
        .line_info = fun_data_main_gen + 5,
        .line_info_top = fun_data_main_gen + 8,
        .opcodes = fun_data_main_gen + 8,
    },
    #endif
    #endif
};
#else
#define proto_fun_main_gen fun_data_main_gen[0]
#endif

// child of main__lt_module_gt_
// frozen bytecode for file main.py, scope main_Foo
static const byte fun_data_main_Foo[31] = {
    0x18,0x08, // prelude
    0x07, // names: Foo
    0x88,0x11,0x4b, // code info
    0x11,0x24, // LOAD_NAME '__name__'
    0x16,0x25, // STORE_NAME '__module__'
    0x10,0x07, // LOAD_CONST_STRING 'Foo'
    0x16,0x26, // STORE_NAME '__qualname__'
    0x53, // LOAD_NULL
    0x2c,0x00, // BUILD_MAP 0
    0x82, // LOAD_CONST_SMALL_INT 2
    0x10,0x0c, // LOAD_CONST_STRING 'b'
    0x62, // STORE_MAP
    0x33,0x00, // MAKE_FUNCTION_DEFARGS 0
    0x16,0x0f, // STORE_NAME '__init__'
    0x32,0x01, // MAKE_FUNCTION 1
    0x16,0x11, // STORE_NAME 'method'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of main_Foo
// frozen bytecode for file main.py, scope main_Foo___init__
static const byte fun_data_main_Foo___init__[18] = {
    0xb2,0x88,0xc0,0xc0,0x40,0x0c, // prelude
    0x0f,0x28,0x10,0x0c, // names: __init__, self, a, b
    0x80,0x12, // code info
    0xb1, // LOAD_FAST 1
    0xb0, // LOAD_FAST 0
    0x18,0x10, // STORE_ATTR 'a'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_main_Foo___init__ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_main_Foo___init__,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 18,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 7,
        .n_exc_stack = 0,
        .scope_flags = 14,
        .n_pos_args = 2,
        .n_kwonly_args = 1,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 15,
        .line_info = fun_data_main_Foo___init__ + 10,
        .line_info_top = fun_data_main_Foo___init__ + 12,
        .opcodes = fun_data_main_Foo___init__ + 12,
    },
    #endif
    #endif
};
#else
#define proto_fun_main_Foo___init__ fun_data_main_Foo___init__[0]
#endif

// child of main_Foo
// frozen bytecode for file main.py, scope main_Foo_method
static const byte fun_data_main_Foo_method[15] = {
    0x11,0x0b, // prelude
    0x11,0x28, // names: method, self
    0x80,0x14,0x45,0x00, // code info
    0xb0, // LOAD_FAST 0
    0x20,0x00,0x01, // MAKE_CLOSURE 0
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0x63, // RETURN_VALUE
};
// child of main_Foo_method
// frozen bytecode for file main.py, scope main_Foo_method_inner
static const byte fun_data_main_Foo_method_inner[11] = {
    0x09,0x08, // prelude
    0x12,0x27, // names: inner, *
    0x80,0x15, // code info
    0x25,0x00, // LOAD_DEREF 0
    0x13,0x10, // LOAD_ATTR 'a'
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_main_Foo_method_inner = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_main_Foo_method_inner,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 11,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 2,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 18,
        .line_info = fun_data_main_Foo_method_inner + 4,
        .line_info_top = fun_data_main_Foo_method_inner + 6,
        .opcodes = fun_data_main_Foo_method_inner + 6,
    },
    #endif
    #endif
};
#else
#define proto_fun_main_Foo_method_inner fun_data_main_Foo_method_inner[0]
#endif

static const mp_raw_code_t *const children_main_Foo_method[] = {
    (const mp_raw_code_t *)&proto_fun_main_Foo_method_inner,
};

static const mp_raw_code_truncated_t proto_fun_main_Foo_method = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_main_Foo_method,
    .children = (void *)&children_main_Foo_method,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 15,
    .n_children = 1,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 3,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 17,
        .line_info = fun_data_main_Foo_method + 4,
        .line_info_top = fun_data_main_Foo_method + 7,
        .opcodes = fun_data_main_Foo_method + 8,
    },
    #endif
    #endif
};

static const mp_raw_code_t *const children_main_Foo[] = {
    (const mp_raw_code_t *)&proto_fun_main_Foo___init__,
    (const mp_raw_code_t *)&proto_fun_main_Foo_method,
};

static const mp_raw_code_truncated_t proto_fun_main_Foo = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_main_Foo,
    .children = (void *)&children_main_Foo,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 31,
    .n_children = 2,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 4,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 7,
        .line_info = fun_data_main_Foo + 3,
        .line_info_top = fun_data_main_Foo + 6,
        .opcodes = fun_data_main_Foo + 6,
    },
    #endif
    #endif
};

// child of main__lt_module_gt_
// frozen bytecode for file main.py, scope main__lt_listcomp_gt_
static const byte fun_data_main__lt_listcomp_gt_[19] = {
    0x39,0x08, // prelude
    0x0d,0x27, // names: <listcomp>, *
    0x80,0x17, // code info
    0x2b,0x00, // BUILD_LIST 0
    0xb0, // LOAD_FAST 0
    0x5f, // GET_ITER_STACK
    0x4b,0x06, // FOR_ITER 6
    0xc1, // STORE_FAST 1
    0xb1, // LOAD_FAST 1
    0x2f,0x14, // STORE_COMP 20
    0x42,0x38, // JUMP -8
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_main__lt_listcomp_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_main__lt_listcomp_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 19,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 8,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 13,
        .line_info = fun_data_main__lt_listcomp_gt_ + 4,
        .line_info_top = fun_data_main__lt_listcomp_gt_ + 6,
        .opcodes = fun_data_main__lt_listcomp_gt_ + 6,
    },
    #endif
    #endif
};
#else
#define proto_fun_main__lt_listcomp_gt_ fun_data_main__lt_listcomp_gt_[0]
#endif

// child of main__lt_module_gt_
// frozen bytecode for file main.py, scope main__lt_dictcomp_gt_
static const byte fun_data_main__lt_dictcomp_gt_[23] = {
    0x49,0x08, // prelude
    0x0e,0x27, // names: <dictcomp>, *
    0x80,0x17, // code info
    0x2c,0x00, // BUILD_MAP 0
    0xb0, // LOAD_FAST 0
    0x5f, // GET_ITER_STACK
    0x4b,0x0a, // FOR_ITER 10
    0x30,0x02, // UNPACK_SEQUENCE 2
    0xc1, // STORE_FAST 1
    0xc2, // STORE_FAST 2
    0xb2, // LOAD_FAST 2
    0xb1, // LOAD_FAST 1
    0x2f,0x19, // STORE_COMP 25
    0x42,0x34, // JUMP -12
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_main__lt_dictcomp_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_main__lt_dictcomp_gt_,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 23,
    .n_children = 0,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 10,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 1,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 14,
        .line_info = fun_data_main__lt_dictcomp_gt_ + 4,
        .line_info_top = fun_data_main__lt_dictcomp_gt_ + 6,
        .opcodes = fun_data_main__lt_dictcomp_gt_ + 6,
    },
    #endif
    #endif
};
#else
#define proto_fun_main__lt_dictcomp_gt_ fun_data_main__lt_dictcomp_gt_[0]
#endif

static const mp_raw_code_t *const children_main__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_main_gen,
    (const mp_raw_code_t *)&proto_fun_main_Foo,
    (const mp_raw_code_t *)&proto_fun_main__lt_listcomp_gt_,
    (const mp_raw_code_t *)&proto_fun_main__lt_dictcomp_gt_,
};

static const mp_raw_code_truncated_t proto_fun_main__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_main__lt_module_gt_,
    .children = (void *)&children_main__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 185,
    .n_children = 4,
    #if MICROPY_EMIT_MACHINE_CODE
    .prelude_offset = 0,
    #endif
    #if MICROPY_PY_SYS_SETTRACE
    .line_of_definition = 0,
    .prelude = {
        .n_state = 6,
        .n_exc_stack = 3,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_main__lt_module_gt_ + 4,
        .line_info_top = fun_data_main__lt_module_gt_ + 26,
        .opcodes = fun_data_main__lt_module_gt_ + 26,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_main[41] = {
    MP_QSTR_main_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_pkg,
    MP_QSTR_mod,
    MP_QSTR_pkg_dot_sub,
    MP_QSTR_short_space_one,
    MP_QSTR_,
    MP_QSTR_Foo,
    MP_QSTR_items,
    MP_QSTR_msg,
    MP_QSTR_f,
    MP_QSTR_gen,
    MP_QSTR_b,
    MP_QSTR__lt_listcomp_gt_,
    MP_QSTR__lt_dictcomp_gt_,
    MP_QSTR___init__,
    MP_QSTR_a,
    MP_QSTR_method,
    MP_QSTR_inner,
    MP_QSTR_x,
    MP_QSTR_y,
    MP_QSTR_z,
    MP_QSTR_s,
    MP_QSTR_t,
    MP_QSTR_e,
    MP_QSTR_big,
    MP_QSTR_small,
    MP_QSTR_neg,
    MP_QSTR_object,
    MP_QSTR_print,
    MP_QSTR_Exception,
    MP_QSTR_ex,
    MP_QSTR_ValueError,
    MP_QSTR_open,
    MP_QSTR_fh,
    MP_QSTR_n,
    MP_QSTR___name__,
    MP_QSTR___module__,
    MP_QSTR___qualname__,
    MP_QSTR__star_,
    MP_QSTR_self,
};

// constants
static const mp_obj_int_t const_obj_main_0 = {{&mp_type_int}, {.neg=0, .fixed_dig=1, .alloc=5, .len=5, .dig=(uint16_t*)(const uint16_t[]){0x44cb,0x7142,0x4e76,0x42b6,0x29d}}};
static const mp_obj_int_t const_obj_main_1 = {{&mp_type_int}, {.neg=1, .fixed_dig=1, .alloc=3, .len=3, .dig=(uint16_t*)(const uint16_t[]){0xe7ff,0x4876,0x17}}};
#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B
static const mp_obj_float_t const_obj_main_2_1 = {{&mp_type_float}, (mp_float_t)2.5};
#define const_obj_main_2_1_macro MP_ROM_PTR(&const_obj_main_2_1)
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C
#define const_obj_main_2_1_macro ((mp_rom_obj_t)(0xc0a00002))
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
#define const_obj_main_2_1_macro ((mp_rom_obj_t)(0xc008000000000000))
#endif
static const mp_obj_str_t const_obj_main_2_3 = {{&mp_type_bytes}, 92, 5, (const byte*)"\x62\x79\x74\x65\x73"};
static const mp_rom_obj_tuple_t const_obj_main_2_6 = {{&mp_type_tuple}, 2, {
    MP_ROM_INT(3),
    MP_ROM_INT(4),
}};
static const mp_obj_complex_t const_obj_main_2_7 = {{&mp_type_complex}, (mp_float_t)0, (mp_float_t)1};
#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B
static const mp_obj_float_t const_obj_main_2_8 = {{&mp_type_float}, (mp_float_t)-0};
#define const_obj_main_2_8_macro MP_ROM_PTR(&const_obj_main_2_8)
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C
#define const_obj_main_2_8_macro ((mp_rom_obj_t)(0x100800002))
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
#define const_obj_main_2_8_macro ((mp_rom_obj_t)(0x10004000000000000))
#endif
#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B
static const mp_obj_float_t const_obj_main_2_9 = {{&mp_type_float}, (mp_float_t)1e+30};
#define const_obj_main_2_9_macro MP_ROM_PTR(&const_obj_main_2_9)
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C
#define const_obj_main_2_9_macro ((mp_rom_obj_t)(0xf1c9f2ca))
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
#define const_obj_main_2_9_macro ((mp_rom_obj_t)(0xc62d3e5939a08cea))
#endif
static const mp_rom_obj_tuple_t const_obj_main_2 = {{&mp_type_tuple}, 10, {
    MP_ROM_INT(1),
    const_obj_main_2_1_macro,
    MP_ROM_QSTR(MP_QSTR_tuple_space_str),
    MP_ROM_PTR(&const_obj_main_2_3),
    MP_ROM_NONE,
    MP_ROM_TRUE,
    MP_ROM_PTR(&const_obj_main_2_6),
    MP_ROM_PTR(&const_obj_main_2_7),
    const_obj_main_2_8_macro,
    const_obj_main_2_9_macro,
}};
static const mp_obj_str_t const_obj_main_3 = {{&mp_type_str}, 183, 56, (const byte*)"\x74\x68\x69\x73\x20\x69\x73\x20\x61\x20\x6c\x6f\x6e\x67\x20\x73\x74\x72\x69\x6e\x67\x20\x63\x6f\x6e\x73\x74\x61\x6e\x74\x20\x74\x68\x61\x74\x20\x77\x69\x6c\x6c\x20\x6e\x6f\x74\x20\x62\x65\x20\x69\x6e\x74\x65\x72\x6e\x65\x64"};
#if MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B
static const mp_obj_float_t const_obj_main_5 = {{&mp_type_float}, (mp_float_t)3.141592653589793};
#define const_obj_main_5_macro MP_ROM_PTR(&const_obj_main_5)
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_C
#define const_obj_main_5_macro ((mp_rom_obj_t)(0xc0c90fda))
#elif MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_D
#define const_obj_main_5_macro ((mp_rom_obj_t)(0xc00d21fb54442d18))
#endif

// constant table
static const mp_rom_obj_t const_obj_table_data_main[7] = {
    MP_ROM_PTR(&const_obj_main_0),
    MP_ROM_PTR(&const_obj_main_1),
    MP_ROM_PTR(&const_obj_main_2),
    MP_ROM_PTR(&const_obj_main_3),
    MP_ROM_PTR(&mp_const_empty_bytes_obj),
    const_obj_main_5_macro,
    MP_ROM_PTR(&mp_const_ellipsis_obj),
};

static const mp_frozen_module_t frozen_module_main = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_main,
        .obj_table = (mp_obj_t *)&const_obj_table_data_main,
    },
    .proto_fun = &proto_fun_main__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// collection of all frozen modules

const char mp_frozen_names[] = {
    #ifdef MP_FROZEN_STR_NAMES
    MP_FROZEN_STR_NAMES
    #endif
    "pkg/__init__.py\0"
    "pkg/sub/__init__.py\0"
    "pkg/sub/mod.py\0"
    "main.py\0"
    "\0"
};

const mp_frozen_module_t *const mp_frozen_mpy_content[] = {
    &frozen_module_pkg___init__,
    &frozen_module_pkg_sub___init__,
    &frozen_module_pkg_sub_mod,
    &frozen_module_main,
};

#ifdef MICROPY_FROZEN_LIST_ITEM
MICROPY_FROZEN_LIST_ITEM("pkg", "pkg/__init__.py")
MICROPY_FROZEN_LIST_ITEM("pkg/sub", "pkg/sub/__init__.py")
MICROPY_FROZEN_LIST_ITEM("pkg/sub/mod", "pkg/sub/mod.py")
MICROPY_FROZEN_LIST_ITEM("main", "main.py")
#endif

/*
byte sizes:
qstr content: 41 unique, 347 bytes
bc content: 403
const str content: 61
const int content: 16
const obj content: 112
const table qstr content: 0 entries, 0 bytes
const table ptr content: 9 entries, 36 bytes
raw code content: 14 * 4 = 224
mp_frozen_mpy_names_content: 60
mp_frozen_mpy_content_size: 16
total: 1275
*/
