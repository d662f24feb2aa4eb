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
    MP_QSTR__0x00__space_nul = MP_QSTRnumber_of,
    MP_QSTR__lt_lambda_gt_,
    MP_QSTR_Drv,
    MP_QSTR_a,
    MP_QSTR_b,
    MP_QSTR_boot,
    MP_QSTR_boot_dot_py,
    MP_QSTR_drivers_slash_drv_dot_py,
    MP_QSTR_f,
    MP_QSTR_lambda_,
    MP_QSTR_pre_dot_py,
    MP_QSTR_u,
    MP_QSTR_unicod_eacute__space_str,
    MP_QSTR_v,
};

const qstr_hash_t mp_qstr_frozen_const_hashes[] = {
    15378,
    35968,
    49317,
    46532,
    46535,
    15603,
    47476,
    32160,
    46531,
    56061,
    25061,
    46544,
    55840,
    46547,
};

const qstr_len_t mp_qstr_frozen_const_lengths[] = {
    5,
    8,
    3,
    1,
    1,
    4,
    7,
    14,
    1,
    7,
    6,
    1,
    12,
    1,
};

extern const qstr_pool_t mp_qstr_const_pool;
const qstr_pool_t mp_qstr_frozen_const_pool = {
    &mp_qstr_const_pool, // previous pool
    MP_QSTRnumber_of, // previous pool size
    true, // is_sorted
    10, // allocated entries
    14, // used entries
    (qstr_hash_t *)mp_qstr_frozen_const_hashes,
    (qstr_len_t *)mp_qstr_frozen_const_lengths,
    {
        "\x00\x20\x6e\x75\x6c",
        "<lambda>",
        "Drv",
        "a",
        "b",
        "boot",
        "boot.py",
        "drivers/drv.py",
        "f",
        "lambda_",
        "pre.py",
        "u",
        "\x75\x6e\x69\x63\x6f\x64\xc3\xa9\x20\x73\x74\x72",
        "v",
    },
};

////////////////////////////////////////////////////////////////////////////////
// frozen module boot
// - original source file: build/frozen_mpy/boot.mpy
// - frozen file name: boot.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file boot.py, scope boot__lt_module_gt_
static const byte fun_data_boot__lt_module_gt_[12] = {
    0x08,0x02, // prelude
    0x01, // names: <module>
     // code info
    0x11,0x03, // LOAD_NAME 'print'
    0x10,0x02, // LOAD_CONST_STRING 'boot'
    0x34,0x01, // CALL_FUNCTION 1
    0x59, // POP_TOP
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_boot__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_boot__lt_module_gt_,
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
        .n_state = 2,
        .n_exc_stack = 0,
        .scope_flags = 0,
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_boot__lt_module_gt_ + 3,
        .line_info_top = fun_data_boot__lt_module_gt_ + 3,
        .opcodes = fun_data_boot__lt_module_gt_ + 3,
    },
    #endif
    #endif
};
#else
#define proto_fun_boot__lt_module_gt_ fun_data_boot__lt_module_gt_[0]
#endif

static const qstr_short_t const_qstr_table_data_boot[4] = {
    MP_QSTR_boot_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_boot,
    MP_QSTR_print,
};

static const mp_frozen_module_t frozen_module_boot = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_boot,
        .obj_table = NULL,
    },
    .proto_fun = &proto_fun_boot__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module pre
// - original source file: $FIXTURE/modules/pre.mpy
// - frozen file name: pre.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file pre.py, scope pre__lt_module_gt_
static const byte fun_data_pre__lt_module_gt_[28] = {
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
// child of pre__lt_module_gt_
// frozen bytecode for file pre.py, scope pre_f
static const byte fun_data_pre_f[11] = {
    0x9a,0x01,0x08, // prelude
    0x03,0x08,0x09, // names: f, a, b
    0x20, // code info
    0xb0, // LOAD_FAST 0
    0xb1, // LOAD_FAST 1
    0xf2, // BINARY_OP 27 __add__
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_pre_f = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pre_f,
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
        .line_info = fun_data_pre_f + 6,
        .line_info_top = fun_data_pre_f + 7,
        .opcodes = fun_data_pre_f + 7,
    },
    #endif
    #endif
};
#else
#define proto_fun_pre_f fun_data_pre_f[0]
#endif

// child of pre__lt_module_gt_
// frozen bytecode for file pre.py, scope pre__lt_lambda_gt_
static const byte fun_data_pre__lt_lambda_gt_[6] = {
    0x00,0x04, // prelude
    0x04, // names: <lambda>
    0x40, // code info
    0x80, // LOAD_CONST_SMALL_INT 0
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_pre__lt_lambda_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pre__lt_lambda_gt_,
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
        .line_info = fun_data_pre__lt_lambda_gt_ + 3,
        .line_info_top = fun_data_pre__lt_lambda_gt_ + 4,
        .opcodes = fun_data_pre__lt_lambda_gt_ + 4,
    },
    #endif
    #endif
};
#else
#define proto_fun_pre__lt_lambda_gt_ fun_data_pre__lt_lambda_gt_[0]
#endif

static const mp_raw_code_t *const children_pre__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_pre_f,
    (const mp_raw_code_t *)&proto_fun_pre__lt_lambda_gt_,
};

static const mp_raw_code_truncated_t proto_fun_pre__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_pre__lt_module_gt_,
    .children = (void *)&children_pre__lt_module_gt_,
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
        .line_info = fun_data_pre__lt_module_gt_ + 3,
        .line_info_top = fun_data_pre__lt_module_gt_ + 6,
        .opcodes = fun_data_pre__lt_module_gt_ + 6,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_pre[10] = {
    MP_QSTR_pre_dot_py,
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
static const mp_rom_obj_t const_obj_table_data_pre[1] = {
    MP_ROM_QSTR(MP_QSTR_unicod_eacute__space_str),
};

static const mp_frozen_module_t frozen_module_pre = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_pre,
        .obj_table = (mp_obj_t *)&const_obj_table_data_pre,
    },
    .proto_fun = &proto_fun_pre__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// frozen module drivers_drv
// - original source file: build/frozen_mpy/drivers/drv.mpy
// - frozen file name: drivers/drv.py
// - .mpy header: 4d:06:00:1f

// frozen bytecode for file drivers/drv.py, scope drivers_drv__lt_module_gt_
static const byte fun_data_drivers_drv__lt_module_gt_[14] = {
    0x10,0x02, // prelude
    0x01, // names: <module>
     // code info
    0x54, // LOAD_BUILD_CLASS
    0x32,0x00, // MAKE_FUNCTION 0
    0x10,0x02, // LOAD_CONST_STRING 'Drv'
    0x34,0x02, // CALL_FUNCTION 2
    0x16,0x02, // STORE_NAME 'Drv'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of drivers_drv__lt_module_gt_
// frozen bytecode for file drivers/drv.py, scope drivers_drv_Drv
static const byte fun_data_drivers_drv_Drv[18] = {
    0x00,0x04, // prelude
    0x02, // names: Drv
    0x28, // code info
    0x11,0x04, // LOAD_NAME '__name__'
    0x16,0x05, // STORE_NAME '__module__'
    0x10,0x02, // LOAD_CONST_STRING 'Drv'
    0x16,0x06, // STORE_NAME '__qualname__'
    0x32,0x00, // MAKE_FUNCTION 0
    0x16,0x03, // STORE_NAME 'read'
    0x51, // LOAD_CONST_NONE
    0x63, // RETURN_VALUE
};
// child of drivers_drv_Drv
// frozen bytecode for file drivers/drv.py, scope drivers_drv_Drv_read
static const byte fun_data_drivers_drv_Drv_read[8] = {
    0x09,0x06, // prelude
    0x03,0x07, // names: read, self
    0x20, // code info
    0x23,0x00, // LOAD_CONST_OBJ 0
    0x63, // RETURN_VALUE
};
#if MICROPY_PERSISTENT_CODE_SAVE
static const mp_raw_code_truncated_t proto_fun_drivers_drv_Drv_read = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_drivers_drv_Drv_read,
    .children = NULL,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 8,
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
        .qstr_block_name_idx = 3,
        .line_info = fun_data_drivers_drv_Drv_read + 4,
        .line_info_top = fun_data_drivers_drv_Drv_read + 5,
        .opcodes = fun_data_drivers_drv_Drv_read + 5,
    },
    #endif
    #endif
};
#else
#define proto_fun_drivers_drv_Drv_read fun_data_drivers_drv_Drv_read[0]
#endif

static const mp_raw_code_t *const children_drivers_drv_Drv[] = {
    (const mp_raw_code_t *)&proto_fun_drivers_drv_Drv_read,
};

static const mp_raw_code_truncated_t proto_fun_drivers_drv_Drv = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_drivers_drv_Drv,
    .children = (void *)&children_drivers_drv_Drv,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 18,
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
        .qstr_block_name_idx = 2,
        .line_info = fun_data_drivers_drv_Drv + 3,
        .line_info_top = fun_data_drivers_drv_Drv + 4,
        .opcodes = fun_data_drivers_drv_Drv + 4,
    },
    #endif
    #endif
};

static const mp_raw_code_t *const children_drivers_drv__lt_module_gt_[] = {
    (const mp_raw_code_t *)&proto_fun_drivers_drv_Drv,
};

static const mp_raw_code_truncated_t proto_fun_drivers_drv__lt_module_gt_ = {
    .proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0,
    .proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1,
    .kind = MP_CODE_BYTECODE,
    .is_generator = 0,
    .fun_data = fun_data_drivers_drv__lt_module_gt_,
    .children = (void *)&children_drivers_drv__lt_module_gt_,
    #if MICROPY_PERSISTENT_CODE_SAVE
    .fun_data_len = 14,
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
        .n_pos_args = 0,
        .n_kwonly_args = 0,
        .n_def_pos_args = 0,
        .qstr_block_name_idx = 1,
        .line_info = fun_data_drivers_drv__lt_module_gt_ + 3,
        .line_info_top = fun_data_drivers_drv__lt_module_gt_ + 3,
        .opcodes = fun_data_drivers_drv__lt_module_gt_ + 3,
    },
    #endif
    #endif
};

static const qstr_short_t const_qstr_table_data_drivers_drv[8] = {
    MP_QSTR_drivers_slash_drv_dot_py,
    MP_QSTR__lt_module_gt_,
    MP_QSTR_Drv,
    MP_QSTR_read,
    MP_QSTR___name__,
    MP_QSTR___module__,
    MP_QSTR___qualname__,
    MP_QSTR_self,
};

// constants
static const mp_obj_str_t const_obj_drivers_drv_0 = {{&mp_type_bytes}, 27204, 2, (const byte*)"\x00\x01"};

// constant table
static const mp_rom_obj_t const_obj_table_data_drivers_drv[1] = {
    MP_ROM_PTR(&const_obj_drivers_drv_0),
};

static const mp_frozen_module_t frozen_module_drivers_drv = {
    .constants = {
        .qstr_table = (qstr_short_t *)&const_qstr_table_data_drivers_drv,
        .obj_table = (mp_obj_t *)&const_obj_table_data_drivers_drv,
    },
    .proto_fun = &proto_fun_drivers_drv__lt_module_gt_,
};

////////////////////////////////////////////////////////////////////////////////
// collection of all frozen modules

const char mp_frozen_names[] = {
    #ifdef MP_FROZEN_STR_NAMES
    MP_FROZEN_STR_NAMES
    #endif
    "boot.py\0"
    "pre.py\0"
    "drivers/drv.py\0"
    "\0"
};

const mp_frozen_module_t *const mp_frozen_mpy_content[] = {
    &frozen_module_boot,
    &frozen_module_pre,
    &frozen_module_drivers_drv,
};

#ifdef MICROPY_FROZEN_LIST_ITEM
MICROPY_FROZEN_LIST_ITEM("boot", "boot.py")
MICROPY_FROZEN_LIST_ITEM("pre", "pre.py")
MICROPY_FROZEN_LIST_ITEM("drivers/drv", "drivers/drv.py")
#endif

/*
byte sizes:
qstr content: 14 unique, 127 bytes
bc content: 97
const str content: 2
const int content: 0
const obj content: 16
const table qstr content: 0 entries, 0 bytes
const table ptr content: 2 entries, 8 bytes
raw code content: 7 * 4 = 112
mp_frozen_mpy_names_content: 31
mp_frozen_mpy_content_size: 12
total: 405
*/
